// Fiscal Data Package (Frictionless): datapackage.json plus CSV resources — every table cell in long form
// (amounts.csv, described by the fiscal model) and one CSV per table.
import type { Disclosure, Table } from '../model/disclosure.ts';
import { formatScaled } from '../model/money.ts';

export interface OutputFile {
  path: string;
  data: string | Buffer;
}

const FIELDS = [
  { name: 'table_number', type: 'integer', title: '表号' },
  { name: 'table_kind', type: 'string', title: '表类型' },
  { name: 'table_title', type: 'string', title: '表名' },
  { name: 'row_key', type: 'string', title: '行键' },
  { name: 'side', type: 'string', title: '收支方向' },
  { name: 'code', type: 'string', title: '科目编码' },
  { name: 'classification', type: 'string', title: '分类体系' },
  { name: 'label', type: 'string', title: '项目' },
  { name: 'column_id', type: 'string', title: '列键' },
  { name: 'column', type: 'string', title: '列名' },
  {
    name: 'amount',
    type: 'number',
    title: '金额（万元）',
    description: '空值：该格印为空白，未印数字 / empty: the cell is printed blank, with no figure',
    decimalChar: '.',
    groupChar: '',
  },
];

function field(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function lines(t: Table): string[][] {
  const out: string[][] = [];
  const economic = t.kind === 'general_budget_basic';
  for (const r of t.rows) {
    for (const c of t.columns) {
      if (c.side !== undefined && r.side !== undefined && c.side !== r.side) continue;
      const cell = r.cells[c.id];
      // a blank cell is a line with an empty amount (null), apart from a printed 0.00
      if (cell?.kind !== 'amount' && cell?.kind !== 'blank') continue;
      out.push([
        String(t.number),
        t.kind,
        t.title,
        r.key,
        r.side ?? '',
        r.code ?? '',
        r.code ? (economic ? 'economic' : 'functional') : '',
        r.label,
        c.id,
        c.header.join('/'),
        cell.kind === 'amount' ? formatScaled(cell.fen, 6, 2) : '',
      ]);
    }
  }
  return out;
}

function csv(rows: string[][]): string {
  return [FIELDS.map((f) => f.name), ...rows].map((r) => `${r.map(field).join(',')}\r\n`).join('');
}

export function slug(d: Disclosure): string {
  return `juesuan-${d.meta.fiscalYear}-${Buffer.from(d.meta.department).toString('hex').slice(0, 16)}`;
}

export function renderFdp(d: Disclosure): OutputFile[] {
  const schema = { fields: FIELDS, missingValues: [''], primaryKey: ['table_number', 'row_key', 'column_id'] };
  const perTable = d.tables.map((t) => ({
    path: `data/table-${String(t.number).padStart(2, '0')}-${t.kind.replace(/_/g, '-')}.csv`,
    table: t,
  }));
  const all = d.tables.flatMap(lines);
  const year = d.meta.fiscalYear;
  const pkg = {
    profile: 'fiscal-data-package',
    name: slug(d),
    title: `${d.meta.department}${year}年度部门决算`,
    description: '部门决算公开表（单位：万元）/ departmental final accounts, amounts in 10,000 CNY',
    countryCode: 'CN',
    ...(d.meta.region ? { regionName: d.meta.region } : {}),
    fiscalPeriod: { start: `${year}-01-01`, end: `${year}-12-31` },
    granularity: 'aggregated',
    status: 'final',
    keywords: ['部门决算', 'final accounts', d.meta.department],
    resources: [
      {
        name: 'amounts',
        path: 'data/amounts.csv',
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema,
      },
      ...perTable.map((p) => ({
        name: `table-${String(p.table.number).padStart(2, '0')}`,
        title: p.table.title,
        path: p.path,
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema,
      })),
    ],
    model: {
      measures: {
        amount: { source: 'amount', currency: 'CNY', factor: 10000, title: '金额（万元）' },
      },
      dimensions: {
        table: {
          dimensionType: 'other',
          primaryKey: ['table_number'],
          attributes: {
            table_number: { source: 'table_number' },
            table_title: { source: 'table_title', labelfor: 'table_number' },
          },
        },
        classification: {
          dimensionType: 'classification',
          classificationType: 'functional',
          primaryKey: ['code'],
          attributes: { code: { source: 'code' }, label: { source: 'label', labelfor: 'code' } },
        },
        column: {
          dimensionType: 'other',
          primaryKey: ['column_id'],
          attributes: { column_id: { source: 'column_id' }, column: { source: 'column', labelfor: 'column_id' } },
        },
        direction: {
          dimensionType: 'other',
          primaryKey: ['side'],
          attributes: { side: { source: 'side' } },
        },
      },
    },
  };
  return [
    { path: 'datapackage.json', data: `${JSON.stringify(pkg, null, 2)}\n` },
    { path: 'data/amounts.csv', data: csv(all) },
    ...perTable.map((p) => ({ path: p.path, data: csv(lines(p.table)) })),
  ];
}
