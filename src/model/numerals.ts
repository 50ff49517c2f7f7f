// Chinese ordinals for headings and row labels.
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 14 → 十四, 22 → 二十二 (up to 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/**
 * How a template numbers its headings: national (一、 / （一） / 1.), or in four parts as the Shanghai 2024 template
 * (第一部分 / 一、 / （一） / 1.).
 */
export type HeadingScheme = 'national' | 'parts';

/** The numbering of the n-th (from 1) heading of a level (level 1: 概况, 决算表, 情况说明, 名词解释). */
export function headingNumber(scheme: HeadingScheme, level: number, n: number): string {
  const cn = chineseNumber(n);
  const styles =
    scheme === 'parts'
      ? [`第${cn}部分 `, `${cn}、`, `（${cn}）`, `${n}.`]
      : [`${cn}、`, `（${cn}）`, `${n}.`, `（${n}）`];
  return styles[Math.min(Math.max(level, 1), styles.length) - 1] ?? '';
}
