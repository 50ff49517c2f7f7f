// Small text helpers shared by rules.

/** Removes all whitespace. */
export function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

/** Label without a leading ordinal ("十四、", "（一）", "1.", "(2)") and without whitespace. */
export function stripNumberingLabel(label: string): string {
  return squash(label).replace(/^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/, '');
}

/** Edit distance (Levenshtein) for short strings. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[n] ?? 0;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Chinese numeral up to 99 ("十九" → 19), or undefined. */
export function chineseNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[零一二三四五六七八九十]+$/.test(s)) return undefined;
  const i = s.indexOf('十');
  if (i < 0) return s.length === 1 ? CN_DIGITS[s] : undefined;
  const tens = i === 0 ? 1 : (CN_DIGITS[s.slice(0, i)] ?? Number.NaN);
  const ones = i === s.length - 1 ? 0 : (CN_DIGITS[s.slice(i + 1)] ?? Number.NaN);
  const v = tens * 10 + ones;
  return Number.isNaN(v) ? undefined : v;
}
