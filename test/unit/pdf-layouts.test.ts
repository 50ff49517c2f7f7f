// Layouts the real samples lack, on a made-up 2019-style disclosure printed with pdfmake + Noto CJK: a table over a
// page break with its header repeated, 类/款/项 in three columns, names wrapping in their cell, a landscape page, a
// missing table, and blank / "0.00" / "—" cells, each compared with what was printed.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { importPdf } from '../../src/import/pdf/index.ts';
import { stripNumbering } from '../../src/model/classification.ts';
import type { Cell, Disclosure, Table } from '../../src/model/disclosure.ts';
import {
  CONTENTS,
  DEPARTMENT,
  itemRows,
  layoutsPdf,
  lineNumbersPdf,
  numberedTitlesPdf,
  SUMMARY_ROWS,
  THREE_PUBLIC_COLUMNS,
  THREE_PUBLIC_FIGURES,
  THREE_PUBLIC_ROW,
  threePublicPdf,
} from '../fixtures/pdf/layouts.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'juesuan-pdf-layouts-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The printed text of a cell, as the fixture wrote it. */
function printed(c: Cell | undefined): string | undefined {
  if (!c) return undefined;
  if (c.kind === 'amount') return c.text;
  if (c.kind === 'dash') return c.text;
  if (c.kind === 'blank') return '';
  return `?${c.kind}`;
}

function assertRows(t: Table, columns: string[], rows: ReturnType<typeof itemRows>): void {
  for (const want of rows) {
    const got = t.rows.find((r) => r.code === want.code);
    assert.ok(got, `row ${want.code} missing from ${t.title}`);
    assert.equal(got.label, want.name, `label of ${want.code}`);
    columns.forEach((id, i) => {
      assert.equal(printed(got.cells[id]), (want.cells[i] ?? '').replace(/,/g, ''), `${t.title} ${want.code} ${id}`);
    });
  }
}

describe('PDF import: made-up layouts (pdfmake, Noto CJK)', () => {
  let d: Disclosure;
  before(async () => {
    const file = path.join(dir, 'layouts.pdf');
    writeFileSync(file, await layoutsPdf());
    d = await importPdf(file);
  });

  it('reads the meta data and picks the 2019 template', () => {
    assert.equal(d.meta.department, DEPARTMENT);
    assert.equal(d.meta.fiscalYear, 2019);
    assert.equal(d.meta.template, 'national-2019');
  });

  it('finds the printed tables only: a missing table is not invented', () => {
    assert.deepEqual(
      d.tables.map((t) => t.kind),
      ['income', 'general_budget_expense', 'expense'],
    );
    for (const t of d.tables) assert.deepEqual(t.unread, [], `${t.title}: ${JSON.stringify(t.unread)}`);
  });

  it('joins a table over a page break with its repeated header, every cell as printed', () => {
    const t = d.tables.find((x) => x.kind === 'income') as Table;
    const rows = itemRows(7);
    assert.equal(t.rows.length, rows.length + 1);
    assertRows(t, ['total', 'fiscal', 'superior', 'business', 'operating', 'affiliated', 'other'], rows);
    const pages = new Set(t.rows.map((r) => r.src?.page));
    assert.ok(pages.size >= 2, `one page only: ${[...pages]}`);
    const total = t.rows[0];
    assert.equal(total?.key, 'total');
    assert.deepEqual(
      ['total', 'fiscal', 'superior', 'business', 'operating', 'affiliated', 'other'].map((k) =>
        printed(total?.cells[k]),
      ),
      ['1234.56', '1200.00', '0.00', '—', '', '34.56', '0.00'],
    );
    const zero = total?.cells.superior;
    assert.equal(zero?.kind === 'amount' && zero.fen, 0n);
    assert.equal(total?.cells.business?.kind, 'dash');
    assert.equal(total?.cells.operating?.kind, 'blank');
  });

  it('joins 类/款/项 printed in three columns into one code', () => {
    const t = d.tables.find((x) => x.kind === 'general_budget_expense') as Table;
    assertRows(t, ['total', 'basic', 'project'], itemRows(3));
    assert.equal(t.rows.at(-1)?.key, 'total');
  });

  it('reads a table on a landscape page', () => {
    const t = d.tables.find((x) => x.kind === 'expense') as Table;
    assertRows(t, ['total', 'basic', 'project', 'remitted', 'operating', 'subsidy'], itemRows(6).slice(0, 20));
  });

  it('keeps the narrative figures in their sentence', () => {
    const texts = d.narrative.flatMap((s) => [s.heading, ...s.paragraphs.map((p) => p.text)]);
    assert.ok(
      texts.some((t) => t.includes(`${DEPARTMENT}2019年度收入总计1,234.56万元，比上年增加12.30万元，增长1.01%。`)),
      texts.join('\n'),
    );
  });
});

describe('PDF import: 2019 收入支出决算总表 with 行次 and a 栏次 row', () => {
  let d: Disclosure;
  before(async () => {
    const file = path.join(dir, 'summary.pdf');
    writeFileSync(file, await lineNumbersPdf());
    d = await importPdf(file);
  });

  it('reads table number, department, column numbers and every row with its 行次', () => {
    const t = d.tables[0] as Table;
    assert.equal(t.kind, 'income_expense_summary');
    assert.equal(t.tableNo, '公开01表');
    assert.equal(t.department, DEPARTMENT);
    assert.deepEqual(
      t.columns.map((c) => `${c.side}:${c.id}:${c.number}`),
      ['income:amount:1', 'expense:amount:2'],
    );
    for (const want of SUMMARY_ROWS) {
      for (const side of ['income', 'expense'] as const) {
        const [label, lineNo, figure] = want[side];
        const row = t.rows.find((r) => r.side === side && r.lineNo === lineNo);
        assert.ok(row, `${side} 行次 ${lineNo}`);
        // summary-table labels without the printed ordinal, as the text importer gives them
        assert.equal(row.label, stripNumbering(label));
        assert.equal(printed(row.cells.amount), figure.replace(/,/g, ''), `${side} ${label}`);
      }
    }
    assert.equal(t.rows.length, SUMMARY_ROWS.length * 2);
    assert.equal(t.rows.find((r) => r.lineNo === '26')?.key, 'expense.201');
  });
});

for (const headerSize of [9, 7]) {
  describe(`PDF import: a one-row table (三公) with text printed under amount columns (header ${headerSize} pt, row 9 pt)`, () => {
    let t: Table;
    before(async () => {
      const file = path.join(dir, `three-public-${headerSize}.pdf`);
      writeFileSync(file, await threePublicPdf(headerSize));
      t = (await importPdf(file)).tables.find((x) => x.kind === 'three_public') as Table;
    });

    it('reads every cell as printed; what is no figure is kept as text and reported unread', () => {
      assert.ok(t, 'three_public table');
      assert.deepEqual(
        t.columns.map((c) => c.id),
        THREE_PUBLIC_COLUMNS,
      );
      assert.equal(t.rows.length, 1);
      const row = t.rows[0];
      const got = THREE_PUBLIC_COLUMNS.map((id) => {
        const c = row?.cells[id];
        return c?.kind === 'text' ? `?${c.text}` : printed(c);
      });
      const want = THREE_PUBLIC_ROW.map((p) => (/^[\d.]+$|^—$/.test(p) ? p : `?${p}`));
      assert.deepEqual(got, want);
      assert.deepEqual(
        t.unread.map((u) => u.reason.split(': ').at(-1)),
        ['/', '12.3O', '无'],
      );
    });
  });
}

describe('PDF import: numbered titles on table pages, and a contents page listing them', () => {
  let d: Disclosure;
  before(async () => {
    const file = path.join(dir, 'numbered.pdf');
    writeFileSync(file, await numberedTitlesPdf());
    d = await importPdf(file);
  });

  it('reads each table under its numbered title; the contents page is no table', () => {
    assert.ok(CONTENTS.length > 0);
    assert.deepEqual(
      d.tables.map((t) => [t.kind, t.title, t.src?.page]),
      [
        ['income_expense_summary', '附件1收入支出决算总表', 2],
        ['income', '附表2：收入决算表', 3],
        ['expense', '表三支出决算表', 4],
        ['three_public', '七、财政拨款“三公”经费支出决算表', 5],
      ],
    );
    for (const t of d.tables) assert.deepEqual(t.unread, [], `${t.title}: ${JSON.stringify(t.unread)}`);
  });

  it('reads every cell as printed', () => {
    const summary = d.tables.find((x) => x.kind === 'income_expense_summary') as Table;
    assert.equal(summary.rows.length, SUMMARY_ROWS.length * 2);
    for (const want of SUMMARY_ROWS)
      for (const side of ['income', 'expense'] as const) {
        const [label, lineNo, figure] = want[side];
        const row = summary.rows.find((r) => r.side === side && r.lineNo === lineNo);
        assert.ok(row, `${side} 行次 ${lineNo}`);
        assert.equal(row.label, stripNumbering(label));
        assert.equal(printed(row.cells.amount), figure.replace(/,/g, ''), `${side} ${label}`);
      }
    const income = d.tables.find((x) => x.kind === 'income') as Table;
    assert.equal(income.rows.length, 6);
    assertRows(
      income,
      ['total', 'fiscal', 'superior', 'business', 'operating', 'affiliated', 'other'],
      itemRows(7).slice(0, 6),
    );
    const expense = d.tables.find((x) => x.kind === 'expense') as Table;
    assert.equal(expense.rows.length, 6);
    assertRows(expense, ['total', 'basic', 'project', 'remitted', 'operating', 'subsidy'], itemRows(6).slice(6, 12));
    const three = d.tables.find((x) => x.kind === 'three_public') as Table;
    assert.equal(three.rows.length, 1);
    assert.deepEqual(
      THREE_PUBLIC_COLUMNS.map((id) => printed(three.rows[0]?.cells[id])),
      THREE_PUBLIC_FIGURES,
    );
  });
});
