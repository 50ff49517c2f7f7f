// 政府收支分类科目: 功能分类 (类 3 / 款 5 / 项 7 digits) and 经济分类 (类 3 / 款 5 digits).
// Level and parent follow from the digits; names come from the catalogue observed in real documents.
import catalogue from '../../data/classification/catalogue.json' with { type: 'json' };

export type Level = '类' | '款' | '项';
export type Scheme = 'functional' | 'economic';

export interface CodeInfo {
  code: string;
  level: Level;
  parent: string | undefined;
}

/** Normalises a printed code: "208 05 05" or "2080505" → "2080505"; returns undefined if it is not a code. */
export function normaliseCode(text: string): string | undefined {
  const s = text.replace(/\s+/g, '');
  return /^\d{3}(\d{2}){0,2}$/.test(s) ? s : undefined;
}

export function codeInfo(code: string, scheme: Scheme = 'functional'): CodeInfo | undefined {
  const n = normaliseCode(code);
  if (!n) return undefined;
  if (n.length === 3) return { code: n, level: '类', parent: undefined };
  if (n.length === 5) return { code: n, level: '款', parent: n.slice(0, 3) };
  if (scheme === 'economic') return undefined;
  return { code: n, level: '项', parent: n.slice(0, 5) };
}

export function levelOf(code: string, scheme: Scheme = 'functional'): Level | undefined {
  return codeInfo(code, scheme)?.level;
}

export function parentOf(code: string): string | undefined {
  return codeInfo(code)?.parent;
}

/** True when `child` lies under `ancestor` by its digits. */
export function isUnder(child: string, ancestor: string): boolean {
  return child.length > ancestor.length && child.startsWith(ancestor);
}

export interface CatalogueEntry {
  code: string;
  names: string[];
}

export interface EconomicEntry {
  code: string;
  name: string;
  group: '人员经费' | '公用经费';
  in2019: boolean;
  in2024: boolean;
}

const functional = new Map<string, string[]>();
for (const r of catalogue.functional) {
  const names = functional.get(r.code) ?? [];
  if (!names.includes(r.name)) names.push(r.name);
  functional.set(r.code, names);
}
for (const c of catalogue.classes) {
  const names = functional.get(c.code) ?? [];
  for (const n of [c.name2019, c.name2024]) if (n && !names.includes(n)) names.push(n);
  functional.set(c.code, names);
}

const economic = new Map<string, EconomicEntry>(
  catalogue.economic.map((e) => [e.code, { ...e, group: e.group as EconomicEntry['group'] }]),
);

/** Names a 功能分类 code is known by (several where it was renamed). Empty when the code is not in the catalogue. */
export function functionalNames(code: string): readonly string[] {
  return functional.get(code) ?? [];
}

export function economicEntry(code: string): EconomicEntry | undefined {
  return economic.get(code);
}

export function economicCodes(): EconomicEntry[] {
  return [...economic.values()];
}

export interface FunctionalClass {
  code: string;
  /** Name by fiscal year range: the name in force for the year asked. */
  name2019: string;
  name2024: string;
}

export const FUNCTIONAL_CLASSES: readonly FunctionalClass[] = catalogue.classes
  .filter((c) => c.code !== '209')
  .map((c) => ({ code: c.code, name2019: c.name2019 || c.name2024, name2024: c.name2024 || c.name2019 }));

/** Extra 类 printed in Shanghai 2024 tables (债务还本/付息). */
export const EXTRA_CLASSES: readonly FunctionalClass[] = [
  { code: '231', name2019: '债务还本支出', name2024: '债务还本支出' },
  { code: '232', name2019: '债务付息支出', name2024: '债务付息支出' },
];

/** 类 code for a class name as printed in 收入支出决算总表 ("十四、资源勘探信息等支出" → "215"). */
export function classCodeByName(printed: string): string | undefined {
  const name = stripNumbering(printed);
  for (const c of [...FUNCTIONAL_CLASSES, ...EXTRA_CLASSES]) {
    if (c.name2019 === name || c.name2024 === name) return c.code;
  }
  return undefined;
}

/** Removes a leading Chinese ordinal ("十四、", "（一）", "1.") from a label. */
export function stripNumbering(label: string): string {
  return label
    .replace(/\s+/g, '')
    .replace(/^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/, '');
}
