// Cross-table ties: T1↔T2/T3, T1↔T4, T4↔T5, T3↔T5, T5↔T6, T6↔T7, T4↔T8/T9 (template-aware).
import type { Disclosure, Row, Table, TableKind } from '../../model/disclosure.ts';
import { bump } from '../fixtures/mutators.ts';
import type { Draft, Rule, RuleContext } from '../types.ts';
import { amountOrNone, cellEvidence, fmt, rowByCode, rowByKey, rowLabel, tie, tieDraft, totalRow } from '../view.ts';
import { rule, tno } from './define.ts';

interface Side {
  t: Table;
  row: Row | undefined;
  col: string;
  label: string;
}

type Relation = '=' | '<=';

/**
 * Ties two figures from two tables: `left relation right`. Equal, or within rounding, or an error.
 * For '<=' a left figure above the right one is an error; rounding tolerance applies either way.
 */
function crossTie(unit: Table['unit'], rel: Relation, l: Side, r: Side, zh: string, en: string): Draft | undefined {
  if (!l.row || !r.row) return undefined;
  const lv = amountOrNone(l.row, l.col);
  const rv = amountOrNone(r.row, r.col);
  if (lv === undefined || rv === undefined) return undefined;
  if (l.row.cells[l.col]?.kind !== 'amount' && r.row.cells[r.col]?.kind !== 'amount') return undefined;
  if (rel === '<=' && lv <= rv) return undefined;
  const outcome = tie(rv, lv, unit, 1);
  if (outcome === 'ok') return undefined;
  return tieDraft(outcome, unit, rv, lv, zh, en, [
    cellEvidence(l.t, l.row, l.col, `${l.label}`),
    cellEvidence(r.t, r.row, r.col, `${r.label}`),
  ]);
}

const side = (t: Table, row: Row | undefined, col: string, label: string): Side => ({ t, row, col, label });

interface PairSpec {
  id: string;
  a: TableKind;
  b: TableKind;
  zh: string;
  en: string;
  basis: string;
  severity?: 'error' | 'warning';
  templates?: string[];
  fire: (d: Disclosure) => void;
  sample?: '2019' | '2024';
  pairs: (a: Table, b: Table, ctx: RuleContext) => { rel: Relation; l: Side; r: Side; what: string }[];
}

function pairRule(s: PairSpec): Rule {
  return rule({
    id: s.id,
    family: 'cross',
    severity: s.severity ?? 'error',
    title: { zh: s.zh, en: s.en },
    basis: s.basis,
    needs: [s.a, s.b],
    ...(s.templates ? { templates: s.templates } : {}),
    fixtures: [{ fire: s.fire, ...(s.sample ? { sample: s.sample } : {}) }],
    check: (ctx) => {
      const a = ctx.table(s.a);
      const b = ctx.table(s.b);
      if (!a || !b) return { skip: 'missing table' };
      const out: Draft[] = [];
      for (const p of s.pairs(a, b, ctx)) {
        const rel = p.rel === '=' ? '应等于' : '应不大于';
        const dr = crossTie(
          ctx.unit,
          p.rel,
          p.l,
          p.r,
          `${p.what}：${tno(p.l.t)}「${p.l.label}」${rel}${tno(p.r.t)}「${p.r.label}」`,
          `${p.what}: ${tno(p.l.t)} "${p.l.label}" should ${p.rel === '=' ? 'equal' : 'not exceed'} ${tno(p.r.t)} "${p.r.label}"`,
        );
        if (dr) out.push(dr);
      }
      return out;
    },
  });
}

const classRows = (t: Table) => t.rows.filter((r) => r.code?.length === 3 && r.side !== 'income');
const k = (t: Table, key: string) => rowByKey(t, key);

/** T1 and T4 (or T3 and T5) totals equal means every expense was from appropriations: then rows must tie. */
function allFiscal(
  a: Table,
  aRow: Row | undefined,
  aCol: string,
  b: Table,
  bRow: Row | undefined,
  bCol: string,
): boolean {
  const x = amountOrNone(aRow, aCol);
  const y = amountOrNone(bRow, bCol);
  return x !== undefined && y !== undefined && tie(x, y, a.unit === b.unit ? a.unit : '元') !== 'error';
}

function classPairs(
  a: Table,
  aCol: string,
  b: Table,
  bCol: string,
  rel: Relation,
  what: string,
  bRowFor: (code: string) => Row | undefined,
): { rel: Relation; l: Side; r: Side; what: string }[] {
  const out: { rel: Relation; l: Side; r: Side; what: string }[] = [];
  for (const r of classRows(a)) {
    const other = bRowFor(r.code ?? '');
    const av = amountOrNone(r, aCol);
    if (!other) {
      if (av !== undefined && av !== 0n && rel === '=') {
        // the class is missing in b: compare with an explicit zero
        out.push({
          rel,
          l: side(a, r, aCol, rowLabel(r)),
          r: side(b, zeroRow(r.code ?? ''), bCol, `${r.code}（未列 / absent）`),
          what,
        });
      }
      continue;
    }
    out.push({ rel, l: side(a, r, aCol, rowLabel(r)), r: side(b, other, bCol, rowLabel(other)), what });
  }
  return out;
}

function zeroRow(code: string): Row {
  return { key: code, code, label: '（未列示 / not listed）', cells: {} };
}

export const CROSS_RULES: Rule[] = [
  pairRule({
    id: 'X-T1-T2-TOTAL',
    a: 'income_expense_summary',
    b: 'income',
    zh: '公开01表本年收入合计 = 公开02表合计',
    en: 'Table 1 income total = Table 2 total',
    basis: '表间勾稽 T1↔T2（domain §4.7）',
    fire: (d) => bump(d, 'income', 'total', 'total'),
    pairs: (a, b) => [
      {
        rel: '=',
        l: side(a, k(a, 'income.total'), 'amount', '本年收入合计'),
        r: side(b, totalRow(b), 'total', '合计/本年收入合计'),
        what: '本年收入合计',
      },
    ],
  }),
  pairRule({
    id: 'X-T1-T2-SOURCES',
    a: 'income_expense_summary',
    b: 'income',
    zh: '公开01表各项收入 = 公开02表对应栏合计',
    en: 'Table 1 income sources = Table 2 column totals',
    basis: '表间勾稽 T1↔T2（domain §4.7）',
    fire: (d) => {
      bump(d, 'income', 'total', 'superior');
      bump(d, 'income', 'total', 'total');
    },
    pairs: (a, b) => {
      const tot = totalRow(b);
      const fiscal = ['income.general', 'income.fund', 'income.capital'].map(
        (x) => amountOrNone(k(a, x), 'amount') ?? 0n,
      );
      const fiscalRow: Row = {
        key: 'income.fiscal',
        label: '财政拨款收入（一般公共预算+政府性基金+国有资本经营）',
        cells: {
          amount: {
            kind: 'amount',
            fen: fiscal.reduce((x, y) => x + y, 0n),
            text: fmt(
              fiscal.reduce((x, y) => x + y, 0n),
              a.unit,
            ),
          },
        },
        ...(k(a, 'income.general')?.src ? { src: k(a, 'income.general')?.src } : {}),
      };
      const map: [string, Row | undefined, string][] = [
        ['fiscal', fiscalRow, '财政拨款收入'],
        ['superior', k(a, 'income.superior'), '上级补助收入'],
        ['business', k(a, 'income.business'), '事业收入'],
        ['operating', k(a, 'income.operating'), '经营收入'],
        ['affiliated', k(a, 'income.affiliated'), '附属单位上缴收入'],
        ['other', k(a, 'income.other'), '其他收入'],
      ];
      return map.map(([col, row, name]) => ({
        rel: '=' as const,
        l: side(a, row, 'amount', name),
        r: side(b, tot, col, `合计/${name}`),
        what: name,
      }));
    },
  }),
  pairRule({
    id: 'X-T1-T3-TOTAL',
    a: 'income_expense_summary',
    b: 'expense',
    zh: '公开01表本年支出合计 = 公开03表合计',
    en: 'Table 1 expense total = Table 3 total',
    basis: '表间勾稽 T1↔T3（domain §4.7）',
    fire: (d) => bump(d, 'expense', 'total', 'total'),
    pairs: (a, b) => [
      {
        rel: '=',
        l: side(a, k(a, 'expense.total'), 'amount', '本年支出合计'),
        r: side(b, totalRow(b), 'total', '合计'),
        what: '本年支出合计',
      },
    ],
  }),
  pairRule({
    id: 'X-T1-T3-CLASS',
    a: 'income_expense_summary',
    b: 'expense',
    zh: '公开01表各类支出 = 公开03表类级合计',
    en: 'Table 1 class rows = Table 3 class totals',
    basis: '表间勾稽 T1↔T3（domain §4.7）',
    fire: (d) => bump(d, 'income_expense_summary', 'expense.208', 'amount'),
    pairs: (a, b) => classPairs(a, 'amount', b, 'total', '=', '类级支出', (c) => rowByCode(b, c)),
  }),
  pairRule({
    id: 'X-T1-T4-GENERAL',
    a: 'income_expense_summary',
    b: 'fiscal_summary',
    zh: '一般公共预算财政拨款收入：公开01表 = 公开04表',
    en: 'General-budget appropriation income: Table 1 = Table 4',
    basis: '表间勾稽 T1↔T4（GBC D-004；domain §4.8）',
    fire: (d) => bump(d, 'fiscal_summary', 'income.general', 'amount'),
    pairs: (a, b) => [
      {
        rel: '=',
        l: side(a, k(a, 'income.general'), 'amount', '一般公共预算财政拨款收入'),
        r: side(b, k(b, 'income.general'), 'amount', '一般公共预算财政拨款'),
        what: '一般公共预算财政拨款收入',
      },
    ],
  }),
  pairRule({
    id: 'X-T1-T4-FUND',
    a: 'income_expense_summary',
    b: 'fiscal_summary',
    zh: '政府性基金预算财政拨款收入：公开01表 = 公开04表',
    en: 'Government-fund appropriation income: Table 1 = Table 4',
    basis: '表间勾稽 T1↔T4（domain §4.8）',
    fire: (d) => bump(d, 'income_expense_summary', 'income.fund', 'amount'),
    pairs: (a, b) => [
      {
        rel: '=',
        l: side(a, k(a, 'income.fund'), 'amount', '政府性基金预算财政拨款收入'),
        r: side(b, k(b, 'income.fund'), 'amount', '政府性基金预算财政拨款'),
        what: '政府性基金预算财政拨款收入',
      },
    ],
  }),
  pairRule({
    id: 'X-T1-T4-CAPITAL',
    a: 'income_expense_summary',
    b: 'fiscal_summary',
    zh: '国有资本经营预算财政拨款收入：公开01表 = 公开04表',
    en: 'State-capital appropriation income: Table 1 = Table 4',
    basis: '表间勾稽 T1↔T4（上海 2024 模板；domain §1.2）',
    templates: ['shanghai-2024'],
    sample: '2024',
    fire: (d) => bump(d, 'income_expense_summary', 'income.capital', 'amount'),
    pairs: (a, b) => [
      {
        rel: '=',
        l: side(a, k(a, 'income.capital'), 'amount', '国有资本经营预算财政拨款收入'),
        r: side(b, k(b, 'income.capital'), 'amount', '国有资本经营预算财政拨款'),
        what: '国有资本经营预算财政拨款收入',
      },
    ],
  }),
  pairRule({
    id: 'X-T1-T4-CLASS',
    a: 'fiscal_summary',
    b: 'income_expense_summary',
    zh: '公开04表各类财政拨款支出不大于公开01表同类支出（全部支出均为财政拨款时应相等）',
    en: 'Table 4 class rows ≤ Table 1 class rows (equal when all spending is from appropriations)',
    basis: '表间勾稽 T1↔T4：总表含全部资金，财政拨款表仅含财政拨款（domain §4.8）',
    fire: (d) => {
      bump(d, 'fiscal_summary', 'expense.221', 'total');
      bump(d, 'fiscal_summary', 'expense.221', 'general');
    },
    pairs: (a, b) => {
      const eq = allFiscal(a, k(a, 'expense.total'), 'total', b, k(b, 'expense.total'), 'amount');
      return classPairs(
        a,
        'total',
        b,
        'amount',
        eq ? '=' : '<=',
        eq ? '类级支出（支出全部为财政拨款）' : '类级支出',
        (c) => k(b, `expense.${c}`),
      );
    },
  }),
  pairRule({
    id: 'X-T1-T4-CARRY',
    a: 'fiscal_summary',
    b: 'income_expense_summary',
    zh: '公开04表年末财政拨款结转和结余不大于公开01表年末结转和结余',
    en: 'Table 4 closing appropriation balance ≤ Table 1 closing balance',
    basis: '表间勾稽 T1↔T4（domain §4.8）',
    fire: (d) => {
      bump(d, 'fiscal_summary', 'expense.carryOut', 'total', '3.00');
    },
    pairs: (a, b) => [
      {
        rel: '<=',
        l: side(a, k(a, 'expense.carryOut'), 'total', '年末财政拨款结转和结余'),
        r: side(b, k(b, 'expense.carryOut'), 'amount', '年末结转和结余'),
        what: '年末结转和结余',
      },
    ],
  }),
  pairRule({
    id: 'X-T2-T4-FISCAL',
    a: 'income',
    b: 'fiscal_summary',
    zh: '公开02表财政拨款收入合计 = 公开04表本年收入合计',
    en: 'Table 2 appropriation income = Table 4 income total',
    basis: '表间勾稽 T2↔T4（domain §4.7/§4.8）',
    fire: (d) => {
      bump(d, 'fiscal_summary', 'income.total', 'amount');
    },
    pairs: (a, b) => [
      {
        rel: '=',
        l: side(a, totalRow(a), 'fiscal', '合计/财政拨款收入'),
        r: side(b, k(b, 'income.total'), 'amount', '本年收入合计'),
        what: '财政拨款收入',
      },
    ],
  }),
  pairRule({
    id: 'X-T4-T5-TOTAL',
    a: 'fiscal_summary',
    b: 'general_budget_expense',
    zh: '公开04表一般公共预算财政拨款本年支出合计 = 公开05表合计',
    en: 'Table 4 general-budget expense total = Table 5 total',
    basis: '表间勾稽 T4↔T5（GBC D-005；domain §4.8）',
    fire: (d) => {
      bump(d, 'general_budget_expense', 'total', 'total');
    },
    pairs: (a, b) => [
      {
        rel: '=',
        l: side(a, k(a, 'expense.total'), 'general', '本年支出合计/一般公共预算财政拨款'),
        r: side(b, totalRow(b), 'total', '合计'),
        what: '一般公共预算财政拨款支出',
      },
    ],
  }),
  pairRule({
    id: 'X-T4-T5-CLASS',
    a: 'fiscal_summary',
    b: 'general_budget_expense',
    zh: '公开04表一般公共预算财政拨款各类支出 = 公开05表类级合计',
    en: 'Table 4 general-budget class rows = Table 5 class totals',
    basis: '表间勾稽 T4↔T5（OBL-CROSS-T4-T5；domain §4.8）',
    fire: (d) => {
      bump(d, 'general_budget_expense', '221', 'total');
    },
    pairs: (a, b) => classPairs(a, 'general', b, 'total', '=', '类级一般公共预算财政拨款支出', (c) => rowByCode(b, c)),
  }),
  pairRule({
    id: 'X-T3-T5-BASIC',
    a: 'general_budget_expense',
    b: 'expense',
    zh: '公开05表基本支出不大于公开03表基本支出（全部支出均为财政拨款时应相等）',
    en: 'Table 5 basic expenditure ≤ Table 3 basic (equal when all spending is from appropriations)',
    basis: '表间勾稽 T3↔T5（domain §4.9）',
    fire: (d) => {
      bump(d, 'general_budget_expense', 'total', 'basic');
      bump(d, 'general_budget_expense', 'total', 'total');
    },
    pairs: (a, b) => {
      const eq = allFiscal(a, totalRow(a), 'total', b, totalRow(b), 'total');
      return [
        {
          rel: eq ? '=' : '<=',
          l: side(a, totalRow(a), 'basic', '合计/基本支出'),
          r: side(b, totalRow(b), 'basic', '合计/基本支出'),
          what: '基本支出',
        },
        {
          rel: eq ? '=' : '<=',
          l: side(a, totalRow(a), 'project', '合计/项目支出'),
          r: side(b, totalRow(b), 'project', '合计/项目支出'),
          what: '项目支出',
        },
      ];
    },
  }),
  pairRule({
    id: 'X-T3-T5-CLASS',
    a: 'general_budget_expense',
    b: 'expense',
    zh: '公开05表各科目支出不大于公开03表同科目支出（全部支出均为财政拨款时应相等）',
    en: 'Table 5 rows ≤ Table 3 rows of the same code (equal when all spending is from appropriations)',
    basis: '表间勾稽 T3↔T5（domain §4.9）',
    fire: (d) => {
      bump(d, 'general_budget_expense', '2210201', 'total');
      bump(d, 'general_budget_expense', '2210201', 'basic');
    },
    pairs: (a, b) => {
      const eq = allFiscal(a, totalRow(a), 'total', b, totalRow(b), 'total');
      return a.rows
        .filter((r) => r.code)
        .flatMap((r) => {
          const o = rowByCode(b, r.code ?? '');
          return o
            ? [
                {
                  rel: (eq ? '=' : '<=') as Relation,
                  l: side(a, r, 'total', rowLabel(r)),
                  r: side(b, o, 'total', rowLabel(o)),
                  what: '科目支出',
                },
              ]
            : [];
        });
    },
  }),
  pairRule({
    id: 'X-T5-T6-BASIC',
    a: 'general_budget_expense',
    b: 'general_budget_basic',
    zh: '公开05表基本支出 = 公开06表人员经费 + 公用经费',
    en: 'Table 5 basic expenditure = Table 6 personnel + public expense',
    basis: '表间勾稽 T5↔T6（GBC D-006；domain §4.9）',
    fire: (d) => {
      bump(d, 'general_budget_basic', 'total.personnel', 'amount');
      bump(d, 'general_budget_basic', '301', 'amount');
      bump(d, 'general_budget_basic', '30101', 'amount');
    },
    pairs: (a, b) => {
      const p = amountOrNone(k(b, 'total.personnel'), 'amount');
      const q = amountOrNone(k(b, 'total.public'), 'amount');
      if (p === undefined || q === undefined) return [];
      const sumRow: Row = {
        key: 'total.personnel+public',
        label: '人员经费合计 + 公用经费合计',
        cells: { amount: { kind: 'amount', fen: p + q, text: fmt(p + q, b.unit) } },
        ...(k(b, 'total.personnel')?.src ? { src: k(b, 'total.personnel')?.src } : {}),
      };
      return [
        {
          rel: '=',
          l: side(a, totalRow(a), 'basic', '合计/基本支出'),
          r: side(b, sumRow, 'amount', '人员经费合计 + 公用经费合计'),
          what: '基本支出',
        },
      ];
    },
  }),
  ...(
    [
      ['X-T6-T7-RECEPTION', '30217', 'actual.reception', '公务接待费'],
      ['X-T6-T7-VEHICLE', '30231', 'actual.vehicle.operation', '公务用车运行维护费'],
      ['X-T6-T7-ABROAD', '30212', 'actual.abroad', '因公出国（境）费'],
      ['X-T6-T7-PURCHASE', '31013', 'actual.vehicle.purchase', '公务用车购置'],
    ] as const
  ).map(([id, code, col, name]) =>
    pairRule({
      id,
      a: 'general_budget_basic',
      b: 'three_public',
      zh: `公开06表${code}${name}不大于公开07表${name}决算数`,
      en: `Table 6 ${code} must not exceed Table 7 actual ${col}`,
      basis: '表间勾稽 T6↔T7：“三公”决算数含基本支出和项目支出（OBL-CROSS-SAN-GONG-ECON；domain §4.11）',
      fire: (d) => {
        if (code === '30217' || code === '30231')
          bump(
            d,
            'three_public',
            'total',
            col === 'actual.reception' ? 'actual.reception' : 'actual.vehicle.operation',
            '-1.00',
          );
        else {
          const t = d.tables.find((x) => x.kind === 'general_budget_basic');
          t?.rows.push({
            key: code,
            code,
            label: name,
            cells: { amount: { kind: 'amount', fen: 1_000_000n, text: '1.00' } },
          });
        }
      },
      pairs: (a, b) => [
        {
          rel: '<=',
          l: side(a, rowByCode(a, code), 'amount', `${code} ${name}`),
          r: side(b, b.rows[0], col, `决算数/${name}`),
          what: name,
        },
      ],
    }),
  ),
  ...(
    [
      ['gov_fund', 'fund', 8, '政府性基金预算', undefined],
      ['state_capital', 'capital', 9, '国有资本经营预算', ['shanghai-2024']],
    ] as const
  ).flatMap(([kind, col, n, name, templates]) => {
    const sample = kind === 'state_capital' ? ('2024' as const) : ('2019' as const);
    const T = `公开0${n}表`;
    return [
      pairRule({
        id: `X-T4-T${n}-CLASS`,
        a: 'fiscal_summary',
        b: kind,
        zh: `公开04表${name}财政拨款各类支出 = ${T}类级本年支出`,
        en: `Table 4 ${col} column by class = Table ${n} class expenditure`,
        basis: `表间勾稽 T4↔T${n}（domain §4.10）`,
        ...(templates ? { templates: [...templates] } : {}),
        sample,
        fire: (d) => {
          bump(d, 'fiscal_summary', 'expense.201', col);
          bump(d, 'fiscal_summary', 'expense.201', 'total');
        },
        pairs: (a, b) => classPairs(a, col, b, 'expense.total', '=', `${name}财政拨款支出`, (c) => rowByCode(b, c)),
      }),
      pairRule({
        id: `X-T4-T${n}-INCOME`,
        a: 'fiscal_summary',
        b: kind,
        zh: `公开04表${name}财政拨款收入 = ${T}本年收入合计`,
        en: `Table 4 ${col} income = Table ${n} income total`,
        basis: `表间勾稽 T4↔T${n}（domain §4.10）`,
        ...(templates ? { templates: [...templates] } : {}),
        sample,
        fire: (d) => {
          bump(d, kind, 'total', 'income');
          bump(d, kind, 'total', 'carryOut');
        },
        pairs: (a, b) => [
          {
            rel: '=',
            l: side(a, k(a, `income.${col}`), 'amount', `${name}财政拨款`),
            r: side(b, totalRow(b), 'income', '合计/本年收入'),
            what: `${name}财政拨款收入`,
          },
        ],
      }),
      pairRule({
        id: `X-T4-T${n}-CARRY`,
        a: 'fiscal_summary',
        b: kind,
        zh: `公开04表${name}年初/年末结转和结余 = ${T}合计行`,
        en: `Table 4 ${col} opening/closing balance = Table ${n} totals`,
        basis: `表间勾稽 T4↔T${n}（domain §4.10）`,
        ...(templates ? { templates: [...templates] } : {}),
        sample,
        fire: (d) => {
          bump(d, kind, 'total', 'carryIn');
          bump(d, kind, 'total', 'carryOut');
        },
        pairs: (a, b) => [
          {
            rel: '=',
            l: side(a, k(a, `income.carryIn.${col}`), 'amount', `年初结转和结余/${name}`),
            r: side(b, totalRow(b), 'carryIn', '合计/年初结转和结余'),
            what: '年初结转和结余',
          },
          {
            rel: '=',
            l: side(a, k(a, `expense.carryOut.${col}`), 'total', `年末结转和结余/${name}`),
            r: side(b, totalRow(b), 'carryOut', '合计/年末结转和结余'),
            what: '年末结转和结余',
          },
        ],
      }),
    ];
  }),
];
