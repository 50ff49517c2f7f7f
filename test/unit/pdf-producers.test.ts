// Layouts word processors export and the real samples lack, on made-up 2019-style disclosures drawn with pdfkit +
// Noto CJK (test/fixtures/pdf/producers.ts): every glyph its own text item, wide character spacing, a title in two
// runs, a table without ruling lines, header cells one character per line, letters spread over a cell. Every cell
// is compared with the figure printed and every narrative figure with its sentence.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { check } from '../../src/check/engine.ts';
import { importPdf } from '../../src/import/pdf/index.ts';
import { stripNumbering } from '../../src/model/classification.ts';
import type { Cell, Disclosure, Table } from '../../src/model/disclosure.ts';
import { FACTS } from '../../src/model/facts.ts';
import {
  DEPARTMENT,
  emptyTablesPdf,
  FORM_COLUMNS,
  FORMS,
  glyphsPdf,
  INCOME_COLUMNS,
  INCOME_ROWS,
  INCOME_TOTAL,
  SENTENCE_GLYPHS,
  SENTENCE_SPACED,
  SENTENCE_SPREAD,
  SUMMARY,
  THREE_PUBLIC_NONE,
} from '../fixtures/pdf/producers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'juesuan-pdf-producers-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The printed text of a cell, without thousands separators. */
function printed(c: Cell | undefined): string | undefined {
  if (!c) return undefined;
  if (c.kind === 'amount' || c.kind === 'dash') return c.text;
  if (c.kind === 'blank') return '';
  if (c.kind === 'text') return `?${c.text}`;
  return `?${c.kind}`;
}

const bare = (s: string) => s.replace(/,/g, '');

async function load(name: string, make: () => Promise<Buffer>): Promise<Disclosure> {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, await make());
  return importPdf(file);
}

describe('PDF import: glyph-by-glyph output (Word/WPS justified), spacing, borderless and vertical headers', () => {
  let d: Disclosure;
  before(async () => {
    d = await load('glyphs', glyphsPdf);
  });

  it('reads meta data and both tables, nothing left unread', () => {
    assert.equal(d.meta.department, DEPARTMENT);
    assert.equal(d.meta.fiscalYear, 2019);
    assert.deepEqual(
      d.tables.map((t) => t.kind),
      ['income_expense_summary', 'income'],
    );
    for (const t of d.tables) assert.deepEqual(t.unread, [], `${t.title}: ${JSON.stringify(t.unread)}`);
    assert.deepEqual(d.unread, []);
  });

  it('joins a title drawn in two runs ("收入支出决算" + "总表") and keeps its table number', () => {
    const t = d.tables[0] as Table;
    assert.equal(t.title, '收入支出决算总表');
    assert.equal(t.tableNo, '公开01表');
    assert.equal(t.department, DEPARTMENT);
    assert.equal(d.tables[1]?.tableNo, '公开02表');
    // "单 位 ： 元" spread over its cell, beside the department
    assert.equal(d.tables[1]?.unit, '元');
    assert.equal(d.tables[1]?.department, DEPARTMENT);
  });

  it('reads a glyph-by-glyph summary table whose 行次 header is one character per line, or turned', () => {
    const t = d.tables[0] as Table;
    assert.deepEqual(
      t.columns.map((c) => `${c.side}:${c.id}`),
      ['income:amount', 'expense:amount'],
    );
    assert.equal(t.rows.length, SUMMARY.length * 2);
    for (const want of SUMMARY)
      for (const side of ['income', 'expense'] as const) {
        const [label, lineNo, figure] = want[side];
        const row = t.rows.find((r) => r.side === side && r.lineNo === lineNo);
        assert.ok(row, `${side} 行次 ${lineNo}`);
        assert.equal(row.label, stripNumbering(label));
        assert.equal(printed(row.cells.amount), bare(figure), `${side} ${label}`);
      }
  });

  it('reads a borderless table with a vertical header, letters spread over their cells, figures letter-spaced', () => {
    const t = d.tables[1] as Table;
    assert.deepEqual(
      t.columns.map((c) => c.id),
      INCOME_COLUMNS.map(([id]) => id),
    );
    assert.equal(t.columns.find((c) => c.id === 'operating')?.header.join(''), '经营收入');
    assert.equal(t.rows.length, INCOME_ROWS.length + 1);
    const total = t.rows[0];
    assert.equal(total?.key, 'total');
    assert.equal(total?.label, '合计');
    INCOME_COLUMNS.forEach(([id], i) => {
      assert.equal(printed(total?.cells[id]), bare(INCOME_TOTAL[i] ?? ''), `合计 ${id}`);
    });
    for (const want of INCOME_ROWS) {
      const row = t.rows.find((r) => r.code === want.code);
      assert.ok(row, `row ${want.code}`);
      assert.equal(row.label, want.name);
      INCOME_COLUMNS.forEach(([id], i) => {
        assert.equal(printed(row.cells[id]), bare(want.cells[i] ?? ''), `${want.code} ${id}`);
      });
    }
  });

  it('keeps justified and letter-spaced sentences whole, figures bound', () => {
    const texts = d.narrative.flatMap((s) => s.paragraphs.map((p) => p.text));
    assert.ok(texts.includes(SENTENCE_GLYPHS), texts.join('\n'));
    assert.ok(texts.includes(SENTENCE_SPACED), texts.join('\n'));
    assert.ok(texts.includes(SENTENCE_SPREAD), texts.join('\n'));
    const cost = d.facts.find((f) => f.key === FACTS.operatingCost.key);
    assert.equal(cost?.value.text, '56.78');
    assert.equal(cost?.unit, '万元');
  });
});

describe('PDF import: missing tables, tables printed empty, amounts in every printed form', () => {
  let d: Disclosure;
  before(async () => {
    d = await load('empty', emptyTablesPdf);
  });

  it('keeps tables printed as "无" or "本表无数据" as recognised empty tables, with the statement as a note', () => {
    assert.deepEqual(
      d.tables.map((t) => t.kind),
      ['income', 'expense', 'gov_fund', 'three_public'],
    );
    const expense = d.tables.find((t) => t.kind === 'expense') as Table;
    const fund = d.tables.find((t) => t.kind === 'gov_fund') as Table;
    for (const t of [expense, fund]) {
      assert.deepEqual(t.rows, [], t.title);
      assert.deepEqual(t.unread, [], `${t.title}: ${JSON.stringify(t.unread)}`);
    }
    assert.deepEqual(
      expense.notes.map((n) => n.text),
      ['无'],
    );
    assert.equal(fund.title, `${DEPARTMENT}2019年度政府性基金预算财政拨款收入支出决算表`, 'title over two lines');
    assert.equal(fund.notes[0]?.text, '本表无数据');
    assert.match(fund.notes[1]?.text ?? '', /^注：.*故本表无数据。$/);
    // the header is still read in full: the statement is no column
    assert.deepEqual(
      fund.columns.map((c) => c.id),
      ['carryIn', 'income', 'expense.total', 'expense.basic', 'expense.project', 'carryOut'],
    );
    assert.equal(expense.columns.length, 6);
  });

  it('keeps a table printed as a title and a sentence saying there was none, without a header', () => {
    const t = d.tables.find((x) => x.kind === 'three_public') as Table;
    assert.deepEqual(t.rows, []);
    assert.deepEqual(t.unread, []);
    assert.deepEqual(
      t.notes.map((n) => n.text),
      [THREE_PUBLIC_NONE.join('')],
    );
  });

  it('reports the missing tables, and only those', () => {
    const present = check(d)
      .findings.filter((f) => /^COMP-T\d-PRESENT$/.test(f.rule))
      .map((f) => f.rule)
      .sort();
    assert.deepEqual(present, ['COMP-T1-PRESENT', 'COMP-T4-PRESENT', 'COMP-T5-PRESENT', 'COMP-T6-PRESENT']);
  });

  it('reads full-width digits, padded figures and negatives; what is no figure or two figures in a cell is unread', () => {
    const t = d.tables.find((x) => x.kind === 'income') as Table;
    assert.equal(t.rows.length, FORMS.length);
    for (const want of FORMS) {
      const row = t.rows.find((r) => r.code === want.code);
      assert.ok(row, `row ${want.code}`);
      assert.equal(row.label, want.name);
      FORM_COLUMNS.forEach((id, i) => {
        assert.equal(printed(row.cells[id]), want.want[i], `${want.code} ${id}`);
      });
    }
    const neg = t.rows.find((r) => r.code === '2010102')?.cells.fiscal;
    assert.equal(neg?.kind === 'amount' && neg.fen, -1_012_300_000n);
    assert.deepEqual(
      t.unread.map((u) => u.reason.split(': ').at(-1)),
      ['1.00 2.00', '12.3O', '/', '**'],
    );
  });
});
