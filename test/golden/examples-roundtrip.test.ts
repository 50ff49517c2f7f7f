// Round trip: every example compiled, printed to PDF, read back with the PDF importer and checked.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { check } from '../../src/check/engine.ts';
import { compile } from '../../src/compile/index.ts';
import { importPdf } from '../../src/import/pdf/index.ts';
import { parseDepartmentJson } from '../../src/import/workbook/json.ts';
import type { Disclosure, Row } from '../../src/model/disclosure.ts';
import { renderPdf } from '../../src/render/pdf.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-roundtrip-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** 项目支出内容 rows without their source locations: key, label and every cell as built or read. */
function spendingOf(d: Disclosure): unknown[] {
  const bare = (r: Row) => ({
    key: r.key,
    label: r.label,
    cells: Object.fromEntries(
      Object.entries(r.cells).map(([id, c]) => {
        const { src: _, ...rest } = c as typeof c & { src?: unknown };
        return [id, rest];
      }),
    ),
  });
  return d.performance.map((p) => p.spending.map(bare));
}

/** Every amount and blank cell of the tables, as "kind row column" → 分, or "blank" for a cell printed empty. */
function amounts(d: Disclosure, keep: (rowKey: string, kind: string) => boolean): Map<string, bigint | 'blank'> {
  const out = new Map<string, bigint | 'blank'>();
  for (const t of d.tables) {
    for (const r of t.rows) {
      if (!keep(r.key, t.kind)) continue;
      for (const [col, c] of Object.entries(r.cells))
        if (c.kind === 'amount' || c.kind === 'blank')
          out.set(`${t.kind} ${r.key} ${col}`, c.kind === 'blank' ? 'blank' : c.fen);
    }
  }
  return out;
}

function differences(built: Disclosure, back: Disclosure, keep: (rowKey: string, kind: string) => boolean): string[] {
  const a = amounts(built, keep);
  const b = amounts(back, keep);
  const out: string[] = [];
  for (const [k, v] of a) if (b.get(k) !== v) out.push(`${k}: built ${v}, read ${b.get(k) ?? '(missing)'}`);
  for (const k of b.keys()) if (!a.has(k)) out.push(`${k}: read but not built`);
  return out;
}

/**
 * The examples as printed here, and their DOCX as printed by LibreOffice (another producer: other fonts,
 * other line breaks, cell texts wrapped over lines; see test/fixtures/producers/README.md).
 */
const CASES = [
  { dir: 'examples/shenzhen-fupin-2019', printedBy: 'juesuan' },
  { dir: 'examples/shanghai-putuo-2024', printedBy: 'juesuan' },
  {
    dir: 'examples/shenzhen-fupin-2019',
    printedBy: 'LibreOffice (from the DOCX)',
    pdf: 'test/fixtures/producers/libreoffice-shenzhen-fupin-2019.pdf',
  },
  {
    dir: 'examples/shanghai-putuo-2024',
    printedBy: 'LibreOffice (from the DOCX)',
    pdf: 'test/fixtures/producers/libreoffice-shanghai-putuo-2024.pdf',
  },
];

for (const { dir, printedBy, pdf: printed } of CASES) {
  describe(`${dir}: PDF printed by ${printedBy}, imported back`, async () => {
    const file = `${dir}/data.json`;
    const built = compile(parseDepartmentJson(fs.readFileSync(file, 'utf8'), file), { file: 'data.json' });
    let pdf = printed;
    if (!pdf) {
      pdf = path.join(tmp, `${path.basename(dir)}.pdf`);
      fs.writeFileSync(pdf, await renderPdf(built));
    }
    const back = await importPdf(pdf);

    it('finds every table of the template', () => {
      assert.deepEqual(
        back.tables.map((t) => t.kind),
        built.tables.map((t) => t.kind),
      );
      assert.equal(back.meta.department, built.meta.department);
      assert.equal(back.meta.fiscalYear, built.meta.fiscalYear);
    });

    it('reads every table figure and blank cell back exactly', () => {
      assert.deepEqual(
        differences(built, back, () => true),
        [],
      );
    });

    it('reads every row back with its code and name (2024 prints the code as 类 / 款 / 项)', () => {
      const rows = (d: Disclosure) =>
        d.tables.flatMap((t) => t.rows.map((r) => `${t.kind} ${r.key} ${r.code ?? '-'} ${r.label}`)).sort();
      assert.deepEqual(rows(back), rows(built));
    });

    it('the imported PDF has no error finding', () => {
      const errors = check(back).findings.filter((f) => f.severity === 'error');
      assert.deepEqual(
        errors.map((f) => `${f.rule}: ${f.message}`),
        [],
      );
    });

    if (built.performance.length > 0) {
      it('reads the performance self-evaluations back', () => {
        assert.deepEqual(
          back.performance.map((p) => [p.annex, p.project, p.totalWeight?.text, p.totalScore?.text, p.grade]),
          built.performance.map((p) => [p.annex, p.project, p.totalWeight?.text, p.totalScore?.text, p.grade]),
        );
        const sheet = (p: Disclosure['performance'][number]) => [
          p.indicators.map((i) => [
            i.level1,
            i.level1Weight?.text,
            i.level2,
            i.level2Weight?.text,
            i.name,
            i.weight?.text,
            i.target,
            i.actual,
            i.score?.text,
            i.standard,
          ]),
          (p.groups ?? []).map((g) => [g.level, g.name, g.parent, g.weight?.text]),
        ];
        assert.deepEqual(back.performance.map(sheet), built.performance.map(sheet));
        // 资金安排和使用情况表: amounts exact in 分, rates as printed, by row and printed column header.
        const funds = (p: Disclosure['performance'][number]) =>
          (p.funds?.rows ?? []).flatMap((r) =>
            (p.funds?.columns ?? []).map((c) => {
              const cell = r.cells[c.id];
              const v = cell?.kind === 'amount' ? cell.fen : cell?.kind === 'text' ? cell.text : cell?.kind;
              return `${r.key} ${r.lineNo ?? ''} ${c.header.join('')}: ${String(v)}`;
            }),
          );
        assert.deepEqual(back.performance.map(funds), built.performance.map(funds));
        assert.deepEqual(
          back.performance.flatMap((p) => p.unread ?? []),
          [],
        );
      });

      it('reads 项目支出内容 back: every row and cell as built, nothing unread', () => {
        assert.ok(built.performance.every((p) => p.spending.length > 0));
        assert.deepEqual(spendingOf(back), spendingOf(built));
        assert.deepEqual(
          back.performance.flatMap((p) => (p.unread ?? []).filter((u) => u.what === '项目支出内容')),
          [],
        );
      });
    }
  });
}
