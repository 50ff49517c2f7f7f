// Templates as data: which tables a disclosure of a given (region, year) has, their titles,
// column sets and fixed rows, and the narrative sections it must contain.

import { EXTRA_CLASSES, FUNCTIONAL_CLASSES } from './classification.ts';
import type { TableKind } from './disclosure.ts';
import type { HeadingScheme } from './numerals.ts';

export interface ColumnDef {
  id: string;
  /** Header texts that name this column (whitespace removed), most specific first. */
  headers: string[];
  side?: 'income' | 'expense';
}

export interface RowDef {
  key: string;
  side?: 'income' | 'expense';
  /** Printed labels (without leading ordinal), aliases across years. */
  labels: string[];
  /** Functional class code for class rows of the summary tables. */
  code?: string;
}

export type RowScheme = 'fixed' | 'functional' | 'economic' | 'single';

export interface TableDef {
  kind: TableKind;
  number: number;
  /** Exact printed titles (whitespace removed). */
  titles: string[];
  columns: ColumnDef[];
  rows: RowScheme;
  fixedRows?: RowDef[];
  /** Columns whose sum is the total column, for "row = Σ columns" identities. */
  parts?: { total: string; parts: string[] }[];
  /** Page orientation where the official fixes it (2024: table 4 landscape, table 6 portrait); otherwise by width. */
  landscape?: boolean;
}

export interface Template {
  id: string;
  region: string;
  years: [number, number];
  label: string;
  tables: TableDef[];
  /** Level-1 narrative sections the 情况说明 must contain (key phrases of their headings). */
  requiredSections: string[];
  /** How a zero amount is printed in the tables: as the figure "0.00", or as an empty cell. */
  zeroAmount: 'figure' | 'blank';
  /** Empty lines a 功能分类 table without any 科目 line (only its 合计) prints above the 合计 line. */
  emptyTableLines: number;
  /** 支出功能分类科目编码 printed in three columns 类 | 款 | 项 ("201 | 06 | 01"), not as one 7-digit code. */
  splitCodes: boolean;
  /** A table running over pages repeats its header rows at the top of each page. */
  repeatTableHeader: boolean;
  /** A long table prints in smaller type to keep to one page; otherwise it runs over pages at the usual size. */
  shrinkLongTables: boolean;
  /** Heading numbers: national (一、 / （一） / 1.) or in parts (第一部分 / 一、 / （一）). */
  headings: HeadingScheme;
  /** The two headings of the 概况: duties, and the units the 决算 covers. */
  overviewHeadings: [string, string];
  /** A 名词解释 the template fixes, printed as it is (term, definition); without it, the terms used are explained. */
  fixedGlossary?: readonly (readonly [string, string])[];
}

/**
 * The eleven terms of the Shanghai 2024 template's 第四部分 名词解释, in its order, worded as the published Putuo 2024
 * disclosure words them (the template's placeholders “主要是：XXXXXXXX 收入等” left out, as it allows).
 */
const GLOSSARY_SHANGHAI_2024: readonly (readonly [string, string])[] = [
  [
    '财政拨款收入',
    '指单位本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。',
  ],
  ['事业收入', '指事业单位开展专业业务活动及辅助活动所取得的收入。'],
  ['经营收入', '指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。'],
  ['其他收入', '指除上述“财政拨款收入”“事业收入”“经营收入”等以外的收入。'],
  ['年初结转和结余', '指以前年度尚未完成、结转到本年按有关规定继续使用的资金。'],
  [
    '年末结转和结余',
    '指本年度或以前年度预算安排、因客观条件发生变化无法按原计划实施，需延迟到以后年度按有关规定继续使用的资金。',
  ],
  ['基本支出', '指单位为保障机构正常运转、完成日常工作任务而发生的各项支出。'],
  ['项目支出', '指单位为完成特定的行政工作任务或事业发展目标，在基本支出之外发生的各项支出。'],
  ['经营支出', '指事业单位在专业活动及辅助活动之外开展非独立核算经营活动发生的支出。'],
  [
    '“三公”经费',
    '指单位使用本级财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。其中:因公出国（境）费反映单位参加国际合作交流、重大项目洽谈、境外培训研修等的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；公务接待费反映全国性专业会议、国家重大政策调研、专项检查以及外事团组接待交流等执行公务或开展业务所需住宿费、交通费、伙食费等支出；公务用车购置及运行维护费反映编制内公务车辆的报废更新，以及用于安排市内因公出差、公务文件交换、日常工作开展等所需公务用车燃料费、维修费、过路过桥费、保险费等支出。',
  ],
  [
    '机关运行经费',
    '指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。',
  ],
];

const classRows = (year: 2019 | 2024, side: 'expense', codes: readonly string[]): RowDef[] =>
  [...FUNCTIONAL_CLASSES, ...EXTRA_CLASSES]
    .filter((c) => codes.includes(c.code))
    .map((c) => ({
      key: `expense.${c.code}`,
      side,
      code: c.code,
      labels: [...new Set(year === 2019 ? [c.name2019, c.name2024] : [c.name2024, c.name2019])],
    }));

const CLASSES_2019_T1 = [
  '201',
  '202',
  '203',
  '204',
  '205',
  '206',
  '207',
  '208',
  '210',
  '211',
  '212',
  '213',
  '214',
  '215',
  '216',
  '217',
  '219',
  '220',
  '221',
];
const CLASSES_2019_T4 = [...CLASSES_2019_T1, '222', '224', '229'];
const CLASSES_2024 = [...CLASSES_2019_T4, '223', '231', '232', '234'];

const income = (key: string, ...labels: string[]): RowDef => ({ key: `income.${key}`, side: 'income', labels });
const expense = (key: string, ...labels: string[]): RowDef => ({ key: `expense.${key}`, side: 'expense', labels });

const T1_INCOME_2019 = [
  income('general', '一般公共预算财政拨款收入'),
  income('fund', '政府性基金预算财政拨款收入'),
  income('superior', '上级补助收入'),
  income('business', '事业收入'),
  income('operating', '经营收入'),
  income('affiliated', '附属单位上缴收入'),
  income('other', '其他收入'),
  income('total', '本年收入合计'),
  income('reserve', '用事业基金弥补收支差额', '使用非财政拨款结余', '使用非财政拨款结余（含专用结余）'),
  income('carryIn', '年初结转和结余'),
  income('grand', '总计'),
];
const T1_INCOME_2024 = [
  ...T1_INCOME_2019.slice(0, 2),
  income('capital', '国有资本经营预算财政拨款收入'),
  ...T1_INCOME_2019.slice(2),
];
const T1_EXPENSE_TAIL = [
  expense('total', '本年支出合计'),
  expense('distribution', '结余分配'),
  expense('carryOut', '年末结转和结余'),
  expense('grand', '总计'),
];

const T4_INCOME = (capital: boolean): RowDef[] => [
  income('general', '一般公共预算财政拨款', '一般公共预算财政拨款收入'),
  income('fund', '政府性基金预算财政拨款', '政府性基金预算财政拨款收入'),
  ...(capital ? [income('capital', '国有资本经营预算财政拨款', '国有资本经营预算财政拨款收入')] : []),
  income('total', '本年收入合计'),
  income('carryIn', '年初财政拨款结转和结余'),
  income('carryIn.general', '一般公共预算财政拨款'),
  income('carryIn.fund', '政府性基金预算财政拨款'),
  ...(capital ? [income('carryIn.capital', '国有资本经营预算财政拨款')] : []),
  income('grand', '总计'),
];
/**
 * 2019: 年末财政拨款结转和结余 then one line per fund. 2024: no fund lines on the expense side; the fund split of
 * the carry-out is in the columns of the 年末 line (the template and Putuo 2024 leave the three lines empty).
 */
const T4_EXPENSE_TAIL = (fundLines: boolean): RowDef[] => [
  expense('total', '本年支出合计'),
  expense('carryOut', '年末财政拨款结转和结余'),
  ...(fundLines
    ? [expense('carryOut.general', '一般公共预算财政拨款'), expense('carryOut.fund', '政府性基金预算财政拨款')]
    : []),
  expense('grand', '总计'),
];

const AMOUNT: ColumnDef = { id: 'amount', headers: ['决算数', '金额'] };

const INCOME_COLUMNS: ColumnDef[] = [
  { id: 'total', headers: ['本年收入合计', '合计'] },
  { id: 'fiscal', headers: ['财政拨款收入'] },
  { id: 'superior', headers: ['上级补助收入'] },
  { id: 'business', headers: ['事业收入'] },
  { id: 'operating', headers: ['经营收入'] },
  { id: 'affiliated', headers: ['附属单位上缴收入'] },
  { id: 'other', headers: ['其他收入'] },
];
const EXPENSE_COLUMNS: ColumnDef[] = [
  { id: 'total', headers: ['本年支出合计', '合计'] },
  { id: 'basic', headers: ['基本支出'] },
  { id: 'project', headers: ['项目支出'] },
  { id: 'remitted', headers: ['上缴上级支出'] },
  { id: 'operating', headers: ['经营支出'] },
  { id: 'subsidy', headers: ['对附属单位补助支出'] },
];
const GBE_COLUMNS: ColumnDef[] = [
  { id: 'total', headers: ['小计', '合计', '本年支出'] },
  { id: 'basic', headers: ['基本支出'] },
  { id: 'project', headers: ['项目支出'] },
];
const THREE_PUBLIC_ITEMS: [string, string][] = [
  ['total', '合计'],
  ['abroad', '因公出国（境）费'],
  ['vehicle', '公务用车购置及运行费'],
  ['vehicle.purchase', '公务用车购置费'],
  ['vehicle.operation', '公务用车运行费'],
  ['reception', '公务接待费'],
];
const threePublicColumns = (): ColumnDef[] =>
  (['budget', 'actual'] as const).flatMap((g) =>
    THREE_PUBLIC_ITEMS.map(([id, h]) => ({
      id: `${g}.${id}`,
      headers: [`${g === 'budget' ? '预算数' : '决算数'}/${h}`],
    })),
  );
const FUND_COLUMNS: ColumnDef[] = [
  { id: 'carryIn', headers: ['年初结转和结余'] },
  { id: 'income', headers: ['本年收入'] },
  { id: 'expense.total', headers: ['本年支出/小计', '本年支出/合计'] },
  { id: 'expense.basic', headers: ['本年支出/基本支出'] },
  { id: 'expense.project', headers: ['本年支出/项目支出'] },
  { id: 'carryOut', headers: ['年末结转和结余'] },
];

const BASIC_ECON: TableDef = {
  kind: 'general_budget_basic',
  number: 6,
  titles: ['一般公共预算财政拨款基本支出决算表'],
  columns: [AMOUNT],
  rows: 'economic',
};

const PARTS = {
  income: [{ total: 'total', parts: ['fiscal', 'superior', 'business', 'operating', 'affiliated', 'other'] }],
  expense: [{ total: 'total', parts: ['basic', 'project', 'remitted', 'operating', 'subsidy'] }],
  gbe: [{ total: 'total', parts: ['basic', 'project'] }],
  fund: [{ total: 'expense.total', parts: ['expense.basic', 'expense.project'] }],
  threePublic: (['budget', 'actual'] as const).flatMap((g) => [
    { total: `${g}.total`, parts: [`${g}.abroad`, `${g}.vehicle`, `${g}.reception`] },
    { total: `${g}.vehicle`, parts: [`${g}.vehicle.purchase`, `${g}.vehicle.operation`] },
  ]),
};

const SUMMARY_2019: TableDef = {
  kind: 'income_expense_summary',
  number: 1,
  titles: ['收入支出决算总表'],
  columns: [
    { ...AMOUNT, side: 'income' },
    { ...AMOUNT, side: 'expense' },
  ],
  rows: 'fixed',
  fixedRows: [...T1_INCOME_2019, ...classRows(2019, 'expense', CLASSES_2019_T1), ...T1_EXPENSE_TAIL],
};

const INCOME_TABLE: TableDef = {
  kind: 'income',
  number: 2,
  titles: ['收入决算表'],
  columns: INCOME_COLUMNS,
  rows: 'functional',
  parts: PARTS.income,
};

const EXPENSE_TABLE: TableDef = {
  kind: 'expense',
  number: 3,
  titles: ['支出决算表'],
  columns: EXPENSE_COLUMNS,
  rows: 'functional',
  parts: PARTS.expense,
};

const FISCAL_2019: TableDef = {
  kind: 'fiscal_summary',
  number: 4,
  titles: ['财政拨款收入支出决算总表'],
  columns: [
    { ...AMOUNT, side: 'income' },
    { id: 'total', headers: ['合计'], side: 'expense' },
    { id: 'general', headers: ['一般公共预算财政拨款'], side: 'expense' },
    { id: 'fund', headers: ['政府性基金预算财政拨款'], side: 'expense' },
  ],
  rows: 'fixed',
  fixedRows: [...T4_INCOME(false), ...classRows(2019, 'expense', CLASSES_2019_T4), ...T4_EXPENSE_TAIL(true)],
  parts: [{ total: 'total', parts: ['general', 'fund'] }],
};

const GENERAL_EXPENSE_TABLE: TableDef = {
  kind: 'general_budget_expense',
  number: 5,
  titles: ['一般公共预算财政拨款支出决算表'],
  columns: GBE_COLUMNS,
  rows: 'functional',
  parts: PARTS.gbe,
};

const THREE_PUBLIC_2019: TableDef = {
  kind: 'three_public',
  number: 7,
  titles: ['一般公共预算财政拨款“三公”经费支出决算表', '财政拨款“三公”经费支出决算表'],
  columns: threePublicColumns(),
  rows: 'single',
  parts: PARTS.threePublic,
};

const GOV_FUND_TABLE: TableDef = {
  kind: 'gov_fund',
  number: 8,
  titles: ['政府性基金预算财政拨款收入支出决算表'],
  columns: FUND_COLUMNS,
  rows: 'functional',
  parts: PARTS.fund,
};

export const NATIONAL_2019: Template = {
  id: 'national-2019',
  region: '全国',
  years: [2016, 2019],
  label: '2019 年部门决算公开模板（8 张表）',
  zeroAmount: 'figure',
  emptyTableLines: 0,
  splitCodes: false,
  repeatTableHeader: true,
  shrinkLongTables: true,
  headings: 'national',
  overviewHeadings: ['部门职责', '机构设置'],
  tables: [
    SUMMARY_2019,
    INCOME_TABLE,
    EXPENSE_TABLE,
    FISCAL_2019,
    GENERAL_EXPENSE_TABLE,
    BASIC_ECON,
    THREE_PUBLIC_2019,
    GOV_FUND_TABLE,
  ],
  requiredSections: [
    '收入支出决算总体情况',
    '收入决算情况',
    '支出决算情况',
    '财政拨款收入支出决算总体情况',
    '一般公共预算财政拨款支出决算情况',
    '一般公共预算财政拨款基本支出决算情况',
    '“三公”经费支出决算情况',
    '政府性基金预算财政拨款收入支出决算情况',
    '绩效',
    '其他重要事项',
  ],
};

export const SHANGHAI_2024: Template = {
  id: 'shanghai-2024',
  region: '上海',
  years: [2024, 2025],
  label: '上海市 2024 年部门决算模板（9 张表）',
  // Putuo 2024 leaves every zero empty in all nine tables: zero rows of tables 1 and 4, zero columns of 2/3/5,
  // zero 经济分类 rows of table 6, the zero 三公 figures of table 7 and the 合计 of the empty tables 8/9.
  // The official template prints no figure at all.
  zeroAmount: 'blank',
  // Putuo 2024 prints its empty tables 8 and 9 with eight empty lines above 合计.
  emptyTableLines: 8,
  // Putuo 2024 prints the code as 类 | 款 | 项 in tables 2, 3, 5, 8 and 9 (the blank template: one column, "2050205").
  splitCodes: true,
  // Putuo 2024 continues tables 1, 2, 3, 4 and 6 on their next page without the header; the blank template, whose
  // only table running over two pages is table 4, does the same.
  repeatTableHeader: false,
  // The blank template prints every table in one type size (10.5 pt, tables 1 and 6 too); Putuo 2024 prints its
  // 39-line table 6 and 30-line table 1 at 11 pt over two pages each, not squeezed onto one.
  shrinkLongTables: false,
  // The template and Putuo 2024: 第一部分 XX概况 (一、主要职能, 二、部门决算单位构成), 第二部分 …决算表, 第三部分 …情况说明
  // (一、… 十一、, then （一）), 第四部分 名词解释 (一、…).
  headings: 'parts',
  overviewHeadings: ['主要职能', '部门决算单位构成'],
  fixedGlossary: GLOSSARY_SHANGHAI_2024,
  tables: [
    {
      ...SUMMARY_2019,
      fixedRows: [...T1_INCOME_2024, ...classRows(2024, 'expense', CLASSES_2024), ...T1_EXPENSE_TAIL],
    },
    INCOME_TABLE,
    EXPENSE_TABLE,
    {
      ...FISCAL_2019,
      columns: [...FISCAL_2019.columns, { id: 'capital', headers: ['国有资本经营预算财政拨款'], side: 'expense' }],
      fixedRows: [...T4_INCOME(true), ...classRows(2024, 'expense', CLASSES_2024), ...T4_EXPENSE_TAIL(false)],
      parts: [{ total: 'total', parts: ['general', 'fund', 'capital'] }],
      landscape: true,
    },
    GENERAL_EXPENSE_TABLE,
    // Putuo 2024 prints table 6 on portrait pages, its 类 | 款 columns notwithstanding.
    { ...BASIC_ECON, landscape: false },
    {
      ...THREE_PUBLIC_2019,
      titles: ['财政拨款“三公”经费支出决算表', '一般公共预算财政拨款“三公”经费支出决算表'],
    },
    GOV_FUND_TABLE,
    {
      kind: 'state_capital',
      number: 9,
      titles: ['国有资本经营预算财政拨款收入支出决算表', '国有资本经营预算财政拨款支出决算表'],
      columns: FUND_COLUMNS,
      rows: 'functional',
      parts: PARTS.fund,
    },
  ],
  requiredSections: [
    '收入支出决算总体情况',
    '收入决算情况',
    '支出决算情况',
    '财政拨款收入支出决算总体情况',
    '一般公共预算财政拨款支出决算情况',
    '一般公共预算财政拨款基本支出决算情况',
    '“三公”经费支出决算情况',
    '政府性基金预算财政拨款收入支出决算情况',
    '国有资本经营预算财政拨款收入支出决算情况',
    '预算绩效',
    '其他重要事项',
  ],
};

export const TEMPLATES: readonly Template[] = [NATIONAL_2019, SHANGHAI_2024];

export function templateById(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/** The template for a fiscal year and region: Shanghai layout from 2024 on, the national 2019 layout before. */
export function templateFor(year: number, region?: string): Template {
  if (year >= 2024 && (region === undefined || region.includes('上海'))) return SHANGHAI_2024;
  return NATIONAL_2019;
}

/** Removes all whitespace: titles and headers are compared this way. */
export function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

/** The table definition whose exact title (whitespace removed) is `printed`. */
export function tableByTitle(template: Template, printed: string): TableDef | undefined {
  const t = squash(printed).replace(/[""]/g, (q) => (q === '"' ? '“' : q));
  return template.tables.find((d) => d.titles.includes(t));
}

/** Every known table title across all templates, longest first (so a longer title is tried before its substring). */
export function allTitles(): { title: string; kind: TableKind }[] {
  const seen = new Map<string, TableKind>();
  for (const tpl of TEMPLATES) for (const d of tpl.tables) for (const t of d.titles) seen.set(t, d.kind);
  return [...seen].map(([title, kind]) => ({ title, kind })).sort((a, b) => b.title.length - a.title.length);
}
