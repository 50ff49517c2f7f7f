// Roll-ups over the 功能分类 hierarchy: 项 (7 digits) → 款 (5) → 类 (3) → 合计, exact in 分.
export type Amounts = Record<string, bigint>;

export function zeroes(columns: readonly string[]): Amounts {
  return Object.fromEntries(columns.map((c) => [c, 0n]));
}

export function addInto(target: Amounts, add: Amounts): void {
  for (const [k, v] of Object.entries(add)) target[k] = (target[k] ?? 0n) + v;
}

export interface RolledUp {
  /** Every 类, 款 and 项 code in print order (a parent before its children). */
  codes: string[];
  byCode: Map<string, Amounts>;
  total: Amounts;
}

/** Sums 项-level amounts up to 款, 类 and the grand total. */
export function rollUp(items: Map<string, Amounts>, columns: readonly string[]): RolledUp {
  const byCode = new Map<string, Amounts>();
  const total = zeroes(columns);
  for (const [code, amounts] of items) {
    for (const c of [code.slice(0, 3), code.slice(0, 5), code]) {
      let a = byCode.get(c);
      if (!a) {
        a = zeroes(columns);
        byCode.set(c, a);
      }
      addInto(a, amounts);
    }
    addInto(total, amounts);
  }
  const codes = [...byCode.keys()].sort();
  return { codes, byCode, total };
}

export function sumOf(a: Amounts, keys: readonly string[]): bigint {
  let t = 0n;
  for (const k of keys) t += a[k] ?? 0n;
  return t;
}
