// Performance self-evaluation scores (绩效自评): each 三级 score from its scoring rule, rounded to 2 decimals
// (half away from zero), summed; grade by band (90 / 80 / 60).

import type { IndicatorInput, ScoringRule } from '../import/workbook/schema.ts';
import { divRound, parseScaled } from '../model/money.ts';

/** Hundredths of a point. */
export type Points = bigint;

const SCALE = 6;
const ONE = 10n ** BigInt(SCALE);

function dec(s: string): bigint {
  return parseScaled(s, SCALE);
}

/** weight × num/den, rounded to hundredths, never above the weight nor below 0. */
function proportional(w: Points, num: bigint, den: bigint): Points {
  if (den <= 0n) return w;
  const v = divRound(w * num, den);
  return v > w ? w : v < 0n ? 0n : v;
}

export function scoreIndicator(weight: string, rule: ScoringRule): Points {
  const w = parseScaled(weight, 2);
  switch (rule.type) {
    case 'pass':
      return rule.met ? w : 0n;
    case 'default':
      return w;
    case 'threshold': {
      const t = dec(rule.target);
      const a = dec(rule.actual);
      return (rule.lowerIsBetter ? a <= t : a >= t) ? w : 0n;
    }
    case 'proportional':
    case 'capped':
      return proportional(w, dec(rule.actual), dec(rule.target));
    case 'floor': {
      const t = dec(rule.target);
      const a = dec(rule.actual);
      // a/t < floor  ⇔  a·ONE < floor·t
      if (a * ONE < dec(rule.floor) * t) return 0n;
      return proportional(w, a, t);
    }
    case 'perUnit': {
      const short = dec(rule.target) - dec(rule.actual);
      if (short <= 0n) return w;
      // w × (1 − percent/100 × units short)
      const deduct = divRound(w * dec(rule.percent) * short, 100n * ONE * ONE);
      const v = w - deduct;
      return v < 0n ? 0n : v;
    }
    case 'discretionary': {
      const v = parseScaled(rule.score, 2);
      // biome-ignore lint/complexity/useMathMinMax: bigint
      return v > w ? w : v;
    }
  }
}

export function formatPoints(p: Points): string {
  const neg = p < 0n;
  const a = neg ? -p : p;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}

export interface ScoredIndicator {
  input: IndicatorInput;
  weight: Points;
  score: Points;
  met: boolean;
}

export interface ScoreResult {
  indicators: ScoredIndicator[];
  totalWeight: Points;
  total: Points;
  grade: string;
}

/** Grade words by template: national 优秀/良好/中/差, Shanghai 优/良/合格/不合格. */
export function gradeOf(total: Points, template: string): string {
  const words = template === 'shanghai-2024' ? ['优', '良', '合格', '不合格'] : ['优秀', '良好', '中', '差'];
  if (total >= 9000n) return words[0] ?? '';
  if (total >= 8000n) return words[1] ?? '';
  if (total >= 6000n) return words[2] ?? '';
  return words[3] ?? '';
}

export function scoreProject(indicators: readonly IndicatorInput[], template: string): ScoreResult {
  const scored = indicators.map((input): ScoredIndicator => {
    const weight = parseScaled(input.weight, 2);
    const score = input.name === undefined ? 0n : scoreIndicator(input.weight, input.rule);
    return { input, weight, score, met: score === weight };
  });
  const totalWeight = scored.reduce((t, s) => t + s.weight, 0n);
  const total = scored.reduce((t, s) => t + s.score, 0n);
  return { indicators: scored, totalWeight, total, grade: gradeOf(total, template) };
}
