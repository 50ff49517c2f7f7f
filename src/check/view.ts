// Read-only helpers over tables: finding rows and cells, turning them into evidence, comparing sums.
import type { Cell, Row, Table, TableKind } from '../model/disclosure.ts';
import { abs, centStep, formatAmount, type Unit } from '../model/money.ts';
import { squash, stripNumberingLabel } from './text.ts';
import type { Draft, Evidence, Severity } from './types.ts';

export const TABLE_NAMES: Record<TableKind, string> = {
  income_expense_summary: '收入支出决算总表',
  income: '收入决算表',
  expense: '支出决算表',
  fiscal_summary: '财政拨款收入支出决算总表',
  general_budget_expense: '一般公共预算财政拨款支出决算表',
  general_budget_basic: '一般公共预算财政拨款基本支出决算表',
  three_public: '“三公”经费支出决算表',
  gov_fund: '政府性基金预算财政拨款收入支出决算表',
  state_capital: '国有资本经营预算财政拨款收入支出决算表',
};

export function tableLabel(t: Table): string {
  return `${t.tableNo ? `${squash(t.tableNo)} ` : `表${t.number} `}${t.title}`;
}

/** A cell read for arithmetic: amount, or nothing printed (blank, dash), or unknown (unread / text). */
export type Val = { kind: 'amount'; fen: bigint } | { kind: 'none' } | { kind: 'unknown' };

export function val(cell: Cell | undefined): Val {
  if (!cell) return { kind: 'none' };
  if (cell.kind === 'amount') return { kind: 'amount', fen: cell.fen };
  if (cell.kind === 'blank' || cell.kind === 'dash') return { kind: 'none' };
  return { kind: 'unknown' };
}

/** Amount of a cell, or undefined when it is not a printed amount. */
export function amount(row: Row | undefined, col: string): bigint | undefined {
  const c = row?.cells[col];
  return c?.kind === 'amount' ? c.fen : undefined;
}

/** Amount where blank/dash count as nothing (0) and unread makes it unknown (undefined). */
export function amountOrNone(row: Row | undefined, col: string): bigint | undefined {
  if (!row) return undefined;
  const v = val(row.cells[col]);
  return v.kind === 'amount' ? v.fen : v.kind === 'none' ? 0n : undefined;
}

export function rowLabel(r: Row): string {
  return r.code ? `${r.code} ${r.label}` : r.label;
}

export function columnLabel(t: Table, col: string, side?: 'income' | 'expense'): string {
  const c =
    t.columns.find((x) => x.id === col && (!side || !x.side || x.side === side)) ?? t.columns.find((x) => x.id === col);
  return c ? c.header.join('/') || col : col;
}

export function cellEvidence(t: Table, r: Row, col: string, role?: string): Evidence {
  const cell = r.cells[col];
  const src = cell?.src ?? r.src ?? t.src;
  const e: Evidence = {
    table: tableLabel(t),
    tableKind: t.kind,
    row: rowLabel(r),
    rowKey: r.key,
    column: columnLabel(t, col, r.side),
    columnId: col,
  };
  if (role) e.role = role;
  if (src?.page !== undefined) e.page = src.page;
  if (src?.line !== undefined) e.line = src.line;
  if (cell?.kind === 'amount') e.value = cell.text;
  else if (cell?.kind === 'dash' || cell?.kind === 'text') e.value = cell.text;
  else if (cell?.kind === 'blank') e.value = '（空白 / blank）';
  return e;
}

export function tableEvidence(t: Table, role?: string): Evidence {
  const e: Evidence = { table: tableLabel(t), tableKind: t.kind };
  if (role) e.role = role;
  if (t.src?.page !== undefined) e.page = t.src.page;
  if (t.src?.line !== undefined) e.line = t.src.line;
  return e;
}

export function fmt(fen: bigint, unit: Unit): string {
  return `${formatAmount(fen, unit, { thousands: true })} ${unit}`;
}

/** Footer keys written either way round by different importers ("total.public" / "public.total"). */
const FOOTER_LABELS: Record<string, string[]> = {
  'total.personnel': ['人员经费合计', '人员经费'],
  'total.public': ['公用经费合计', '公用经费', '日常公用经费合计', '日常公用经费'],
};

/** Row by template key, falling back to an alias key and a label match. */
export function rowByKey(t: Table | undefined, key: string, ...labels: string[]): Row | undefined {
  if (!t) return undefined;
  const byKey = t.rows.find((r) => r.key === key);
  if (byKey) return byKey;
  const parts = key.split('.');
  if (parts.length === 2) {
    const swapped = t.rows.find((r) => r.key === `${parts[1]}.${parts[0]}`);
    if (swapped) return swapped;
  }
  const all = [...labels, ...(FOOTER_LABELS[key] ?? [])];
  if (all.length === 0) return undefined;
  const want = all.map(squash);
  return t.rows.find((r) => !r.code && want.includes(stripNumberingLabel(r.label)));
}

/** The 合计 row of a classification table (key "total" or label 合计/总计, no code). */
export function totalRow(t: Table | undefined): Row | undefined {
  if (!t) return undefined;
  return (
    t.rows.find((r) => r.key === 'total') ??
    t.rows.find((r) => !r.code && ['合计', '总计', '本年支出合计', '本年收入合计'].includes(squash(r.label)))
  );
}

/** Rows carrying a classification code of a given length (3 类, 5 款, 7 项). */
export function codeRows(t: Table | undefined, len?: number): Row[] {
  if (!t) return [];
  return t.rows.filter((r) => r.code !== undefined && (len === undefined || r.code.length === len));
}

export function rowByCode(t: Table | undefined, code: string): Row | undefined {
  return t?.rows.find((r) => r.code === code);
}

export type TieOutcome = 'ok' | 'rounding' | 'error';

/**
 * Compares two figures of a 万元 (or 元) table: equal is ok; a difference within 0.01 per rounded addend
 * (元→万元 rounding) is "rounding"; anything more is an error. 元 tables allow no difference.
 */
export function tie(expected: bigint, actual: bigint, unit: Unit, addends = 1): TieOutcome {
  const d = abs(expected - actual);
  if (d === 0n) return 'ok';
  if (unit === '万元' && d <= centStep(unit) * BigInt(Math.max(1, addends))) return 'rounding';
  return 'error';
}

export const ROUNDING_NOTE_ZH = '差额在元→万元四舍五入尾差范围内（每个加数 ≤0.01 万元）';
export const ROUNDING_NOTE_EN = 'within 元→万元 rounding (≤0.01 万元 per addend)';

/** A draft for a failed tie, with severity by outcome and amounts in the table unit. */
export function tieDraft(
  outcome: TieOutcome,
  unit: Unit,
  expected: bigint,
  actual: bigint,
  zh: string,
  en: string,
  evidence: Evidence[],
  errorSeverity: Severity = 'error',
): Draft {
  const rounding = outcome === 'rounding';
  return {
    severity: rounding ? 'info' : errorSeverity,
    message: rounding ? `${zh}（${ROUNDING_NOTE_ZH}）` : zh,
    messageEn: rounding ? `${en} (${ROUNDING_NOTE_EN})` : en,
    evidence,
    expected: fmt(expected, unit),
    actual: fmt(actual, unit),
    difference: fmt(actual - expected, unit),
  };
}
