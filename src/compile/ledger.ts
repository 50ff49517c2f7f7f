// The department's ledger summed by 功能分类 项 and validated: the exact 元 figures every table is built from.

import type { DepartmentData, FundType } from '../import/workbook/schema.ts';
import { InputError } from '../model/errors.ts';
import { type Amounts, addInto, type RolledUp, rollUp, zeroes } from './rollup.ts';

export const INCOME_SOURCES = [
  'general',
  'fund',
  'capital',
  'superior',
  'business',
  'operating',
  'affiliated',
  'other',
] as const;
export const SPENDING_KINDS = ['basic', 'project', 'remitted', 'operating', 'subsidy'] as const;

export interface Ledger {
  /** Income by 项 × source (general/fund/capital/…). */
  income: RolledUp;
  /** All expense by 项 × kind (basic/project/…). */
  expense: RolledUp;
  /** Expense by fund type, each by 项 × kind. */
  expenseByFund: Record<FundType, RolledUp>;
  /** Names of 项 codes as given on the ledger lines. */
  itemNames: Map<string, string>;
  carryIn: Record<FundType, bigint>;
  /** 年初结转和结余 by fund type and 项 (only where given by code). */
  carryInByCode: Record<FundType, Map<string, bigint>>;
}

export function buildLedger(d: DepartmentData, file: string): Ledger {
  const itemNames = new Map<string, string>();
  const incomeItems = new Map<string, Amounts>();
  d.income.forEach((l, i) => {
    itemNames.set(l.code, itemNames.get(l.code) ?? l.name);
    const a = incomeItems.get(l.code) ?? zeroes(INCOME_SOURCES);
    const add: Amounts = {};
    for (const s of INCOME_SOURCES) {
      const v = l[s] ?? 0n;
      if (v < 0n) throw new InputError(file, `收入第 ${i + 1} 行（${l.code}）：金额不能为负 / negative income`);
      add[s] = v;
    }
    addInto(a, add);
    incomeItems.set(l.code, a);
  });
  const all = new Map<string, Amounts>();
  const byFund: Record<FundType, Map<string, Amounts>> = {
    general: new Map(),
    fund: new Map(),
    capital: new Map(),
    other: new Map(),
  };
  d.expense.forEach((l) => {
    itemNames.set(l.code, itemNames.get(l.code) ?? l.name);
    const add: Amounts = {};
    for (const k of SPENDING_KINDS) add[k] = l[k] ?? 0n;
    for (const m of [all, byFund[l.fund]]) {
      const a = m.get(l.code) ?? zeroes(SPENDING_KINDS);
      addInto(a, add);
      m.set(l.code, a);
    }
  });
  const carryIn: Record<FundType, bigint> = { general: 0n, fund: 0n, capital: 0n, other: 0n };
  const carryInByCode: Record<FundType, Map<string, bigint>> = {
    general: new Map(),
    fund: new Map(),
    capital: new Map(),
    other: new Map(),
  };
  for (const c of d.carryIn) {
    carryIn[c.fund] += c.amount;
    if (c.code) carryInByCode[c.fund].set(c.code, (carryInByCode[c.fund].get(c.code) ?? 0n) + c.amount);
  }
  return {
    income: rollUp(incomeItems, INCOME_SOURCES),
    expense: rollUp(all, SPENDING_KINDS),
    expenseByFund: {
      general: rollUp(byFund.general, SPENDING_KINDS),
      fund: rollUp(byFund.fund, SPENDING_KINDS),
      capital: rollUp(byFund.capital, SPENDING_KINDS),
      other: rollUp(byFund.other, SPENDING_KINDS),
    },
    itemNames,
    carryIn,
    carryInByCode,
  };
}

export function totalOf(a: Amounts): bigint {
  let t = 0n;
  for (const v of Object.values(a)) t += v;
  return t;
}
