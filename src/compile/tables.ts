// Every table of the template, built from the ledger: exact 元 sums rounded to 0.01 万元 cell by cell.

import type { DepartmentData, FundType } from '../import/workbook/schema.ts';
import { economicCodes, economicEntry } from '../model/classification.ts';
import type { Cell, Column, Row, Table, TableKind, TextBlock } from '../model/disclosure.ts';
import { InputError } from '../model/errors.ts';
import type { ColumnDef, TableDef, Template } from '../model/templates.ts';
import { asPrinted, wanCell } from './cells.ts';
import { buildLedger, INCOME_SOURCES, type Ledger, totalOf } from './ledger.ts';
import type { CodeNames } from './names.ts';
import { type Amounts, type RolledUp, rollUp, sumOf, zeroes } from './rollup.ts';
import { roundingGaps } from './rounding.ts';

export interface BuiltTables {
  tables: Table[];
  ledger: Ledger;
  /** Exact figures the narrative quotes (分). */
  figures: Figures;
}

export interface Figures {
  incomeBySource: Amounts;
  incomeTotal: bigint;
  reserveUse: bigint;
  carryIn: bigint;
  grandTotal: bigint;
  expenseByKind: Amounts;
  expenseTotal: bigint;
  distribution: bigint;
  carryOut: bigint;
  fiscalIncome: Record<'general' | 'fund' | 'capital', bigint>;
  fiscalCarryIn: Record<'general' | 'fund' | 'capital', bigint>;
  fiscalExpense: Record<'general' | 'fund' | 'capital', bigint>;
  fiscalCarryOut: Record<'general' | 'fund' | 'capital', bigint>;
  fiscalGrand: bigint;
  personnel: bigint;
  publicExpense: bigint;
  economic: Map<string, bigint>;
}

const FISCAL = ['general', 'fund', 'capital'] as const;

function headerOf(c: ColumnDef): Column {
  const first = c.headers[0] ?? c.id;
  const col: Column = { id: c.id, header: first.split('/') };
  if (c.side) col.side = c.side;
  return col;
}

function cells(a: Amounts, ids: readonly string[]): Record<string, Cell> {
  return Object.fromEntries(ids.map((id) => [id, wanCell(a[id] ?? 0n)]));
}

const TABLE_NOTES: Record<TableKind, string> = {
  income_expense_summary: '注：本表反映部门本年度的总收支和年末结转结余情况。',
  income: '注：本表反映部门本年度取得的各项收入情况。',
  expense: '注：本表反映部门本年度各项支出情况。',
  fiscal_summary: '注：本表反映部门本年度财政拨款的总收支和年末结转结余情况。',
  general_budget_expense: '注：本表反映部门本年度一般公共预算财政拨款支出情况。',
  general_budget_basic: '注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。',
  three_public:
    '注：本表反映部门本年度“三公”经费支出预决算情况。其中，预算数为“三公”经费全年预算数，反映按规定程序调整后的预算数；决算数是包括当年一般公共预算财政拨款和以前年度结转资金安排的实际支出。',
  gov_fund: '注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。',
  state_capital: '注：本表反映部门本年度国有资本经营预算财政拨款收入、支出及结转和结余情况。',
};

export const ROUNDING_NOTE = '注：本表金额由元转换为万元时四舍五入，个别合计数与分项之和存在0.01的尾差。';

class TableMaker {
  constructor(
    private readonly d: DepartmentData,
    private readonly tpl: Template,
    private readonly names: CodeNames,
    private readonly ledger: Ledger,
  ) {}

  private shell(def: TableDef, rows: Row[], extraNotes: string[] = []): Table {
    const national = this.tpl.id === 'national-2019';
    const notes: TextBlock[] = [{ text: TABLE_NOTES[def.kind] }, ...extraNotes.map((text) => ({ text }))];
    const t: Table = {
      kind: def.kind,
      number: def.number,
      title: def.titles[0] ?? def.kind,
      unit: '万元',
      department: this.d.department.name,
      columns: def.columns.map(headerOf),
      rows,
      notes,
      unread: [],
    };
    if (national) t.tableNo = `公开${String(def.number).padStart(2, '0')}表`;
    return t;
  }

  private label(code: string): string {
    return code.length === 7
      ? (this.ledger.itemNames.get(code) ?? this.names.functional(code))
      : this.names.functional(code);
  }

  /** Rows 合计 + 类/款/项 for a rolled-up ledger. */
  functionalRows(r: RolledUp, ids: readonly string[], map: (a: Amounts) => Amounts, totalLast = false): Row[] {
    const total: Row = { key: 'total', label: '合计', cells: cells(map(r.total), ids) };
    const body = r.codes.map(
      (code): Row => ({ key: code, code, label: this.label(code), cells: cells(map(r.byCode.get(code) ?? {}), ids) }),
    );
    return totalLast ? [...body, total] : [total, ...body];
  }

  figures(): Figures {
    const L = this.ledger;
    const inc = L.income.total;
    const incomeTotal = totalOf(inc);
    const carryIn = totalOf(L.carryIn);
    const grandTotal = incomeTotal + (this.d.reserveUse ?? 0n) + carryIn;
    const expenseTotal = totalOf(L.expense.total);
    const carryOut = grandTotal - expenseTotal - (this.d.distribution ?? 0n);
    if (carryOut < 0n) {
      throw new InputError(
        'department data',
        '支出合计超过收入总计，年末结转和结余为负数，请核对收入、支出和年初结转 / expense exceeds total income: carry-over would be negative',
      );
    }
    const fiscalIncome = { general: inc.general ?? 0n, fund: inc.fund ?? 0n, capital: inc.capital ?? 0n };
    const fiscalCarryIn = { general: L.carryIn.general, fund: L.carryIn.fund, capital: L.carryIn.capital };
    const fiscalExpense = {
      general: totalOf(L.expenseByFund.general.total),
      fund: totalOf(L.expenseByFund.fund.total),
      capital: totalOf(L.expenseByFund.capital.total),
    };
    const fiscalCarryOut = { general: 0n, fund: 0n, capital: 0n };
    for (const f of FISCAL) {
      fiscalCarryOut[f] = fiscalIncome[f] + fiscalCarryIn[f] - fiscalExpense[f];
      if (fiscalCarryOut[f] < 0n) {
        throw new InputError(
          'department data',
          `${FUND_NAMES[f]}支出超过收入与年初结转之和 / ${f} spending exceeds its income plus carry-in`,
        );
      }
    }
    const economic = new Map<string, bigint>();
    for (const l of this.d.basicEconomic) economic.set(l.code, (economic.get(l.code) ?? 0n) + l.amount);
    let personnel = 0n;
    let publicExpense = 0n;
    for (const [code, v] of economic) {
      if (groupOf(code) === '人员经费') personnel += v;
      else publicExpense += v;
    }
    const basicGeneral = L.expenseByFund.general.total.basic ?? 0n;
    if (personnel + publicExpense !== basicGeneral) {
      throw new InputError(
        'department data',
        `工作表“基本支出经济分类”合计 ${fmtYuan(personnel + publicExpense)} 元，与“支出明细”中一般公共预算财政拨款基本支出 ${fmtYuan(basicGeneral)} 元不一致 / basic expenditure by economic class does not equal general-budget basic spending`,
      );
    }
    return {
      incomeBySource: inc,
      incomeTotal,
      reserveUse: this.d.reserveUse ?? 0n,
      carryIn,
      grandTotal,
      expenseByKind: L.expense.total,
      expenseTotal,
      distribution: this.d.distribution ?? 0n,
      carryOut,
      fiscalIncome,
      fiscalCarryIn,
      fiscalExpense,
      fiscalCarryOut,
      fiscalGrand: fiscalIncome.general + fiscalIncome.fund + fiscalIncome.capital + carryInFiscal(fiscalCarryIn),
      personnel,
      publicExpense,
      economic,
    };
  }

  summary(def: TableDef, f: Figures): Table {
    const rows: Row[] = [];
    const fixed = def.fixedRows ?? [];
    const incomeValue: Record<string, bigint> = {
      ...Object.fromEntries(INCOME_SOURCES.map((s) => [s, f.incomeBySource[s] ?? 0n])),
      total: f.incomeTotal,
      reserve: f.reserveUse,
      carryIn: f.carryIn,
      grand: f.grandTotal,
    };
    for (const r of fixed.filter((x) => x.side === 'income')) {
      const id = r.key.slice('income.'.length);
      const numbered = (INCOME_SOURCES as readonly string[]).includes(id);
      const label = numbered ? (r.labels[0] ?? id) : (r.labels[this.reserveLabelIndex(id)] ?? '');
      rows.push({ key: r.key, side: 'income', label, cells: { amount: wanCell(incomeValue[id] ?? 0n) } });
    }
    const expenseValue: Record<string, bigint> = {
      total: f.expenseTotal,
      distribution: f.distribution,
      carryOut: f.carryOut,
      grand: f.grandTotal,
    };
    for (const r of fixed.filter((x) => x.side === 'expense')) {
      const id = r.key.slice('expense.'.length);
      if (r.code) {
        const a = this.ledger.expense.byCode.get(r.code);
        const row: Row = {
          key: r.key,
          side: 'expense',
          code: r.code,
          label: this.names.functional(r.code),
          cells: { amount: wanCell(a ? totalOf(a) : 0n) },
        };
        rows.push(row);
      } else {
        rows.push({
          key: r.key,
          side: 'expense',
          label: r.labels[0] ?? id,
          cells: { amount: wanCell(expenseValue[id] ?? 0n) },
        });
      }
    }
    return this.withRounding(def, this.shell(def, rows));
  }

  /** 2024 templates call 用事业基金弥补收支差额 "使用非财政拨款结余". */
  private reserveLabelIndex(id: string): number {
    return id === 'reserve' && this.tpl.id !== 'national-2019' ? 1 : 0;
  }

  income(def: TableDef): Table {
    const ids = def.columns.map((c) => c.id);
    const map = (a: Amounts): Amounts => {
      const fiscal = (a.general ?? 0n) + (a.fund ?? 0n) + (a.capital ?? 0n);
      const out: Amounts = {
        fiscal,
        superior: a.superior ?? 0n,
        business: a.business ?? 0n,
        operating: a.operating ?? 0n,
        affiliated: a.affiliated ?? 0n,
        other: a.other ?? 0n,
      };
      out.total = totalOf(out);
      return out;
    };
    return this.withRounding(def, this.shell(def, this.functionalRows(this.ledger.income, ids, map)));
  }

  expense(def: TableDef, r: RolledUp, totalLast = false): Table {
    const ids = def.columns.map((c) => c.id);
    const map = (a: Amounts): Amounts => ({
      ...a,
      total: sumOf(a, ['basic', 'project', 'remitted', 'operating', 'subsidy']),
    });
    return this.withRounding(def, this.shell(def, this.functionalRows(r, ids, map, totalLast)));
  }

  fiscal(def: TableDef, f: Figures): Table {
    const rows: Row[] = [];
    const capital = def.columns.some((c) => c.id === 'capital');
    const funds = capital ? FISCAL : (['general', 'fund'] as const);
    const incomeValue: Record<string, bigint> = {
      general: f.fiscalIncome.general,
      fund: f.fiscalIncome.fund,
      capital: f.fiscalIncome.capital,
      total: funds.reduce((t, k) => t + f.fiscalIncome[k], 0n),
      carryIn: funds.reduce((t, k) => t + f.fiscalCarryIn[k], 0n),
      'carryIn.general': f.fiscalCarryIn.general,
      'carryIn.fund': f.fiscalCarryIn.fund,
      'carryIn.capital': f.fiscalCarryIn.capital,
      grand: f.fiscalGrand,
    };
    for (const r of (def.fixedRows ?? []).filter((x) => x.side === 'income')) {
      const id = r.key.slice('income.'.length);
      const label = r.labels[0] ?? id;
      rows.push({ key: r.key, side: 'income', label, cells: { amount: wanCell(incomeValue[id] ?? 0n) } });
    }
    const ids = ['total', ...funds];
    const row = (parts: Record<string, bigint>): Record<string, Cell> => {
      const a: Amounts = { ...parts, total: funds.reduce((t, k) => t + (parts[k] ?? 0n), 0n) };
      return cells(a, ids);
    };
    for (const r of (def.fixedRows ?? []).filter((x) => x.side === 'expense')) {
      const id = r.key.slice('expense.'.length);
      if (r.code) {
        const code = r.code;
        const parts = Object.fromEntries(
          funds.map((k) => {
            const a = this.ledger.expenseByFund[k].byCode.get(code);
            return [k, a ? totalOf(a) : 0n];
          }),
        );
        rows.push({
          key: r.key,
          side: 'expense',
          code,
          label: this.names.functional(code),
          cells: row(parts),
        });
      } else if (id === 'total') {
        rows.push({ key: r.key, side: 'expense', label: r.labels[0] ?? id, cells: row(f.fiscalExpense) });
      } else if (id === 'carryOut' || id === 'grand') {
        const parts =
          id === 'carryOut'
            ? f.fiscalCarryOut
            : Object.fromEntries(FISCAL.map((k) => [k, f.fiscalExpense[k] + f.fiscalCarryOut[k]]));
        rows.push({ key: r.key, side: 'expense', label: r.labels[0] ?? id, cells: row(parts) });
      } else if (id.startsWith('carryOut.')) {
        const k = id.slice('carryOut.'.length) as (typeof FISCAL)[number];
        rows.push({
          key: r.key,
          side: 'expense',
          label: r.labels[0] ?? id,
          cells: row({ [k]: f.fiscalCarryOut[k] }),
        });
      }
    }
    return this.withRounding(def, this.shell(def, rows));
  }

  basic(def: TableDef, f: Figures): Table {
    const year2024 = this.tpl.id !== 'national-2019';
    const codes = new Set<string>();
    for (const e of economicCodes()) if (e.code.length === 5 && (year2024 ? e.in2024 : e.in2019)) codes.add(e.code);
    for (const code of f.economic.keys()) codes.add(code);
    const classes = new Map<string, bigint>();
    for (const code of codes) {
      const k = code.slice(0, 3);
      classes.set(k, (classes.get(k) ?? 0n) + (f.economic.get(code) ?? 0n));
    }
    const given = new Map(this.d.basicEconomic.map((l) => [l.code, l.name]));
    const all = [...codes, ...classes.keys()].sort();
    const rows: Row[] = all.map((code) => ({
      key: code,
      code,
      label: this.names.economic(code, given.get(code)),
      cells: { amount: wanCell(code.length === 3 ? (classes.get(code) ?? 0n) : (f.economic.get(code) ?? 0n)) },
    }));
    rows.push({ key: 'total.personnel', label: '人员经费合计', cells: { amount: wanCell(f.personnel) } });
    rows.push({ key: 'total.public', label: '公用经费合计', cells: { amount: wanCell(f.publicExpense) } });
    return this.withRounding(def, this.shell(def, rows));
  }

  threePublic(def: TableDef): Table {
    const tp = this.d.threePublic;
    const a: Amounts = {};
    for (const [g, v] of [
      ['budget', tp.budget],
      ['actual', tp.actual],
    ] as const) {
      a[`${g}.abroad`] = v.abroad;
      a[`${g}.vehicle.purchase`] = v.vehiclePurchase;
      a[`${g}.vehicle.operation`] = v.vehicleOperation;
      a[`${g}.vehicle`] = v.vehiclePurchase + v.vehicleOperation;
      a[`${g}.reception`] = v.reception;
      a[`${g}.total`] = v.abroad + v.vehiclePurchase + v.vehicleOperation + v.reception;
    }
    const ids = def.columns.map((c) => c.id);
    const rows: Row[] = [{ key: 'total', label: '', cells: cells(a, ids) }];
    const empty = (a['actual.total'] ?? 0n) === 0n && (a['budget.total'] ?? 0n) === 0n;
    const notes = empty
      ? [`说明：${this.d.department.name}${this.d.fiscalYear}年度没有财政拨款“三公”经费支出，故本表无数据。`]
      : [];
    return this.withRounding(def, this.shell(def, rows, notes));
  }

  fundTable(def: TableDef, fund: 'fund' | 'capital'): Table {
    const exp = this.ledger.expenseByFund[fund];
    const income = new Map<string, bigint>();
    for (const [code, a] of this.ledger.income.byCode)
      if (code.length === 7 && (a[fund] ?? 0n) !== 0n) income.set(code, a[fund] ?? 0n);
    const items = new Map<string, Amounts>();
    const codes = new Set([...income.keys(), ...this.ledger.carryInByCode[fund].keys()]);
    for (const [code] of exp.byCode) if (code.length === 7) codes.add(code);
    for (const code of codes) {
      const e = exp.byCode.get(code) ?? zeroes(['basic', 'project']);
      const cin = this.ledger.carryInByCode[fund].get(code) ?? 0n;
      const inc = income.get(code) ?? 0n;
      const basic = e.basic ?? 0n;
      const project = totalOf(e) - basic;
      items.set(code, {
        carryIn: cin,
        income: inc,
        'expense.basic': basic,
        'expense.project': project,
        'expense.total': basic + project,
        carryOut: cin + inc - basic - project,
      });
    }
    const r = rollUp(
      items,
      def.columns.map((c) => c.id),
    );
    const unassigned =
      this.ledger.carryIn[fund] - [...this.ledger.carryInByCode[fund].values()].reduce((t, v) => t + v, 0n);
    if (unassigned !== 0n) {
      throw new InputError(
        'department data',
        `${FUND_NAMES[fund]}年初结转和结余须按功能分类科目填写编码 / carry-in of ${fund} funds needs a 功能分类 code`,
      );
    }
    const ids = def.columns.map((c) => c.id);
    const empty = r.codes.length === 0;
    const name = this.d.department.name;
    const what = fund === 'fund' ? '政府性基金预算财政拨款' : '国有资本经营预算财政拨款';
    const notes = empty ? [`说明：${name}${this.d.fiscalYear}年度没有${what}收入和支出，故本表无数据。`] : [];
    return this.withRounding(
      def,
      this.shell(
        def,
        this.functionalRows(r, ids, (a) => a),
        notes,
      ),
    );
  }

  private withRounding(def: TableDef, t: Table): Table {
    if (roundingGaps(t, def).length > 0) t.notes.push({ text: ROUNDING_NOTE });
    return t;
  }
}

export const FUND_NAMES: Record<FundType, string> = {
  general: '一般公共预算财政拨款',
  fund: '政府性基金预算财政拨款',
  capital: '国有资本经营预算财政拨款',
  other: '其他资金',
};

function carryInFiscal(c: Record<'general' | 'fund' | 'capital', bigint>): bigint {
  return c.general + c.fund + c.capital;
}

function groupOf(code: string): '人员经费' | '公用经费' {
  const e = economicEntry(code);
  if (e) return e.group;
  return code.startsWith('301') || code.startsWith('303') ? '人员经费' : '公用经费';
}

function fmtYuan(f: bigint): string {
  const neg = f < 0n;
  const a = neg ? -f : f;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}

export function buildTables(d: DepartmentData, tpl: Template, names: CodeNames, file: string): BuiltTables {
  const ledger = buildLedger(d, file);
  const maker = new TableMaker(d, tpl, names, ledger);
  const figures = maker.figures();
  // biome-ignore lint/suspicious/useIterableCallbackReturn: the switch is exhaustive
  const tables = tpl.tables.map((def): Table => {
    switch (def.kind) {
      case 'income_expense_summary':
        return maker.summary(def, figures);
      case 'income':
        return maker.income(def);
      case 'expense':
        return maker.expense(def, ledger.expense);
      case 'fiscal_summary':
        return maker.fiscal(def, figures);
      case 'general_budget_expense':
        return maker.expense(def, ledger.expenseByFund.general, tpl.id !== 'national-2019');
      case 'general_budget_basic':
        return maker.basic(def, figures);
      case 'three_public':
        return maker.threePublic(def);
      case 'gov_fund':
        return maker.fundTable(def, 'fund');
      case 'state_capital':
        return maker.fundTable(def, 'capital');
    }
  });
  return { tables: tables.map((t) => asPrinted(t, tpl.zeroAmount)), ledger, figures };
}
