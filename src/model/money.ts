// Exact money: every amount is a bigint count of 分 (fen). No floating point.

export type Unit = '元' | '万元';

/** 分 per one printed unit. */
export const FEN_PER_UNIT: Record<Unit, bigint> = { 元: 100n, 万元: 1_000_000n };

/** Smallest printed step at 2 decimals, in 分: 0.01 元 = 1 分, 0.01 万元 = 10000 分. */
export function centStep(unit: Unit): bigint {
  return FEN_PER_UNIT[unit] / 100n;
}

export class MoneyParseError extends Error {}

const AMOUNT_RE = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/;

/** Normalises a printed figure: full-width digits and punctuation, spaces, a leading minus sign variant. */
export function normaliseFigure(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[，]/g, ',')
    .replace(/[．。]/g, '.')
    .replace(/[−﹣－]/g, '-')
    .replace(/\s+/g, '');
}

/** Decimal string → integer scaled by 10^scale; throws if the figure has more decimals than the scale allows exactly. */
export function parseScaled(text: string, scale: number): bigint {
  const s = normaliseFigure(text);
  const m = AMOUNT_RE.exec(s);
  if (!m || (m[2] === undefined && (m[3] === undefined || m[3] === ''))) {
    throw new MoneyParseError(`不是金额 / not an amount: "${text}"`);
  }
  const intPart = (m[2] ?? '0').replace(/,/g, '');
  let frac = m[3] ?? '';
  if (frac.length > scale) {
    const extra = frac.slice(scale);
    if (/[^0]/.test(extra)) throw new MoneyParseError(`精度超出 / too many decimals for exact value: "${text}"`);
    frac = frac.slice(0, scale);
  }
  const v = BigInt(intPart) * 10n ** BigInt(scale) + BigInt(frac.padEnd(scale, '0') || '0');
  return m[1] === '-' ? -v : v;
}

/** Printed amount in `unit` → 分. Accepts "87,628.42", "0.00", "-3.5", "308,315.750". */
export function parseAmount(text: string, unit: Unit): bigint {
  const scale = unit === '万元' ? 6 : 2;
  return parseScaled(text, scale);
}

/** Number of decimals printed in a figure ("87,628.42" → 2). */
export function printedDecimals(text: string): number {
  const s = normaliseFigure(text);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/** Integer division rounding half away from zero. */
export function divRound(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError('division by zero');
  const neg = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (an * 2n + ad) / (ad * 2n);
  return neg ? -q : q;
}

/** Formats a scaled integer (value × 10^-scale) with `decimals` decimals, rounding half away from zero. */
export function formatScaled(value: bigint, scale: number, decimals: number, thousands = false): string {
  let v = value;
  if (decimals < scale) v = divRound(value, 10n ** BigInt(scale - decimals));
  else if (decimals > scale) v = value * 10n ** BigInt(decimals - scale);
  const neg = v < 0n;
  const a = neg ? -v : v;
  const p = 10n ** BigInt(decimals);
  let int = String(a / p);
  if (thousands) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = decimals > 0 ? `.${String(a % p).padStart(decimals, '0')}` : '';
  return `${neg && v !== 0n ? '-' : ''}${int}${frac}`;
}

/** 分 → figure in `unit` with `decimals` decimals (default 2), half away from zero: 150 元 → "0.02" 万元. */
export function formatAmount(fen: bigint, unit: Unit, opts: { decimals?: number; thousands?: boolean } = {}): string {
  const scale = unit === '万元' ? 6 : 2;
  return formatScaled(fen, scale, opts.decimals ?? 2, opts.thousands ?? false);
}

/** Rounds 分 to the nearest printed step of `unit` at 2 decimals (half away from zero). */
export function roundToUnit(fen: bigint, unit: Unit): bigint {
  const step = centStep(unit);
  return divRound(fen, step) * step;
}

/** 元 (as 分) → 万元 (as 分), rounded to 0.01 万元. */
export function yuanToWanRounded(fen: bigint): bigint {
  return roundToUnit(fen, '万元');
}

export function sum(values: Iterable<bigint>): bigint {
  let t = 0n;
  for (const v of values) t += v;
  return t;
}

export function abs(v: bigint): bigint {
  return v < 0n ? -v : v;
}

/** Percentage (hundredths of a percent) of part/whole, half away from zero: 7893n = 78.93%. */
export function percentHundredths(part: bigint, whole: bigint): bigint {
  return divRound(part * 10000n, whole);
}
