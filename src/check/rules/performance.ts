// Performance self-evaluation: money table, weights, every score recomputed from its scoring standard,
// total and grade band, narrative claims.
import type { Disclosure, NumberValue, PerformanceEvaluation, Row, Table } from '../../model/disclosure.ts';
import { abs, divRound, formatScaled, parseScaled } from '../../model/money.ts';
import { replaceText } from '../fixtures/mutators.ts';
import type { Draft, Evidence, Rule } from '../types.ts';
import { rule } from './define.ts';
import { sentenceEvidence } from './narrative.ts';

const S = 4; // common scale for weights and scores (1/10000)

/** A NumberValue at scale S, or undefined. */
export function nv(v: NumberValue | undefined): bigint | undefined {
  if (!v) return undefined;
  if (v.value !== undefined) {
    const sc = v.scale ?? 0;
    return sc <= S ? v.value * 10n ** BigInt(S - sc) : divRound(v.value, 10n ** BigInt(sc - S));
  }
  return num(v.text);
}

/** First number in a text at scale S ("8041万元" → 8041, "≥90%" → 90). */
export function num(text: string | undefined): bigint | undefined {
  const m = /-?\d[\d,]*(?:\.\d+)?/.exec(text ?? '');
  if (!m) return undefined;
  try {
    const s = m[0].replace(/,/g, '');
    const dec = s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
    return dec <= S ? parseScaled(s, S) : divRound(parseScaled(s, dec), 10n ** BigInt(dec - S));
  } catch {
    return undefined;
  }
}

const f2 = (v: bigint) => formatScaled(v, S, 2);
const round2 = (v: bigint) => divRound(v, 100n) * 100n;

function perfEvidence(p: PerformanceEvaluation, extra: Partial<Evidence> = {}): Evidence {
  const e: Evidence = { section: `绩效自评 ${p.annex ?? ''} ${p.project.name}`.trim(), ...extra };
  if (extra.page === undefined && p.src?.page) e.page = p.src.page;
  return e;
}

function indEvidence(p: PerformanceEvaluation, i: PerformanceEvaluation['indicators'][number]): Evidence {
  const e = perfEvidence(p, { row: `${i.level1} > ${i.level2} > ${i.name}`, quote: i.standard ?? '' });
  if (i.src?.page) e.page = i.src.page;
  if (i.src?.line) e.line = i.src.line;
  return e;
}

function perfRule(
  id: string,
  zh: string,
  en: string,
  basis: string,
  fire: (d: Disclosure) => void,
  fn: (p: PerformanceEvaluation) => Draft[],
  severity: 'error' | 'warning' = 'error',
): Rule {
  return rule({
    id,
    family: 'performance',
    severity,
    title: { zh, en },
    basis,
    needsPerformance: true,
    fixtures: [{ fire }],
    check: (ctx) => ctx.d.performance.flatMap(fn),
  });
}

const first = (d: Disclosure) => {
  const p = d.performance[0];
  if (!p) throw new Error('no performance');
  return p;
};
const ind = (d: Disclosure, name: string) => {
  const i = first(d).indicators.find((x) => x.name === name);
  if (!i) throw new Error(`no indicator ${name}`);
  return i;
};
const setNv = (text: string): NumberValue => {
  const [a, b = ''] = text.split('.');
  return { text, value: BigInt(`${a}${b}`), scale: b.length };
};

// ---- money table ----

const FUND_ROWS: [string, RegExp][] = [
  ['budget', /预算安排/],
  ['invested', /实际投入/],
  ['arrived', /资金到位(?!率)/],
  ['spent', /实际支出(?!率)/],
  ['balance', /结余/],
  ['execRate', /执行率/],
  ['arrivalRate', /到位率/],
  ['spendRate', /支出率/],
];

function fundRow(t: Table, key: string): Row | undefined {
  const re = FUND_ROWS.find(([k]) => k === key)?.[1];
  return (
    t.rows.find((r) => r.key === key) ?? (re ? t.rows.find((r) => re.test(r.label.replace(/\s+/g, ''))) : undefined)
  );
}

/** Cell as 分 (元 table) or percent at scale S. */
function cellNum(r: Row | undefined, col: string): { v: bigint; text: string } | undefined {
  const c = r?.cells[col];
  if (!c) return undefined;
  if (c.kind === 'amount') return { v: c.fen, text: c.text };
  if (c.kind === 'text') {
    const v = num(c.text);
    return v === undefined ? undefined : { v, text: c.text };
  }
  return undefined;
}

function fundsRule(
  id: string,
  zh: string,
  en: string,
  fire: (d: Disclosure) => void,
  calc: (
    t: Table,
    col: string,
  ) => { got: { v: bigint; text: string }; want: bigint; wantText: string; rows: string[] } | undefined,
): Rule {
  return perfRule(
    id,
    `资金使用情况表：${zh}`,
    `Funds table: ${en}`,
    '资金安排和使用情况表公式（domain §3.2, §4.22）',
    fire,
    (p) => {
      const t = p.funds;
      if (!t) return [];
      const out: Draft[] = [];
      for (const c of t.columns) {
        const r = calc(t as Table, c.id);
        if (!r || r.got.v === r.want) continue;
        out.push({
          message: `“${p.project.name}”资金表「${c.header.join('/')}」${zh}不成立：应为 ${r.wantText}，表中为 ${r.got.text}`,
          messageEn: `"${p.project.name}" funds table [${c.id}]: ${en} fails: expected ${r.wantText}, printed ${r.got.text}`,
          evidence: r.rows.map((k) => {
            const row = fundRow(t as Table, k);
            const cell = row?.cells[c.id];
            return perfEvidence(p, {
              table: t.title,
              row: row?.label ?? k,
              column: c.header.join('/'),
              ...(cell && 'text' in cell ? { value: cell.text } : {}),
              ...(cell?.src?.page ? { page: cell.src.page } : {}),
            });
          }),
          expected: r.wantText,
          actual: r.got.text,
        });
      }
      return out;
    },
  );
}

function rateCalc(num_: string, den: string, rate: string) {
  return (t: Table, col: string) => {
    const a = cellNum(fundRow(t, num_), col);
    const b = cellNum(fundRow(t, den), col);
    const got = cellNum(fundRow(t, rate), col);
    if (!a || !b || !got || b.v === 0n) return undefined;
    const want = round2(divRound(a.v * 100n * 10n ** BigInt(S), b.v));
    if (abs(want - got.v) <= 0n) return undefined;
    return { got, want, wantText: `${f2(want)}%`, rows: [rate, num_, den] };
  };
}

const FUNDS_RULES: Rule[] = [
  fundsRule(
    'PERF-FUNDS-BALANCE',
    '资金结余 = 资金到位 − 实际支出',
    'balance = arrived − spent',
    (d) => {
      const r = first(d).funds?.rows.find((x) => x.key === 'balance');
      if (r) r.cells.total = { kind: 'amount', fen: 2_600_000n, text: '26000.00' };
    },
    (t, col) => {
      const a = cellNum(fundRow(t, 'arrived'), col);
      const s = cellNum(fundRow(t, 'spent'), col);
      const b = cellNum(fundRow(t, 'balance'), col);
      if (!a || !s || !b) return undefined;
      return {
        got: b,
        want: a.v - s.v,
        wantText: formatScaled(a.v - s.v, 2, 2),
        rows: ['balance', 'arrived', 'spent'],
      };
    },
  ),
  fundsRule(
    'PERF-FUNDS-EXEC',
    '预算执行率 = 实际支出 ÷ 预算安排',
    'execution rate = spent ÷ budget',
    (d) => {
      const r = first(d).funds?.rows.find((x) => x.key === 'execRate');
      if (r) r.cells.total = { kind: 'text', text: '96.00' };
    },
    rateCalc('spent', 'budget', 'execRate'),
  ),
  fundsRule(
    'PERF-FUNDS-ARRIVAL',
    '资金到位率 = 资金到位 ÷ 预算安排',
    'arrival rate = arrived ÷ budget',
    (d) => {
      const r = first(d).funds?.rows.find((x) => x.key === 'arrivalRate');
      if (r) r.cells.total = { kind: 'text', text: '90.00' };
    },
    rateCalc('arrived', 'budget', 'arrivalRate'),
  ),
  fundsRule(
    'PERF-FUNDS-SPEND',
    '实际支出率 = 实际支出 ÷ 资金到位',
    'spending rate = spent ÷ arrived',
    (d) => {
      const r = first(d).funds?.rows.find((x) => x.key === 'spendRate');
      if (r) r.cells.total = { kind: 'text', text: '90.00' };
    },
    rateCalc('spent', 'arrived', 'spendRate'),
  ),
  fundsRule(
    'PERF-FUNDS-COLUMNS',
    '合计 = 财政资金 + 其他资金',
    'total = fiscal + other funds',
    (d) => {
      const r = first(d).funds?.rows.find((x) => x.key === 'budget');
      if (r) r.cells.total = { kind: 'amount', fen: 50_100_000n, text: '501000.00' };
    },
    (t, col) => {
      if (col !== 'total') return undefined;
      const fiscal = t.columns.find(
        (c) => c.header.join('').includes('财政') && /小计|合计/.test(c.header.join('')),
      )?.id;
      const other = t.columns.find(
        (c) => c.header.join('').includes('其他') && /小计|合计/.test(c.header.join('')),
      )?.id;
      if (!fiscal || !other) return undefined;
      for (const k of ['budget', 'arrived', 'spent']) {
        const r = fundRow(t, k);
        const a = cellNum(r, 'total');
        const b = cellNum(r, fiscal);
        const c = cellNum(r, other);
        if (a && b && c && a.v !== b.v + c.v)
          return { got: a, want: b.v + c.v, wantText: formatScaled(b.v + c.v, 2, 2), rows: [k] };
      }
      return undefined;
    },
  ),
];

// ---- weights ----

function groupSum(p: PerformanceEvaluation, key: (i: PerformanceEvaluation['indicators'][number]) => string) {
  const m = new Map<
    string,
    {
      sum: bigint;
      n: number;
      printed: bigint | undefined;
      text: string | undefined;
      first: PerformanceEvaluation['indicators'][number];
    }
  >();
  for (const i of p.indicators) {
    const k = key(i);
    const w = nv(i.weight) ?? 0n;
    const g = m.get(k);
    if (g) {
      g.sum += w;
      g.n++;
    } else m.set(k, { sum: w, n: 1, printed: undefined, text: undefined, first: i });
  }
  return m;
}

const WEIGHT_RULES: Rule[] = [
  perfRule(
    'PERF-WEIGHT-L1',
    '一级指标权重 = 所属三级指标权重之和',
    'Level-1 weight = sum of its indicators',
    '权重逐级相加（domain §3.2, §4.22）',
    (d) => (ind(d, '培训人次').level1Weight = setNv('31.00')),
    (p) => {
      const out: Draft[] = [];
      for (const [k, g] of groupSum(p, (i) => i.level1)) {
        const printed = nv(g.first.level1Weight);
        if (printed === undefined || printed === g.sum) continue;
        const near = abs(printed - g.sum) <= 100n * BigInt(g.n);
        out.push({
          severity: near ? 'info' : 'error',
          message: `“${p.project.name}”一级指标“${k}”权重 ${f2(printed)} ≠ 三级指标权重之和 ${f2(g.sum)}${near ? '（权重取整尾差）' : ''}`,
          messageEn: `Level-1 "${k}" weight ${f2(printed)} ≠ sum ${f2(g.sum)}`,
          evidence: [perfEvidence(p, { row: k })],
          expected: f2(g.sum),
          actual: f2(printed),
        });
      }
      return out;
    },
  ),
  perfRule(
    'PERF-WEIGHT-L2',
    '二级指标权重 = 所属三级指标权重之和',
    'Level-2 weight = sum of its indicators',
    '权重逐级相加（domain §3.2）',
    (d) => (ind(d, '预算编制合理性').level2Weight = setNv('21.00')),
    (p) => {
      const out: Draft[] = [];
      for (const [k, g] of groupSum(p, (i) => `${i.level1}>${i.level2}`)) {
        const withW = p.indicators.find((i) => `${i.level1}>${i.level2}` === k && i.level2Weight);
        const printed = nv(withW?.level2Weight);
        if (printed === undefined || printed === g.sum) continue;
        out.push({
          message: `“${p.project.name}”二级指标“${k}”权重 ${f2(printed)} ≠ 三级指标权重之和 ${f2(g.sum)}`,
          messageEn: `Level-2 "${k}" weight ${f2(printed)} ≠ sum ${f2(g.sum)}`,
          evidence: [perfEvidence(p, { row: k })],
          expected: f2(g.sum),
          actual: f2(printed),
        });
      }
      return out;
    },
  ),
  perfRule(
    'PERF-WEIGHT-TOTAL',
    '权重合计为 100',
    'Weights add up to 100',
    '总分 100（10号；domain §3.1）',
    (d) => (ind(d, '管理制度健全性').weight = setNv('11.00')),
    (p) => {
      const sum = p.indicators.reduce((a, i) => a + (nv(i.weight) ?? 0n), 0n);
      const want = nv(p.totalWeight) ?? 100n * 10n ** BigInt(S);
      if (p.indicators.length === 0 || sum === want) return [];
      return [
        {
          message: `“${p.project.name}”指标权重合计 ${f2(sum)}，应为 ${f2(want)}`,
          messageEn: `"${p.project.name}" weights add up to ${f2(sum)}, expected ${f2(want)}`,
          evidence: [perfEvidence(p)],
          expected: f2(want),
          actual: f2(sum),
        },
      ];
    },
  ),
];

// ---- scores ----

export type Standard =
  | { kind: 'proportional' }
  | { kind: 'capped' }
  | { kind: 'floor'; floor: bigint }
  | { kind: 'perUnit'; pct: bigint }
  | { kind: 'threshold' }
  | { kind: 'default-full' }
  | { kind: 'discretionary' }
  | { kind: 'unknown' };

/** Classifies a 评分标准 text (domain §3.3). */
export function classifyStandard(text: string | undefined): Standard {
  const t = (text ?? '').replace(/\s+/g, '');
  if (/默认得?满分/.test(t)) return { kind: 'default-full' };
  const floor = /低于目标值?的?(\d+)%不得分/.exec(t);
  if (floor) return { kind: 'floor', floor: BigInt(floor[1] ?? '0') };
  if (/业绩值\/目标值[*×x]权重|按业绩值\/目标值/.test(t) && /最高|不超过/.test(t)) return { kind: 'capped' };
  const unit = /每(降低|减少|少)1(张|个|项|人|次|家|户|篇|场)扣权重值?的?(\d+)%/.exec(t);
  if (unit) return { kind: 'perUnit', pct: BigInt(unit[3] ?? '0') };
  if (/每降低1%扣权重值?的?1%/.test(t) || /业绩值\/目标值[*×x]权重/.test(t)) return { kind: 'proportional' };
  if (/酌情/.test(t)) return { kind: 'discretionary' };
  if (/得满分/.test(t) && /(得?0分|不得分)/.test(t)) return { kind: 'threshold' };
  if (/达标得满分|≥|>=/.test(t)) return { kind: 'threshold' };
  return { kind: 'unknown' };
}

/** Expected score at scale S, or undefined when the standard cannot be applied mechanically. */
export function expectedScore(i: PerformanceEvaluation['indicators'][number]): bigint | undefined {
  const w = nv(i.weight);
  if (w === undefined) return undefined;
  const st = classifyStandard(i.standard);
  const t = num(i.target);
  const a = num(i.actual);
  const textual = t === undefined || a === undefined;
  switch (st.kind) {
    case 'default-full':
      return w;
    case 'threshold': {
      if (textual) {
        if (!i.target || !i.actual) return undefined;
        return i.actual.replace(/\s+/g, '') === i.target.replace(/\s+/g, '') ? w : undefined;
      }
      const lessIsBetter = /[≤<]|以下|以内|不超过|不高于/.test(i.target ?? '');
      return (lessIsBetter ? a <= t : a >= t) ? w : 0n;
    }
    case 'proportional': {
      if (textual || t === 0n) return undefined;
      const s = divRound(w * a, t);
      // biome-ignore lint/complexity/useMathMinMax: bigint, which Math.min/max do not take
      return round2(s < 0n ? 0n : s > w ? w : s);
    }
    case 'capped': {
      if (textual || t === 0n) return undefined;
      const s = divRound(w * a, t);
      // biome-ignore lint/complexity/useMathMinMax: bigint, which Math.min/max do not take
      return round2(s > w ? w : s);
    }
    case 'floor': {
      if (textual || t === 0n) return undefined;
      if (a * 100n < t * st.floor) return 0n;
      const s = divRound(w * a, t);
      // biome-ignore lint/complexity/useMathMinMax: bigint, which Math.min/max do not take
      return round2(s > w ? w : s);
    }
    case 'perUnit': {
      if (textual) return undefined;
      const short = t > a ? (t - a) / 10n ** BigInt(S) : 0n;
      const s = w - divRound(w * st.pct * short, 100n);
      return round2(s < 0n ? 0n : s);
    }
    default:
      return undefined;
  }
}

const SCORE_RULES: Rule[] = [
  perfRule(
    'PERF-SCORE',
    '三级指标得分按评分标准重算一致',
    'Every indicator score recomputes from its scoring standard',
    '评分标准：达标、按比例、封顶、下限、逐项扣分（10号；domain §3.3）',
    (d) => (ind(d, '培训人次').score = setNv('13.00')),
    (p) => {
      const out: Draft[] = [];
      for (const i of p.indicators) {
        const want = expectedScore(i);
        const got = nv(i.score);
        if (want === undefined || got === undefined || want === got) continue;
        const near = abs(want - got) <= 100n;
        out.push({
          severity: near ? 'info' : 'error',
          message: `“${i.name}”得分 ${i.score?.text} 与评分标准（${classifyStandard(i.standard).kind}）重算的 ${f2(want)} 不符（权重 ${i.weight?.text}，目标 ${i.target}，业绩 ${i.actual}）`,
          messageEn: `"${i.name}" score ${i.score?.text} ≠ ${f2(want)} recomputed from its standard`,
          evidence: [indEvidence(p, i)],
          expected: f2(want),
          actual: i.score?.text ?? '',
        });
      }
      return out;
    },
  ),
  perfRule(
    'PERF-SCORE-RANGE',
    '得分在 0 与权重之间',
    'Scores lie between 0 and the weight',
    '得分不超过权重（domain §3.3）',
    (d) => (ind(d, '预算编制合理性').score = setNv('12.00')),
    (p) =>
      p.indicators.flatMap((i): Draft[] => {
        const w = nv(i.weight);
        const s = nv(i.score);
        if (w === undefined || s === undefined || (s >= 0n && s <= w)) return [];
        return [
          {
            message: `“${i.name}”得分 ${i.score?.text} 超出 0–${i.weight?.text}`,
            messageEn: `"${i.name}" score outside 0..weight`,
            evidence: [indEvidence(p, i)],
            expected: `0–${i.weight?.text}`,
            actual: i.score?.text ?? '',
          },
        ];
      }),
  ),
  perfRule(
    'PERF-SCORE-REASON',
    '酌情扣分须说明理由',
    'Discretionary deductions state a reason',
    '酌情扣分须说明原因（domain §3.3）',
    (d) => {
      const i = ind(d, '服务对象满意度');
      i.standard = '酌情扣分。';
      i.score = setNv('13.00');
    },
    (p) =>
      p.indicators.flatMap((i): Draft[] => {
        const w = nv(i.weight);
        const s = nv(i.score);
        if (classifyStandard(i.standard).kind !== 'discretionary' || w === undefined || s === undefined || s >= w)
          return [];
        if (/(因|由于|原因|未|没有)/.test(i.standard ?? '')) return [];
        return [
          {
            message: `“${i.name}”酌情扣分（${i.score?.text}/${i.weight?.text}）未说明理由`,
            messageEn: `"${i.name}" discretionary deduction without a reason`,
            evidence: [indEvidence(p, i)],
            actual: i.standard ?? '',
          },
        ];
      }),
    'warning',
  ),
  perfRule(
    'PERF-STANDARD-TARGET',
    '评分标准中的满分条件与目标值一致',
    'The standard’s full-score value equals the target',
    '评分标准与目标值对应（domain §3.3）',
    (d) => (ind(d, '培训合格率').standard = '业绩值≥95%得满分，＜95%得0分。'),
    (p) =>
      p.indicators.flatMap((i): Draft[] => {
        const m = /业绩值(?:为|≥|>=|达到)(\d[\d,.]*)\s*(万元|%|人次|个|张|项|篇|次|家|户)?得满分/.exec(
          (i.standard ?? '').replace(/\s+/g, ''),
        );
        const t = num(i.target);
        if (!m || t === undefined) return [];
        const v = num(m[1]);
        if (v === undefined || v === t) return [];
        return [
          {
            message: `“${i.name}”评分标准以 ${m[1]}${m[2] ?? ''} 得满分，目标值为 ${i.target}`,
            messageEn: `"${i.name}": the standard gives full marks at ${m[1]} but the target is ${i.target}`,
            evidence: [indEvidence(p, i)],
            expected: i.target ?? '',
            actual: `${m[1]}${m[2] ?? ''}`,
          },
        ];
      }),
    'warning',
  ),
  perfRule(
    'PERF-TOTAL',
    '总分 = 各三级指标得分之和',
    'Total score = sum of indicator scores',
    '得分逐项相加（domain §3.3, §4.22）',
    (d) => (first(d).totalScore = setNv('89.75')),
    (p) => {
      const got = nv(p.totalScore);
      if (got === undefined || p.indicators.length === 0) return [];
      const sum = p.indicators.reduce((a, i) => a + (nv(i.score) ?? 0n), 0n);
      if (sum === got) return [];
      return [
        {
          message: `“${p.project.name}”总分 ${p.totalScore?.text} ≠ 各项得分之和 ${f2(sum)}`,
          messageEn: `Total ${p.totalScore?.text} ≠ sum of scores ${f2(sum)}`,
          evidence: [perfEvidence(p)],
          expected: f2(sum),
          actual: p.totalScore?.text ?? '',
        },
      ];
    },
  ),
  perfRule(
    'PERF-GRADE',
    '评价等级与总分档次一致',
    'Grade matches the score band',
    '90（含）以上优、80–90 良、60–80 中（合格）、60 以下差（不合格）（10号；domain §3.1）',
    (d) => (first(d).grade = '优秀'),
    (p) => {
      const s = nv(p.totalScore);
      if (s === undefined || !p.grade) return [];
      const want = gradeOf(s);
      if (gradeMatches(p.grade, want)) return [];
      return [
        {
          message: `“${p.project.name}”总分 ${p.totalScore?.text}，评价等级应为“${want}”，表中为“${p.grade}”`,
          messageEn: `Score ${p.totalScore?.text} is band "${want}", printed "${p.grade}"`,
          evidence: [perfEvidence(p)],
          expected: want,
          actual: p.grade,
        },
      ];
    },
  ),
];

export function gradeOf(score: bigint): '优' | '良' | '中' | '差' {
  const u = 10n ** BigInt(S);
  return score >= 90n * u ? '优' : score >= 80n * u ? '良' : score >= 60n * u ? '中' : '差';
}
export function gradeMatches(printed: string, band: '优' | '良' | '中' | '差'): boolean {
  const g = printed.replace(/[\s“”"]/g, '');
  const names: Record<string, string[]> = {
    优: ['优', '优秀'],
    良: ['良', '良好'],
    中: ['中', '合格', '一般'],
    差: ['差', '不合格'],
  };
  return (names[band] ?? []).includes(g);
}

// ---- narrative claims ----

const NARR_PERF_RULES: Rule[] = [
  rule({
    id: 'NARR-PERF-SCORE',
    family: 'performance',
    severity: 'error',
    title: { zh: '说明中的自评得分与自评表一致', en: 'Narrative self-evaluation scores equal the tables' },
    basis: '表文一致（domain §4.22）',
    needsPerformance: true,
    needsNarrative: true,
    fixtures: [{ fire: (d) => replaceText(d, '自评得分88.75分', '自评得分89.75分') }],
    check: (ctx) => {
      const totals = ctx.d.performance.map((p) => nv(p.totalScore)).filter((x): x is bigint => x !== undefined);
      if (totals.length === 0) return { skip: '自评表无总分 / no totals' };
      const out: Draft[] = [];
      for (const s of ctx.narrative.sentences) {
        for (const m of s.text.matchAll(/(自评得分|评分结果为|得分为?|综合得分)\s*(\d+(?:\.\d+)?)\s*分/g)) {
          const v = num(m[2]);
          if (v === undefined || totals.includes(v)) continue;
          out.push({
            message: `说明中的得分 ${m[2]} 分与自评表总分（${totals.map(f2).join('、')}）不符`,
            messageEn: `Narrative score ${m[2]} matches no self-evaluation total`,
            evidence: [sentenceEvidence(s, m[0])],
            expected: totals.map(f2).join(' / '),
            actual: m[2] ?? '',
          });
        }
      }
      return out;
    },
  }),
  rule({
    id: 'NARR-PERF-GRADE',
    family: 'performance',
    severity: 'error',
    title: { zh: '说明中的评价等级与得分档次一致', en: 'Narrative grades match the score band' },
    basis: '等级档次（domain §3.1）',
    needsNarrative: true,
    fixtures: [{ fire: (d) => replaceText(d, '评价等级为“良”', '评价等级为“优”') }],
    check: (ctx) => {
      const out: Draft[] = [];
      let lastScore: bigint | undefined;
      for (const s of ctx.narrative.sentences) {
        for (const m of s.text.matchAll(
          /(\d+(?:\.\d+)?)\s*分|(?:为|评价等级为|等级为)[“"]?(优秀|良好|合格|不合格|优|良|中|差)[”"]?/g,
        )) {
          if (m[1]) {
            lastScore = num(m[1]);
            continue;
          }
          if (lastScore === undefined || !m[2]) continue;
          const want = gradeOf(lastScore);
          if (!gradeMatches(m[2], want))
            out.push({
              message: `得分 ${f2(lastScore)} 对应等级“${want}”，说明写为“${m[2]}”`,
              messageEn: `Score ${f2(lastScore)} is band "${want}", narrative says "${m[2]}"`,
              evidence: [sentenceEvidence(s, m[0])],
              expected: want,
              actual: m[2],
            });
          lastScore = undefined;
        }
      }
      return out;
    },
  }),
  rule({
    id: 'NARR-PERF-FUNDS',
    family: 'performance',
    severity: 'error',
    title: {
      zh: '说明中项目预算数、执行数与资金表一致',
      en: 'Narrative project budget and spending equal the funds tables',
    },
    basis: '表文一致（domain §3.2, §4.22）',
    needsPerformance: true,
    needsNarrative: true,
    fixtures: [{ fire: (d) => replaceText(d, '执行数47.50万元', '执行数45.50万元') }],
    check: (ctx) => {
      const budgets: bigint[] = [];
      const spent: bigint[] = [];
      for (const p of ctx.d.performance) {
        if (!p.funds) continue;
        const b = cellNum(fundRow(p.funds as Table, 'budget'), p.funds.columns[0]?.id ?? 'total');
        const s = cellNum(fundRow(p.funds as Table, 'spent'), p.funds.columns[0]?.id ?? 'total');
        const unitFen = p.funds.unit === '元' ? 1n : 1_000_000n;
        if (b) budgets.push(b.v * unitFen);
        if (s) spent.push(s.v * unitFen);
      }
      if (budgets.length === 0) return { skip: '无资金表 / no funds tables' };
      const out: Draft[] = [];
      for (const m of ctx.narrative.amounts) {
        // "对…项目开展重点绩效评价，共涉及财政资金X万元": one project's funds (not a sum over "N个项目")
        const isB =
          /项目(全年)?预算数?$/.test(m.subject) ||
          (/涉及财政资金$/.test(m.subject) && !/\d+\s*个/.test(m.sentence.text));
        const isS = /执行数$/.test(m.subject);
        if (!isB && !isS) continue;
        ctx.narrative.markChecked(m);
        const list = isB ? budgets : spent;
        const scale = m.unit === '万元' ? 6 : m.unit === '元' ? 2 : 10;
        const ok = list.some((v) => formatScaled(v, scale, m.decimals) === formatScaled(m.fen, scale, m.decimals));
        if (ok) continue;
        out.push({
          message: `说明中的${isB ? '项目预算数' : '执行数'} ${m.raw} 与资金表不符`,
          messageEn: `Narrative ${isB ? 'budget' : 'spending'} ${m.raw} matches no funds table`,
          evidence: [sentenceEvidence(m.sentence, m.raw)],
          expected: `${list.map((v) => formatScaled(v, 6, 2)).join(' / ')} 万元`,
          actual: m.raw,
        });
      }
      return out;
    },
  }),
];

export const PERFORMANCE_RULES: Rule[] = [...FUNDS_RULES, ...WEIGHT_RULES, ...SCORE_RULES, ...NARR_PERF_RULES];
