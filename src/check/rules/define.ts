// Helpers for writing rules tersely.
import type { Row, Table, TableKind } from '../../model/disclosure.ts';
import type { Unit } from '../../model/money.ts';
import type { Draft, Evidence, Rule, RuleContext, Skip } from '../types.ts';
import { amountOrNone, cellEvidence, tie, tieDraft } from '../view.ts';

export function rule(r: Rule): Rule {
  return r;
}

export const skip = (reason: string): Skip => ({ skip: reason });

/** Table short label for messages: "公开03表". */
export function tno(t: Table): string {
  return t.tableNo ? t.tableNo.replace(/\s+/g, '') : `表${t.number}`;
}

export interface Addend {
  row: Row;
  col: string;
  sign?: 1 | -1;
}

/**
 * Compares a total cell with the signed sum of addend cells; returns a draft on mismatch.
 * Unread cells make the comparison unknown (undefined is returned and `unknown` is called).
 */
export function sumTie(
  t: Table,
  unit: Unit,
  total: { row: Row; col: string },
  addends: Addend[],
  zh: string,
  en: string,
  onUnknown?: () => void,
): Draft | undefined {
  const totalV = amountOrNone(total.row, total.col);
  if (totalV === undefined || total.row.cells[total.col]?.kind !== 'amount') {
    if (totalV === undefined) onUnknown?.();
    return undefined;
  }
  let s = 0n;
  for (const a of addends) {
    const v = amountOrNone(a.row, a.col);
    if (v === undefined) {
      onUnknown?.();
      return undefined;
    }
    s += (a.sign ?? 1) === 1 ? v : -v;
  }
  const n = addends.filter((a) => a.row.cells[a.col]?.kind === 'amount').length;
  const outcome = tie(s, totalV, unit, n);
  if (outcome === 'ok') return undefined;
  const evidence: Evidence[] = [
    cellEvidence(t, total.row, total.col, '合计 / total'),
    ...addends.map((a) => cellEvidence(t, a.row, a.col, a.sign === -1 ? '减项 / minus' : '加项 / addend')),
  ];
  return tieDraft(outcome, unit, s, totalV, zh, en, evidence);
}

/** Convenience: a rule over one table kind. */
export function tableRule(
  base: Omit<Rule, 'check' | 'needs'> & { kind: TableKind },
  fn: (t: Table, ctx: RuleContext) => Draft[] | Skip,
): Rule {
  const { kind, ...rest } = base;
  return {
    ...rest,
    needs: [kind],
    check: (ctx) => {
      const t = ctx.table(kind);
      if (!t) return skip('missing table');
      return fn(t, ctx);
    },
  };
}
