// Table figures a narrative amount may refer to, by narrative scope (which section talks about which table).
import type { Row, Table, TableKind } from '../../model/disclosure.ts';
import { formatScaled } from '../../model/money.ts';
import type { RuleContext } from '../types.ts';
import { amount, rowByKey, totalRow } from '../view.ts';
import type { AmountMention, FlatSection } from './view.ts';

export type Scope =
  | 'summary'
  | 'income'
  | 'expense'
  | 'fiscal'
  | 'general'
  | 'basic'
  | 'threePublic'
  | 'fund'
  | 'capital';

export interface Figure {
  labels: string[];
  fen: bigint;
  text: string;
  table: Table;
  row: Row;
  col: string;
}

/** The scope of a section from its heading path (most specific heading first). */
const scopes = new WeakMap<FlatSection, Scope | null>();

export function scopeOf(s: FlatSection): Scope | undefined {
  const known = scopes.get(s);
  if (known !== undefined) return known ?? undefined;
  const v = computeScope(s);
  scopes.set(s, v ?? null);
  return v;
}

function computeScope(s: FlatSection): Scope | undefined {
  const h = s.chain.length > 1 ? s.chain.slice(1) : s.chain;
  for (let i = h.length - 1; i >= 0; i--) {
    const x = (h[i] ?? '').replace(/["“”]/g, '');
    if (x.includes('三公')) return 'threePublic';
    if (x.includes('政府性基金')) return 'fund';
    if (x.includes('国有资本经营')) return 'capital';
    if (x.includes('基本支出决算')) return 'basic';
    if (x.includes('一般公共预算财政拨款支出决算')) return 'general';
    if (x.includes('财政拨款收入支出决算总体')) return 'fiscal';
    if (x.includes('收入支出决算总体')) return 'summary';
    if (x.includes('收入决算')) return 'income';
    if (x.includes('支出决算情况')) return 'expense';
  }
  return undefined;
}

const T1_LABELS: Record<string, string[]> = {
  'income.general': ['一般公共预算财政拨款收入', '财政拨款收入'],
  'income.fund': ['政府性基金预算财政拨款收入'],
  'income.capital': ['国有资本经营预算财政拨款收入'],
  'income.superior': ['上级补助收入'],
  'income.business': ['事业收入'],
  'income.operating': ['经营收入'],
  'income.affiliated': ['附属单位上缴收入'],
  'income.other': ['其他收入'],
  'income.total': ['本年收入合计', '收入合计', '本年收入'],
  'income.reserve': ['用事业基金弥补收支差额', '使用非财政拨款结余'],
  'income.carryIn': ['年初结转和结余'],
  'income.grand': ['收入总计', '总收入'],
  'expense.total': ['本年支出合计', '支出合计', '本年支出'],
  'expense.distribution': ['结余分配'],
  'expense.carryOut': ['年末结转和结余'],
  'expense.grand': ['支出总计', '总支出'],
};
const T4_LABELS: Record<string, string[]> = {
  'income.general': ['一般公共预算财政拨款收入', '一般公共预算财政拨款'],
  'income.fund': ['政府性基金预算财政拨款收入', '政府性基金预算财政拨款'],
  'income.capital': ['国有资本经营预算财政拨款收入'],
  'income.total': ['本年收入合计', '收入合计', '本年收入'],
  'income.carryIn': ['年初财政拨款结转和结余', '年初结转和结余'],
  'income.grand': ['收入总计', '总收入'],
  'expense.total': ['本年支出合计', '支出合计', '本年支出'],
  'expense.carryOut': ['年末财政拨款结转和结余', '年末结转和结余'],
  'expense.grand': ['支出总计', '总支出'],
};
const T2_COLS: Record<string, string[]> = {
  fiscal: ['财政拨款收入'],
  superior: ['上级补助收入'],
  business: ['事业收入'],
  operating: ['经营收入'],
  affiliated: ['附属单位上缴收入'],
  other: ['其他收入'],
  total: ['本年收入合计', '收入合计'],
};
const T3_COLS: Record<string, string[]> = {
  total: ['本年支出合计', '支出合计'],
  basic: ['基本支出'],
  project: ['项目支出'],
  remitted: ['上缴上级支出'],
  operating: ['经营支出'],
  subsidy: ['对附属单位补助支出'],
};
const T5_COLS: Record<string, string[]> = {
  total: ['本年支出合计', '支出合计', '本年支出', '一般公共预算财政拨款支出'],
  basic: ['基本支出'],
  project: ['项目支出'],
};
const FUND_COLS: Record<string, string[]> = {
  carryIn: ['年初结转和结余'],
  income: ['本年收入', '收入'],
  'expense.total': ['本年支出', '支出'],
  carryOut: ['年末结转和结余'],
};

function fig(t: Table, row: Row | undefined, col: string, labels: string[]): Figure[] {
  const c = row?.cells[col];
  if (!row || c?.kind !== 'amount') return [];
  return [{ labels, fen: c.fen, text: c.text, table: t, row, col }];
}

function byKeys(t: Table | undefined, map: Record<string, string[]>, col: string): Figure[] {
  if (!t) return [];
  return Object.entries(map).flatMap(([key, labels]) => fig(t, rowByKey(t, key), col, labels));
}

function byCols(t: Table | undefined, row: Row | undefined, map: Record<string, string[]>): Figure[] {
  if (!t) return [];
  return Object.entries(map).flatMap(([col, labels]) => fig(t, row, col, labels));
}

function codedRows(t: Table | undefined, col: string, sides = false): Figure[] {
  if (!t) return [];
  return t.rows
    .filter((r) => r.code && (!sides || r.side === 'expense'))
    .flatMap((r) => fig(t, r, col, [r.label.replace(/\s+/g, '').replace(/^[一二三四五六七八九十]+、/, '')]));
}

export function figuresFor(ctx: RuleContext, scope: Scope): Figure[] {
  return ctx.memo(`figures:${scope}`, () => computeFigures(ctx, scope));
}

function computeFigures(ctx: RuleContext, scope: Scope): Figure[] {
  const T = (k: TableKind) => ctx.table(k);
  const t1 = T('income_expense_summary');
  switch (scope) {
    case 'summary':
      return [...byKeys(t1, T1_LABELS, 'amount'), ...codedRows(t1, 'amount', true)];
    case 'income':
      return [...byKeys(t1, T1_LABELS, 'amount'), ...byCols(T('income'), totalRow(T('income')), T2_COLS)];
    case 'expense':
      return [...byKeys(t1, T1_LABELS, 'amount'), ...byCols(T('expense'), totalRow(T('expense')), T3_COLS)];
    case 'fiscal': {
      const t4 = T('fiscal_summary');
      const inc = byKeys(
        t4,
        Object.fromEntries(Object.entries(T4_LABELS).filter(([k]) => k.startsWith('income'))),
        'amount',
      );
      const exp = byKeys(
        t4,
        Object.fromEntries(Object.entries(T4_LABELS).filter(([k]) => k.startsWith('expense'))),
        'total',
      );
      return [...inc, ...exp, ...codedRows(t4, 'total', true)];
    }
    case 'general': {
      const t5 = T('general_budget_expense');
      return [...byCols(t5, totalRow(t5), T5_COLS), ...codedRows(t5, 'total')];
    }
    case 'basic': {
      const t5 = T('general_budget_expense');
      const t6 = T('general_budget_basic');
      const col = t6?.columns[0]?.id ?? 'amount';
      const out = [...fig(t5 as Table, totalRow(t5), 'basic', ['基本支出']), ...codedRows(t6, col)];
      if (t6) {
        out.push(...fig(t6, rowByKey(t6, 'total.personnel'), col, ['人员经费', '人员经费合计']));
        out.push(...fig(t6, rowByKey(t6, 'total.public'), col, ['公用经费', '公用经费合计', '日常公用经费']));
      }
      return out;
    }
    case 'fund':
    case 'capital': {
      const t = T(scope === 'fund' ? 'gov_fund' : 'state_capital');
      return [...byCols(t, totalRow(t), FUND_COLS), ...codedRows(t, 'expense.total')];
    }
    case 'threePublic':
      return [];
  }
}

/** Figures whose label the mention's subject ends with, longest label first. */
export function candidates(m: AmountMention, figures: Figure[]): Figure[] {
  const s = m.subject.replace(/["“”]/g, '');
  let best = 0;
  let out: Figure[] = [];
  for (const f of figures) {
    for (const l of f.labels) {
      if (!l || !s.endsWith(l)) continue;
      if (l.length > best) {
        best = l.length;
        out = [f];
      } else if (l.length === best && !out.includes(f)) out.push(f);
    }
  }
  return out;
}

/** Does a table figure (in its unit) read as the mention at the mention's printed precision? */
export function sameAtPrintedPrecision(m: AmountMention, fen: bigint): boolean {
  const scale = m.unit === '万元' ? 6 : m.unit === '元' ? 2 : 10;
  const printed = formatScaled(m.fen, scale, m.decimals);
  const fromTable = formatScaled(fen, scale, m.decimals);
  return printed === fromTable;
}

/** The mention's number read in the table unit instead of its own (元 printed where 万元 was meant, or vice versa). */
export function sameNumberOtherUnit(m: AmountMention, f: Figure): boolean {
  const n = m.number.replace(/,/g, '');
  const t = f.text.replace(/,/g, '');
  return m.unit !== f.table.unit && Number(n) === Number(t) && Number(n) !== 0;
}

export { amount };
