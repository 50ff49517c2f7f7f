// Performance self-evaluations in the model: money table (元), indicator tree with weights, scores and grade.

import type { ProjectInput } from '../import/workbook/schema.ts';
import type { Cell, IndicatorGroup, NumberValue, PerformanceEvaluation, Row } from '../model/disclosure.ts';
import { formatAmount, percentHundredths } from '../model/money.ts';
import { spendingRowKey } from '../model/performance.ts';
import { hundredths } from './phrases.ts';
import { formatPoints, type Points, type ScoreResult } from './scoring.ts';

export function points(p: Points): NumberValue {
  return { text: formatPoints(p), value: p, scale: 2 };
}

function yuan(fen: bigint): Cell {
  return { kind: 'amount', fen, text: formatAmount(fen, '元') };
}

function rate(part: bigint, whole: bigint): Cell {
  return { kind: 'text', text: whole === 0n ? '—' : hundredths(percentHundredths(part, whole)) };
}

export function fundsRows(f: ProjectInput['funds']): Row[] {
  const amount = (key: string, label: string, lineNo: string, v: bigint): Row => ({
    key,
    label,
    lineNo,
    cells: { total: yuan(v), fiscal: yuan(v), other: yuan(0n) },
  });
  const ratio = (key: string, label: string, lineNo: string, a: bigint, b: bigint): Row => ({
    key,
    label,
    lineNo,
    cells: { total: rate(a, b), fiscal: rate(a, b), other: { kind: 'text', text: '0.00' } },
  });
  return [
    amount('budget', '预算安排', '(1)', f.budget),
    amount('invested', '项目实际投入', '(2)', f.invested),
    amount('arrived', '资金到位', '(3)', f.arrived),
    amount('spent', '实际支出', '(4)', f.spent),
    amount('balance', '资金结余', '(5)=(3)-(4)', f.arrived - f.spent),
    ratio('executionRate', '预算执行率(%)', '(6)=(4)/(1)', f.spent, f.budget),
    ratio('arrivalRate', '资金到位率(%)', '(7)=(3)/(1)', f.arrived, f.budget),
    ratio('spendingRate', '资金实际支出率(%)', '(8)=(4)/(3)', f.spent, f.arrived),
  ];
}

/**
 * 项目支出内容 in the importers' shape: the project as its one item, then 合计. All spent money is 财政资金 and
 * none is other; 财政资金专款专用数 is not in the data, so it is left blank.
 */
export function spendingRows(pr: ProjectInput): Row[] {
  const cells = (): Row['cells'] => ({
    'actual.total': yuan(pr.funds.spent),
    'actual.fiscal': yuan(pr.funds.spent),
    'actual.other': yuan(0n),
    earmarked: { kind: 'blank' },
  });
  return [
    { key: spendingRowKey(pr.name, 1), label: pr.name, cells: cells() },
    { key: spendingRowKey('合计', 2), label: '合计', cells: cells() },
  ];
}

export function buildEvaluation(pr: ProjectInput, s: ScoreResult, department: string): PerformanceEvaluation {
  const l1 = new Map<string, Points>();
  const l2 = new Map<string, Points>();
  for (const k of s.indicators) {
    l1.set(k.input.level1, (l1.get(k.input.level1) ?? 0n) + k.weight);
    const key2 = `${k.input.level1}/${k.input.level2}`;
    l2.set(key2, (l2.get(key2) ?? 0n) + k.weight);
  }
  const project: PerformanceEvaluation['project'] = { name: pr.name, department };
  for (const key of [
    'category',
    'purpose',
    'manager',
    'contact',
    'phone',
    'start',
    'end',
    'overview',
    'longTermGoal',
    'annualGoal',
  ] as const) {
    const v = pr[key];
    if (v !== undefined) project[key] = v;
  }
  const e: PerformanceEvaluation = {
    project,
    funds: {
      title: '资金安排和使用情况表',
      unit: '元',
      columns: [
        { id: 'total', header: ['合计'] },
        { id: 'fiscal', header: ['财政资金', '小计'] },
        { id: 'other', header: ['其他资金', '小计'] },
      ],
      rows: fundsRows(pr.funds),
      notes: [],
      unread: [],
    },
    spending: spendingRows(pr),
    indicators: s.indicators
      .filter((k) => k.input.name !== undefined)
      .map((k) => {
        const i = k.input;
        const out: PerformanceEvaluation['indicators'][number] = {
          level1: i.level1,
          level1Weight: points(l1.get(i.level1) ?? 0n),
          level2: i.level2,
          level2Weight: points(l2.get(`${i.level1}/${i.level2}`) ?? 0n),
          name: i.name ?? '',
          weight: points(k.weight),
          score: points(k.score),
        };
        if (i.target !== undefined) out.target = i.target;
        if (i.actual !== undefined) out.actual = i.actual;
        if (i.standard !== undefined) out.standard = i.standard;
        if (i.dataSource !== undefined) out.dataSource = i.dataSource;
        return out;
      }),
    groups: groupsOf(s, l1, l2),
    totalWeight: points(s.totalWeight),
    totalScore: points(s.total),
    grade: s.grade,
    conclusions: (pr.conclusions ?? []).map((c) => ({ label: c.label, text: c.text })),
  };
  if (pr.annex !== undefined) e.annex = pr.annex;
  return e;
}

/** 一级 and 二级 headings in order, with their weights (a 二级 without 三级 rows is kept, weight 0). */
function groupsOf(s: ScoreResult, l1: Map<string, Points>, l2: Map<string, Points>): IndicatorGroup[] {
  const out: IndicatorGroup[] = [];
  const seen = new Set<string>();
  for (const k of s.indicators) {
    const a = k.input.level1;
    const b = `${a}/${k.input.level2}`;
    if (!seen.has(a)) {
      seen.add(a);
      out.push({ level: 1, name: a, weight: points(l1.get(a) ?? 0n) });
    }
    if (!seen.has(b)) {
      seen.add(b);
      out.push({ level: 2, name: k.input.level2, parent: a, weight: points(l2.get(b) ?? 0n) });
    }
  }
  return out;
}
