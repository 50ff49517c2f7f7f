// Sentence pieces in standard Chinese: amounts, shares, changes against the prior year or the budget.
import { percentHundredths } from '../model/money.ts';
import { rounded, wanText } from './cells.ts';

/** "87,628.45万元" from exact 分. */
export function wan(exact: bigint): string {
  return `${wanText(exact)}万元`;
}

/** Share of the rounded part in the rounded whole, "12.34%" (the figures the tables print). */
export function share(part: bigint, whole: bigint): string | undefined {
  const w = rounded(whole);
  if (w === 0n) return undefined;
  return `${hundredths(percentHundredths(rounded(part), w))}%`;
}

export function hundredths(h: bigint): string {
  const neg = h < 0n;
  const a = neg ? -h : h;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}

/** "占本年收入合计的12.34%" or "" when the whole is zero. */
export function shareOf(part: bigint, whole: bigint, wholeName: string): string {
  const s = share(part, whole);
  return s === undefined ? '' : `，占${wholeName}的${s}`;
}

/** Year-on-year wording; no percentage on a zero base; "持平" when equal. */
export function change(current: bigint, prior: bigint | undefined, priorYear: number, reason?: string): string {
  if (prior === undefined) return '';
  const c = rounded(current);
  const p = rounded(prior);
  const because = reason ? `主要原因是${trimStop(reason)}。` : '';
  if (c === p) return `与${priorYear}年度持平。${because}`;
  const diff = c - p;
  const word = diff > 0n ? '增加' : '减少';
  const pct =
    p === 0n ? '' : `，${diff > 0n ? '增长' : '下降'}${hundredths(percentHundredths(diff < 0n ? -diff : diff, p))}%`;
  return `与${priorYear}年度相比，${word}${wanText(diff < 0n ? -diff : diff)}万元${pct}。${because}`;
}

/** Budget vs actual wording: 完成年初预算的 x% (never on a zero budget). */
export function againstBudget(actual: bigint, budget: bigint, reason?: string): string {
  const a = rounded(actual);
  const b = rounded(budget);
  const because = reason ? `主要原因是${trimStop(reason)}。` : '';
  if (b === 0n) return `年初预算为0万元，支出决算为${wan(actual)}。${because}`;
  const rate = hundredths(percentHundredths(a, b));
  const cmp = a > b ? '决算数大于预算数' : a < b ? '决算数小于预算数' : '决算数与预算数持平';
  return `年初预算为${wan(budget)}，支出决算为${wan(actual)}，完成年初预算的${rate}%。${cmp}${because ? `，${because}` : '。'}`;
}

export function trimStop(s: string): string {
  return s.trim().replace(/[。；;，,]+$/, '');
}

/** Joins clauses with "；" and ends with "。". */
export function clauses(parts: string[]): string {
  const p = parts.filter((x) => x.length > 0).map(trimStop);
  return p.length === 0 ? '' : `${p.join('；')}。`;
}
