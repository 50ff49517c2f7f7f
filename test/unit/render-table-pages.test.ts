// Tables running over pages: Shanghai 2024 prints each header once and keeps the usual type size, as the official
// does (Putuo 2024 continues tables 1, 2, 3, 4 and 6 without a header; the blank template table 4 too); the 2019
// national layout repeats headers and prints long tables smaller.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { compile } from '../../src/compile/index.ts';
import { parseDepartmentJson } from '../../src/import/workbook/json.ts';
import type { Disclosure, TableKind } from '../../src/model/disclosure.ts';
import { renderDocx } from '../../src/render/docx.ts';
import { renderHtml } from '../../src/render/html.ts';
import { performanceGrids, tableGrid } from '../../src/render/layout.ts';
import { pdfDocument, renderPdf } from '../../src/render/pdf.ts';
import { renderXlsx } from '../../src/render/xlsx.ts';

function example(name: string): Disclosure {
  const file = `examples/${name}/data.json`;
  return compile(parseDepartmentJson(fs.readFileSync(file, 'utf8'), file), { file: 'data.json' });
}
const seed = example('shenzhen-fupin-2019');
const putuo = example('shanghai-putuo-2024');

type Obj = Record<string, unknown>;
interface PdfTable {
  node: Obj;
  /** The stack holding this table, if any. */
  stack?: Obj;
}

/** The pdfmake table nodes of each disclosure table, by title (a table split for its notes gives two). */
function pdfTables(d: Disclosure): Map<string, PdfTable[]> {
  const out = new Map<string, PdfTable[]>();
  let title = '';
  const walk = (n: unknown, stack?: Obj) => {
    if (typeof n !== 'object' || n === null) return;
    const node = n as Obj;
    if (node.style === 'tableTitle') title = String(node.text);
    if (node.table) out.set(title, [...(out.get(title) ?? []), stack ? { node, stack } : { node }]);
    if (Array.isArray(node.stack)) for (const x of node.stack) walk(x, node);
  };
  for (const n of pdfDocument(d).content as unknown[]) walk(n);
  return out;
}

const table = (n: Obj) => n.table as { headerRows: number; body: Obj[][] };

function titleOf(d: Disclosure, kind: TableKind): string {
  const t = d.tables.find((x) => x.kind === kind);
  assert.ok(t, kind);
  return t.title;
}

/** Text of each page of a PDF (pdftotext, reading order). */
function pdfPages(pdf: Buffer): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-pages-'));
  try {
    const file = path.join(dir, 'x.pdf');
    fs.writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

let putuoPdf: Promise<string[]> | undefined;
/** The pages of the 2024 example's PDF, rendered once for this file. */
function putuoPdfPages(): Promise<string[]> {
  putuoPdf ??= renderPdf(putuo).then(pdfPages);
  return putuoPdf;
}

/** Index of the page a table starts on (its title above 单位：万元, not the contents page). */
function tablePage(pages: string[], title: string): number {
  return pages.findIndex((p) => new RegExp(`^\\s*${title}\\s*$`, 'm').test(p) && p.includes('单位：万元'));
}

describe('table headers: printed once in Shanghai 2024, repeated on each page in 2019', () => {
  it('PDF document: no repeated header row in any 2024 table; 2019 repeats every header', () => {
    const p = pdfTables(putuo);
    for (const t of putuo.tables) {
      const parts = p.get(t.title) ?? [];
      assert.ok(parts.length > 0, t.title);
      for (const x of parts) assert.equal(table(x.node).headerRows, 0, t.title);
    }
    const s = pdfTables(seed);
    for (const t of seed.tables) {
      const rows = tableGrid(t, seed.meta.template).header.length;
      assert.ok(rows > 0, t.title);
      assert.deepEqual(
        (s.get(t.title) ?? []).map((x) => table(x.node).headerRows),
        [rows],
        t.title,
      );
    }
  });

  it('PDF: table 4 continues on its second page without 项目 / 决算数, as Putuo and the blank template', async () => {
    const putuoPages = await putuoPdfPages();
    const title = titleOf(putuo, 'fiscal_summary');
    const first = tablePage(putuoPages, title);
    assert.ok(first >= 0);
    assert.match(putuoPages[first] ?? '', /决算数/);
    assert.match(putuoPages[first] ?? '', /项目/);
    const next = putuoPages[first + 1] ?? '';
    assert.match(next, /总计/, 'table 4 runs onto the next page');
    assert.doesNotMatch(next, /决算数|项目/);
  });

  it('HTML: the nine 2024 tables do not repeat their thead when printed; 2019 tables do', () => {
    const once = (html: string) => html.split('<table class="header-once">').length - 1;
    assert.equal(once(renderHtml(putuo)), putuo.tables.length);
    assert.match(renderHtml(putuo), /table\.header-once thead \{ display: table-row-group; \}/);
    assert.equal(once(renderHtml(seed)), 0);
  });

  it('DOCX: no 2024 table row is a repeated header row (w:tblHeader); 2019 header rows are', async () => {
    const xml = async (d: Disclosure) =>
      strFromU8(unzipSync(await renderDocx(d))['word/document.xml'] ?? new Uint8Array());
    const on = (x: string) => x.split('<w:tblHeader/>').length - 1;
    assert.equal(on(await xml(putuo)), 0);
    const headerRows = [
      ...seed.tables.map((t) => tableGrid(t, seed.meta.template)),
      ...performanceGrids(seed).flatMap((a) => a.grids),
    ].reduce((a, g) => a + g.header.length, 0);
    assert.ok(headerRows > 0);
    assert.equal(on(await xml(seed)), headerRows);
  });

  it('XLSX: 2024 table sheets print their header rows once (no print titles); 2019 sheets repeat them', async () => {
    const titles = async (d: Disclosure) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await renderXlsx(d)) as unknown as ArrayBuffer);
      return d.tables.map(
        (t) => wb.worksheets.find((w) => w.name.startsWith(`${t.number} `))?.pageSetup.printTitlesRow,
      );
    };
    assert.deepEqual(
      await titles(putuo),
      putuo.tables.map(() => undefined),
    );
    for (const r of await titles(seed)) assert.match(String(r), /^\d+:\d+$/);
  });

  it('PDF: no page of the 2024 example starts with a table note or one line left alone (the last three lines go with the notes)', async () => {
    (await putuoPdfPages()).forEach((p, i) => {
      const first = p.split('\n').find((l) => l.trim() !== '') ?? '';
      assert.doesNotMatch(first.trim(), /^注/, `page ${i + 1}`);
    });
    // Each 2024 table of more than one line with notes ends with an unbreakable stack: its last three lines (all but
    // the first where it has fewer than four) as a table, then the notes (table 7 has one line only).
    const p = pdfTables(putuo);
    for (const t of putuo.tables) {
      const grid = tableGrid(t, putuo.meta.template);
      if (t.notes.length === 0 || grid.body.length < 2) continue;
      const last = p.get(t.title)?.at(-1);
      assert.ok(last?.stack?.unbreakable, t.title);
      const body = table(last.node).body;
      assert.deepEqual(
        body.map((r) => r.map((c) => c.text ?? null)),
        grid.body
          .slice(-Math.min(3, grid.body.length - 1))
          .map((r) => r.map((c) => (c ? `${'\u3000'.repeat(c.indent ?? 0)}${c.text}` : null))),
        t.title,
      );
      assert.deepEqual(
        (last.stack.stack as Obj[]).slice(1).map((n) => n.text),
        t.notes.map((n) => n.text),
        t.title,
      );
    }
  });
});

describe('type size of long tables: the usual size in Shanghai 2024, smaller in 2019', () => {
  const size = (d: Disclosure, kind: TableKind) => {
    const parts = pdfTables(d).get(titleOf(d, kind)) ?? [];
    assert.ok(parts.length > 0, kind);
    return parts.map((x) => [x.node.fontSize, x.node.lineHeight]);
  };

  it('2024 tables 6 (39 lines) and 1 (30 lines) print at the size of table 5 (8.5 pt), not squeezed', () => {
    const t6 = putuo.tables.find((t) => t.kind === 'general_budget_basic');
    assert.ok(t6 && tableGrid(t6, putuo.meta.template).body.length > 28);
    const usual = size(putuo, 'general_budget_expense')[0];
    assert.deepEqual(usual, [8.5, 1.1]);
    for (const kind of ['general_budget_basic', 'income_expense_summary'] as const)
      for (const s of size(putuo, kind)) assert.deepEqual(s, usual, kind);
  });

  it('2019 table 6 (29 lines) still prints smaller to keep to one page', () => {
    assert.deepEqual(size(seed, 'general_budget_basic'), [[7, 1]]);
  });

  it('PDF: 2024 table 6 runs onto a second page, which holds its last lines and no title', async () => {
    const pages = await putuoPdfPages();
    const title = titleOf(putuo, 'general_budget_basic');
    const first = tablePage(pages, title);
    assert.ok(first >= 0);
    const next = pages[first + 1] ?? '';
    assert.match(next, /人员经费合计/);
    assert.doesNotMatch(pages[first] ?? '', /人员经费合计/);
    assert.doesNotMatch(next, /决算表/);
  });
});
