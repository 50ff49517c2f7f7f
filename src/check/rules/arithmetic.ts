// Table arithmetic: row = Σ columns, 合计 = Σ类, 类 = Σ款, 款 = Σ项, both sides of the summary tables,
// 基本支出 footers, 三公 subtotals, fund tables' carry-over.

import { economicEntry } from '../../model/classification.ts';
import type { Row, Table, TableKind } from '../../model/disclosure.ts';
import { addRows, bump, rowOf, setAmount } from '../fixtures/mutators.ts';
import type { Draft, Rule, RuleContext } from '../types.ts';
import { codeRows, columnLabel, rowByKey, rowLabel, totalRow } from '../view.ts';
import { type Addend, rule, sumTie, tableRule, tno } from './define.ts';

const T = (n: number) => `公开0${n}表`;
const SHORT: Record<string, string> = {
  income: 'T2',
  expense: 'T3',
  general_budget_expense: 'T5',
  gov_fund: 'T8',
  state_capital: 'T9',
};

/** Column ids of a table that carry amounts in at least one row. */
function amountColumns(t: Table): string[] {
  const ids = new Set<string>();
  for (const r of t.rows) for (const [k, c] of Object.entries(r.cells)) if (c.kind === 'amount') ids.add(k);
  return t.columns.map((c) => c.id).filter((id, i, a) => ids.has(id) && a.indexOf(id) === i);
}

function children(t: Table, parent: string): Row[] {
  return codeRows(t).filter(
    (r) => r.code !== undefined && r.code.length === parent.length + 2 && r.code.startsWith(parent),
  );
}

type Level = 'total' | 'class' | 'section';
const LEVEL_TEXT: Record<Level, [string, string]> = {
  total: ['合计 = Σ类', 'total = Σ classes'],
  class: ['类 = Σ款', 'class = Σ sections'],
  section: ['款 = Σ项', 'section = Σ items'],
};

function hierarchyRule(kind: TableKind, n: number, level: Level): Rule {
  const id = `${SHORT[kind]}-SUM-${level.toUpperCase()}`;
  const [zhT, enT] = LEVEL_TEXT[level];
  const fire =
    level === 'total'
      ? (d: Parameters<Rule['fixtures'][0]['fire']>[0]) => bump(d, kind, 'total', amountColumnFor(kind))
      : level === 'class'
        ? (d: Parameters<Rule['fixtures'][0]['fire']>[0]) => bump(d, kind, '201', amountColumnFor(kind))
        : (d: Parameters<Rule['fixtures'][0]['fire']>[0]) => bump(d, kind, '20113', amountColumnFor(kind));
  return tableRule(
    {
      id,
      kind,
      family: 'arithmetic',
      severity: 'error',
      title: { zh: `${T(n)}：${zhT}（每一栏）`, en: `Table ${n}: ${enT} (every column)` },
      basis: `表内勾稽：${zhT}（domain §4.2；OBL-INTERNAL-DETAIL-ROW / TABLE-TOTAL）`,
      ...(kind === 'state_capital' ? { templates: ['shanghai-2024'] } : {}),
      fixtures:
        kind === 'gov_fund' || kind === 'state_capital'
          ? [
              {
                fire: (d) => fundFire(d, kind, level),
                ...(kind === 'state_capital' ? { sample: '2024' as const } : {}),
              },
            ]
          : [{ fire }],
    },
    (t, ctx) => {
      const out: Draft[] = [];
      const cols = amountColumns(t);
      const pairs: { parent: Row; kids: Row[] }[] = [];
      if (level === 'total') {
        const tot = totalRow(t);
        const classes = codeRows(t, 3);
        if (tot && classes.length > 0) pairs.push({ parent: tot, kids: classes });
      } else {
        for (const p of codeRows(t, level === 'class' ? 3 : 5)) {
          const kids = children(t, p.code ?? '');
          if (kids.length > 0) pairs.push({ parent: p, kids });
        }
      }
      for (const { parent, kids } of pairs) {
        for (const col of cols) {
          const dr = sumTie(
            t,
            t.unit,
            { row: parent, col },
            kids.map((k) => ({ row: k, col })),
            `${tno(t)} ${rowLabel(parent)}「${columnLabel(t, col)}」不等于下级科目之和（${zhT}）`,
            `${tno(t)} ${rowLabel(parent)} [${columnLabel(t, col)}] is not the sum of its sub-rows (${enT})`,
          );
          if (dr) out.push(dr);
        }
      }
      void ctx;
      return out;
    },
  );
}

/** Fund tables are empty in the sample: add rows that break one level of the hierarchy. */
function fundFire(d: Parameters<Rule['fixtures'][0]['fire']>[0], kind: TableKind, level: Level): void {
  const v = (x: string) => ({
    carryIn: '0.00',
    income: x,
    'expense.total': '0.00',
    'expense.basic': '0.00',
    'expense.project': '0.00',
    carryOut: x,
  });
  if (level === 'total') addRows(d, kind, [['212', '城乡社区支出', v('1.00')]]);
  else if (level === 'class')
    addRows(d, kind, [
      ['212', '城乡社区支出', v('0.00')],
      ['21208', '国有土地使用权出让收入安排的支出', v('1.00')],
    ]);
  else
    addRows(d, kind, [
      ['21208', '国有土地使用权出让收入安排的支出', v('0.00')],
      ['2120801', '征地和拆迁补偿支出', v('1.00')],
    ]);
}

function amountColumnFor(kind: TableKind): string {
  return kind === 'gov_fund' || kind === 'state_capital' ? 'income' : 'total';
}

/** row total = Σ parts, from the template's `parts`. */
function rowSumRule(kind: TableKind, n: number, id: string, fireKey: string, fireCol: string): Rule {
  return tableRule(
    {
      id,
      kind,
      family: 'arithmetic',
      severity: 'error',
      title: { zh: `${T(n)}：每行合计 = 各栏之和`, en: `Table ${n}: each row's total = sum of its columns` },
      basis: '表内勾稽：行合计等于各栏之和（domain §4.2/§4.3/§4.5）',
      ...(kind === 'state_capital' ? { templates: ['shanghai-2024'] } : {}),
      fixtures: [
        {
          fire: (d) => bump(d, kind, fireKey, fireCol),
          ...(kind === 'state_capital' ? { sample: '2024' as const } : {}),
        },
      ],
    },
    (t, ctx) => {
      const def = ctx.template.tables.find((x) => x.kind === kind);
      const out: Draft[] = [];
      for (const p of def?.parts ?? []) {
        for (const r of t.rows) {
          if (r.side === 'income') continue;
          if (!(p.total in r.cells)) continue;
          const present = p.parts.filter((c) => c in r.cells);
          if (present.length === 0) continue;
          const dr = sumTie(
            t,
            t.unit,
            { row: r, col: p.total },
            present.map((c) => ({ row: r, col: c })),
            `${tno(t)} ${rowLabel(r) || '数据行'}：「${columnLabel(t, p.total)}」不等于${present.map((c) => `「${columnLabel(t, c)}」`).join('+')}`,
            `${tno(t)} ${rowLabel(r) || 'data row'}: [${p.total}] is not ${present.join(' + ')}`,
          );
          if (dr) out.push(dr);
        }
      }
      return out;
    },
  );
}

const INCOME_SOURCES = ['general', 'fund', 'capital', 'superior', 'business', 'operating', 'affiliated', 'other'];

function summaryRules(): Rule[] {
  const k1: TableKind = 'income_expense_summary';
  const k4: TableKind = 'fiscal_summary';
  const row = (t: Table, key: string) => rowByKey(t, key);
  const mk = (
    id: string,
    kind: TableKind,
    zh: string,
    en: string,
    basis: string,
    build: (t: Table) => { total: Row | undefined; parts: Addend[]; col: string }[],
    fire: (d: Parameters<Rule['fixtures'][0]['fire']>[0]) => void,
  ): Rule =>
    tableRule(
      { id, kind, family: 'arithmetic', severity: 'error', title: { zh, en }, basis, fixtures: [{ fire }] },
      (t) => {
        const out: Draft[] = [];
        for (const g of build(t)) {
          if (!g.total || g.parts.length === 0) continue;
          const dr = sumTie(
            t,
            t.unit,
            { row: g.total, col: g.col },
            g.parts,
            `${tno(t)} ${g.total.label}${g.col === 'amount' ? '' : `「${columnLabel(t, g.col)}」`}：${zh}不成立`,
            `${tno(t)} ${g.total.label}${g.col === 'amount' ? '' : ` [${g.col}]`}: ${en} does not hold`,
          );
          if (dr) out.push(dr);
        }
        return out;
      },
    );
  const parts = (t: Table, keys: string[], col: string, sign: 1 | -1 = 1): Addend[] =>
    keys.flatMap((k) => {
      const r = row(t, k);
      return r && col in r.cells ? [{ row: r, col, sign }] : [];
    });
  const classKeys = (t: Table) => t.rows.filter((r) => r.side === 'expense' && r.code).map((r) => r.key);
  const t4cols = (t: Table) => ['total', 'general', 'fund', 'capital'].filter((c) => t.columns.some((x) => x.id === c));
  return [
    mk(
      'T1-INCOME-TOTAL',
      k1,
      '本年收入合计 = 各项收入之和',
      'income total = sum of income sources',
      '收入支出决算总表：本年收入合计 = 一至七项收入之和（domain §4.1）',
      (t) => [
        {
          total: row(t, 'income.total'),
          parts: parts(
            t,
            INCOME_SOURCES.map((k) => `income.${k}`),
            'amount',
          ),
          col: 'amount',
        },
      ],
      (d) => bump(d, k1, 'income.other', 'amount'),
    ),
    mk(
      'T1-EXPENSE-TOTAL',
      k1,
      '本年支出合计 = 各类支出之和',
      'expense total = sum of class rows',
      '收入支出决算总表：本年支出合计 = 各功能分类类级支出之和（domain §4.1）',
      (t) => [{ total: row(t, 'expense.total'), parts: parts(t, classKeys(t), 'amount'), col: 'amount' }],
      (d) => bump(d, k1, 'expense.201', 'amount'),
    ),
    mk(
      'T1-INCOME-GRAND',
      k1,
      '收入总计 = 本年收入合计 + 使用非财政拨款结余（用事业基金弥补收支差额）+ 年初结转和结余',
      'income grand total = income total + reserve + carry-in',
      '收入支出决算总表收入侧（domain §4.1）',
      (t) => [
        {
          total: row(t, 'income.grand'),
          parts: parts(t, ['income.total', 'income.reserve', 'income.carryIn'], 'amount'),
          col: 'amount',
        },
      ],
      (d) => bump(d, k1, 'income.carryIn', 'amount'),
    ),
    mk(
      'T1-EXPENSE-GRAND',
      k1,
      '支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余',
      'expense grand total = expense total + distribution + carry-out',
      '收入支出决算总表支出侧（GBC D-001；domain §4.1）',
      (t) => [
        {
          total: row(t, 'expense.grand'),
          parts: parts(t, ['expense.total', 'expense.distribution', 'expense.carryOut'], 'amount'),
          col: 'amount',
        },
      ],
      (d) => bump(d, k1, 'expense.carryOut', 'amount'),
    ),
    mk(
      'T1-BALANCE',
      k1,
      '收入总计 = 支出总计',
      'income grand total = expense grand total',
      '收入支出决算总表两侧平衡（domain §4.1）',
      (t) => [{ total: row(t, 'income.grand'), parts: parts(t, ['expense.grand'], 'amount'), col: 'amount' }],
      (d) => {
        bump(d, k1, 'expense.grand', 'amount');
        bump(d, k1, 'expense.carryOut', 'amount');
      },
    ),
    mk(
      'T4-INCOME-TOTAL',
      k4,
      '本年收入合计 = 各项财政拨款收入之和',
      'income total = sum of appropriations',
      '财政拨款收入支出决算总表（domain §4.3）',
      (t) => [
        {
          total: row(t, 'income.total'),
          parts: parts(t, ['income.general', 'income.fund', 'income.capital'], 'amount'),
          col: 'amount',
        },
      ],
      (d) => bump(d, k4, 'income.fund', 'amount'),
    ),
    mk(
      'T4-INCOME-GRAND',
      k4,
      '收入总计 = 本年收入合计 + 年初财政拨款结转和结余',
      'income grand total = income total + carry-in',
      '财政拨款收入支出决算总表（domain §4.3）',
      (t) => [
        { total: row(t, 'income.grand'), parts: parts(t, ['income.total', 'income.carryIn'], 'amount'), col: 'amount' },
      ],
      (d) => bump(d, k4, 'income.grand', 'amount'),
    ),
    mk(
      'T4-CARRYIN-SPLIT',
      k4,
      '年初财政拨款结转和结余 = 各类财政拨款年初结转之和',
      'carry-in = sum of its fund parts',
      '财政拨款收入支出决算总表（domain §4.3）',
      (t) => [
        {
          total: row(t, 'income.carryIn'),
          parts: parts(t, ['income.carryIn.general', 'income.carryIn.fund', 'income.carryIn.capital'], 'amount'),
          col: 'amount',
        },
      ],
      (d) => bump(d, k4, 'income.carryIn.general', 'amount'),
    ),
    mk(
      'T4-EXPENSE-TOTAL',
      k4,
      '本年支出合计 = 各类支出之和（每一栏）',
      'expense total = sum of class rows (every column)',
      '财政拨款收入支出决算总表（domain §4.3）',
      (t) => t4cols(t).map((col) => ({ total: row(t, 'expense.total'), parts: parts(t, classKeys(t), col), col })),
      (d) => {
        bump(d, k4, 'expense.201', 'total');
        bump(d, k4, 'expense.201', 'general');
      },
    ),
    mk(
      'T4-EXPENSE-GRAND',
      k4,
      '支出总计 = 本年支出合计 + 年末财政拨款结转和结余（每一栏）',
      'expense grand total = expense total + carry-out (every column)',
      '财政拨款收入支出决算总表（domain §4.3）',
      (t) =>
        t4cols(t).map((col) => ({
          total: row(t, 'expense.grand'),
          parts: parts(t, ['expense.total', 'expense.carryOut'], col),
          col,
        })),
      (d) => bump(d, k4, 'expense.grand', 'general'),
    ),
    mk(
      'T4-CARRYOUT-SPLIT',
      k4,
      '年末财政拨款结转和结余 = 各类财政拨款年末结转之和',
      'carry-out = sum of its fund parts',
      '财政拨款收入支出决算总表（domain §4.3）',
      (t) => [
        {
          total: row(t, 'expense.carryOut'),
          parts: parts(t, ['expense.carryOut.general', 'expense.carryOut.fund', 'expense.carryOut.capital'], 'total'),
          col: 'total',
        },
      ],
      (d) => bump(d, k4, 'expense.carryOut.general', 'total'),
    ),
    mk(
      'T4-BALANCE',
      k4,
      '收入总计 = 支出总计',
      'income grand total = expense grand total',
      '财政拨款收入支出决算总表两侧平衡（domain §4.3）',
      (t) => [{ total: row(t, 'income.grand'), parts: parts(t, ['expense.grand'], 'total'), col: 'amount' }],
      (d) => {
        bump(d, k4, 'income.grand', 'amount');
        bump(d, k4, 'income.total', 'amount');
        bump(d, k4, 'income.general', 'amount');
      },
    ),
  ];
}

const PERSONNEL_CLASSES = ['301', '303'];

function t6Rules(): Rule[] {
  const kind: TableKind = 'general_budget_basic';
  const col = (t: Table) => t.columns[0]?.id ?? 'amount';
  const footer = (t: Table, key: string, label: RegExp) =>
    rowByKey(t, key) ?? t.rows.find((r) => !r.code && label.test(r.label.replace(/\s+/g, '')));
  const classRows = (t: Table, personnel: boolean) =>
    codeRows(t, 3).filter((r) => PERSONNEL_CLASSES.includes(r.code ?? '') === personnel);
  const group = (id: string, personnel: boolean, zh: string, en: string, fireKey: string): Rule =>
    tableRule(
      {
        id,
        kind,
        family: 'arithmetic',
        severity: 'error',
        title: { zh: `公开06表：${zh}`, en: `Table 6: ${en}` },
        basis: personnel
          ? '人员经费 = 工资福利支出(301) + 对个人和家庭的补助(303)（domain §1.3 T6；§4.4）'
          : '公用经费 = 商品和服务支出(302) + 债务利息(307) + 资本性支出(310) + 其他支出(399)（2024：302+310）（domain §1.3 T6）',
        fixtures: [{ fire: (d) => bump(d, kind, fireKey, 'amount') }],
      },
      (t) => {
        const f = personnel
          ? footer(t, 'total.personnel', /^人员经费(合计)?$/)
          : footer(t, 'total.public', /^(日常)?公用经费(合计)?$/);
        if (!f) return { skip: `公开06表无${personnel ? '人员' : '公用'}经费合计行 / footer row missing` };
        const c = col(t);
        const dr = sumTie(
          t,
          t.unit,
          { row: f, col: c },
          classRows(t, personnel).map((r) => ({ row: r, col: c })),
          `${tno(t)} ${f.label}不等于${classRows(t, personnel)
            .map((r) => r.code)
            .join('+')}之和`,
          `${tno(t)} ${f.label} is not the sum of ${classRows(t, personnel)
            .map((r) => r.code)
            .join('+')}`,
        );
        return dr ? [dr] : [];
      },
    );
  return [
    group('T6-PERSONNEL', true, '人员经费合计 = 301 + 303', 'personnel total = 301 + 303', 'total.personnel'),
    group(
      'T6-PUBLIC',
      false,
      '公用经费合计 = 302 + 307 + 310 + 399',
      'public-expense total = 302 + 307 + 310 + 399',
      'total.public',
    ),
    tableRule(
      {
        id: 'T6-CLASS',
        kind,
        family: 'arithmetic',
        severity: 'error',
        title: { zh: '公开06表：经济分类类 = Σ款', en: 'Table 6: economic class = Σ its items' },
        basis: '经济分类类级 = 所属款级之和（domain §4.4）',
        fixtures: [{ fire: (d) => bump(d, kind, '30101', 'amount') }],
      },
      (t) => {
        const out: Draft[] = [];
        const c = col(t);
        for (const p of codeRows(t, 3)) {
          const kids = children(t, p.code ?? '');
          if (kids.length === 0) continue;
          const dr = sumTie(
            t,
            t.unit,
            { row: p, col: c },
            kids.map((k) => ({ row: k, col: c })),
            `${tno(t)} ${rowLabel(p)}不等于所属款级之和`,
            `${tno(t)} ${rowLabel(p)} is not the sum of its items`,
          );
          if (dr) out.push(dr);
        }
        return out;
      },
    ),
    tableRule(
      {
        id: 'T6-ECON-CODE',
        kind,
        family: 'form',
        severity: 'warning',
        title: {
          zh: '公开06表：经济分类科目编码有效且名称一致',
          en: 'Table 6: economic codes valid and named as in the catalogue',
        },
        basis: '部门预算支出经济分类科目（domain §2）',
        fixtures: [
          {
            fire: (d) => {
              const r = rowOf(d, kind, '30201');
              r.label = '办工费';
            },
          },
        ],
      },
      (t) => {
        const out: Draft[] = [];
        for (const r of codeRows(t)) {
          const e = economicEntry(r.code ?? '');
          const name = r.label.replace(/\s+/g, '');
          if (r.code?.length === 5 && e && e.name !== name && !e.name.includes(name) && !name.includes(e.name)) {
            out.push({
              message: `${tno(t)} 经济分类 ${r.code} 名称“${name}”与科目表“${e.name}”不一致`,
              messageEn: `${tno(t)} economic code ${r.code} is named "${name}", catalogue says "${e.name}"`,
              evidence: [
                {
                  table: t.title,
                  tableKind: t.kind,
                  row: rowLabel(r),
                  rowKey: r.key,
                  ...(r.src?.page ? { page: r.src.page } : {}),
                  ...(r.src?.line ? { line: r.src.line } : {}),
                },
              ],
              expected: e.name,
              actual: name,
            });
          }
        }
        return out;
      },
    ),
  ];
}

function fundCarryRule(kind: 'gov_fund' | 'state_capital', n: number): Rule {
  return tableRule(
    {
      id: `${SHORT[kind]}-CARRY`,
      kind,
      family: 'arithmetic',
      severity: 'error',
      title: {
        zh: `${T(n)}：年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出`,
        en: `Table ${n}: closing balance = opening + income − expenditure`,
      },
      basis: '基金/国资收入支出表（domain §4.6）',
      ...(kind === 'state_capital' ? { templates: ['shanghai-2024'] } : {}),
      fixtures: [
        {
          fire: (d) => bump(d, kind, 'total', 'carryOut'),
          ...(kind === 'state_capital' ? { sample: '2024' as const } : {}),
        },
      ],
    },
    (t) => {
      const out: Draft[] = [];
      for (const r of t.rows) {
        if (!('carryOut' in r.cells)) continue;
        const dr = sumTie(
          t,
          t.unit,
          { row: r, col: 'carryOut' },
          [
            { row: r, col: 'carryIn' },
            { row: r, col: 'income' },
            { row: r, col: 'expense.total', sign: -1 },
          ],
          `${tno(t)} ${rowLabel(r)}：年末结转和结余 ≠ 年初 + 本年收入 − 本年支出`,
          `${tno(t)} ${rowLabel(r)}: closing ≠ opening + income − expenditure`,
        );
        if (dr) out.push(dr);
      }
      return out;
    },
  );
}

const negativeRule = rule({
  id: 'TABLE-NEGATIVE',
  family: 'arithmetic',
  severity: 'warning',
  title: { zh: '决算表中出现负数', en: 'Negative amount in a table' },
  basis: '决算数为实际发生额，除冲减外不应为负（审核常规）',
  fixtures: [{ fire: (d) => setAmount(d, 'expense', '2011399', 'operating', '-1.00') }],
  check: (ctx: RuleContext) => {
    const out: Draft[] = [];
    for (const t of ctx.d.tables) {
      for (const r of t.rows) {
        for (const [col, c] of Object.entries(r.cells)) {
          if (c.kind === 'amount' && c.fen < 0n) {
            out.push({
              message: `${tno(t)} ${rowLabel(r)}「${columnLabel(t, col)}」为负数 ${c.text}`,
              messageEn: `${tno(t)} ${rowLabel(r)} [${col}] is negative: ${c.text}`,
              evidence: [
                {
                  table: t.title,
                  tableKind: t.kind,
                  row: rowLabel(r),
                  rowKey: r.key,
                  column: columnLabel(t, col),
                  columnId: col,
                  value: c.text,
                  ...(c.src?.page ? { page: c.src.page } : {}),
                  ...(c.src?.line ? { line: c.src.line } : {}),
                },
              ],
              actual: c.text,
            });
          }
        }
      }
    }
    return out;
  },
});

export const ARITHMETIC_RULES: Rule[] = [
  ...summaryRules(),
  ...(['income', 'expense', 'general_budget_expense', 'gov_fund', 'state_capital'] as const).flatMap((k) => {
    const n = { income: 2, expense: 3, general_budget_expense: 5, gov_fund: 8, state_capital: 9 }[k];
    return (['total', 'class', 'section'] as const).map((lv) => hierarchyRule(k, n, lv));
  }),
  rowSumRule('income', 2, 'T2-ROW', '2011301', 'superior'),
  rowSumRule('expense', 3, 'T3-ROW', '2011301', 'basic'),
  rowSumRule('fiscal_summary', 4, 'T4-ROW', 'expense.208', 'fund'),
  rowSumRule('general_budget_expense', 5, 'T5-ROW', '2080505', 'project'),
  rowSumRule('three_public', 7, 'T7-SUM', 'total', 'actual.reception'),
  rowSumRule('gov_fund', 8, 'T8-ROW', 'total', 'expense.basic'),
  rowSumRule('state_capital', 9, 'T9-ROW', 'total', 'expense.basic'),
  ...t6Rules(),
  fundCarryRule('gov_fund', 8),
  fundCarryRule('state_capital', 9),
  negativeRule,
];
