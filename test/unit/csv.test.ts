import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Disclosure, Table } from '../../src/model/disclosure.ts';
import { csvField, toCsv } from '../../src/render/csv.ts';

const table = (over: Partial<Table>): Table => ({
  kind: 'income',
  number: 2,
  title: '收入决算表',
  unit: '万元',
  columns: [],
  rows: [],
  notes: [],
  unread: [],
  ...over,
});

const disclosure = (tables: Table[]): Disclosure => ({
  version: 1,
  meta: {
    department: '某局',
    fiscalYear: 2024,
    unit: '万元',
    scope: '部门',
    template: 'shanghai-2024',
    source: { file: 'x.txt', format: 'text', pages: 1 },
  },
  tables,
  narrative: [],
  glossary: [],
  performance: [],
  facts: [],
  contents: [],
  unread: [],
});

describe('csv', () => {
  it('quotes fields with commas, quotes, line breaks and edge spaces only', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField(' lead'), '" lead"');
  });

  it('writes one line per cell in template order: printed figure, blank and unread empty but told apart, dash as printed, sides apart', () => {
    const t1 = table({
      kind: 'income_expense_summary',
      number: 1,
      title: '收入支出决算总表',
      columns: [
        { id: 'amount', header: ['收入', '决算数'], side: 'income' },
        { id: 'amount', header: ['支出', '决算数'], side: 'expense' },
      ],
      rows: [
        {
          key: 'income.general',
          side: 'income',
          label: '一般公共预算财政拨款收入',
          cells: { amount: { kind: 'amount', fen: 1_234_560_000n, text: '1234.56', src: { page: 3 } } },
        },
        {
          key: 'expense.201',
          side: 'expense',
          code: '201',
          label: '一般公共服务支出',
          cells: { amount: { kind: 'blank' } },
          src: { page: 4 },
        },
      ],
      src: { page: 3 },
    });
    const t2 = table({
      columns: [
        { id: 'total', header: ['本年收入合计'] },
        { id: 'other', header: ['其他收入'] },
      ],
      rows: [
        {
          key: '2080505',
          code: '2080505',
          label: '机关事业单位基本养老保险缴费支出, 含"职业年金"',
          cells: { total: { kind: 'dash', text: '—' }, other: { kind: 'unread', reason: 'x' } },
          src: { page: 5 },
        },
      ],
    });
    assert.equal(
      toCsv(disclosure([t2, t1])),
      [
        'table,table_title,row_code,row_label,column,value,page,cell',
        '1,收入支出决算总表,,一般公共预算财政拨款收入,收入/决算数,1234.56,3,amount',
        '1,收入支出决算总表,201,一般公共服务支出,支出/决算数,,4,blank',
        '2,收入决算表,2080505,"机关事业单位基本养老保险缴费支出, 含""职业年金""",本年收入合计,—,5,dash',
        '2,收入决算表,2080505,"机关事业单位基本养老保险缴费支出, 含""职业年金""",其他收入,,5,unread',
        '',
      ].join('\r\n'),
    );
  });
});
