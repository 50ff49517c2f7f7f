// Header words of a performance annex's 项目支出内容 table → template columns (shared by both importers).
import type { Column } from '../../model/disclosure.ts';
import { SPENDING_COLUMNS } from '../../model/performance.ts';
import { squash } from '../../model/templates.ts';
import { headerMatches } from './columns.ts';

/** Words a header cell over the item names may print. */
export const SPENDING_LABEL_WORDS: readonly string[] = ['项目支出内容', '支出内容', '项目名称', '项目'];
/** Group headings over several columns ("实际支出数"), and the words under them. */
const PARENTS = new Set(SPENDING_COLUMNS.filter((c) => c.header.length > 1).map((c) => c.header[0] as string));
const CHILDREN = new Set(SPENDING_COLUMNS.filter((c) => c.header.length > 1).map((c) => c.header.at(-1) as string));
const WORDS = [...new Set([...SPENDING_LABEL_WORDS, ...SPENDING_COLUMNS.flatMap((c) => c.header)])].sort(
  (a, b) => b.length - a.length,
);

/** Header text split into whole header words ("实际支出数合计" → 实际支出数, 合计); undefined if it is not made of them. */
export function spendingHeaderWords(text: string): string[] | undefined {
  const t = squash(text);
  if (!t) return undefined;
  const go = (at: number): string[] | undefined => {
    if (at === t.length) return [];
    for (const w of WORDS) {
      if (!t.startsWith(w, at)) continue;
      const rest = go(at + w.length);
      if (rest) return [w, ...rest];
    }
    return undefined;
  };
  return go(0);
}

/** True for a piece of header text, a cell wrapped over lines included ("财政资金专款" / "专用数"). */
export function isSpendingHeaderPiece(text: string): boolean {
  const t = squash(text);
  if (!t) return false;
  // Whole words from `at`, the last one possibly cut short.
  const words = (at: number): boolean =>
    at === t.length || WORDS.some((w) => (t.startsWith(w, at) && words(at + w.length)) || w.startsWith(t.slice(at)));
  // The first piece may be the end of a word.
  return WORDS.some((w) => {
    for (let s = 0; s < w.length; s++) {
      const tail = w.slice(s);
      if (tail.startsWith(t) || (t.startsWith(tail) && words(tail.length))) return true;
    }
    return false;
  });
}

export const isSpendingLabelHeader = (words: readonly string[]): boolean =>
  words.length > 0 && words.every((w) => SPENDING_LABEL_WORDS.includes(w));
/** A heading printed over several columns ("实际支出数"). */
export const isSpendingParent = (words: readonly string[]): boolean =>
  words.length === 1 && PARENTS.has(words[0] as string);
/** A word printed under a group heading ("合计", "财政资金支出数"). */
export const isSpendingChild = (word: string | undefined): boolean => word !== undefined && CHILDREN.has(word);

/** The template column a printed header path names, or undefined when none or several do. */
export function spendingColumn(path: readonly string[]): Column | undefined {
  const hits = SPENDING_COLUMNS.filter(
    (c) => c.header.length === path.length && headerMatches(path, c.header.join('/')),
  );
  return hits.length === 1 ? hits[0] : undefined;
}
