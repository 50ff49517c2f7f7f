// Recognising table titles: exact match after whitespace removal, never by substring
// ("财政拨款收入支出决算总表" contains "收入支出决算总表" and is a different table).
import type { TableKind } from '../../model/disclosure.ts';
import { allTitles, squash } from '../../model/templates.ts';

/** Whitespace removed, ASCII and typographic quote variants unified to “”, Kangxi radicals folded. */
export function normaliseTitle(text: string): string {
  let open = true;
  return squash(text)
    .replace(/[\u2e80-\u2fdf]/g, (c) => c.normalize('NFKC'))
    .replace(/["＂〝〞]/g, () => {
      const q = open ? '“' : '”';
      open = !open;
      return q;
    })
    .replace(/[‘’]/g, (q) => (q === '‘' ? '“' : '”'));
}

/** Every known title, longest first (templates are fixed data: computed once). */
const TITLES = allTitles();

const CONTINUED = /[（(]续(?:表)?\d*[）)]$/;
/** A prefix allowed before a title: department and/or year ("上海市普陀区财政局2024年度"). */
const YEAR_PREFIX = /\d{4}年度?$/;

export interface RecognisedTitle {
  title: string;
  kind: TableKind;
  /** The printed title is a continuation ("（续）"). */
  continued: boolean;
}

/** The table a printed title names, or undefined. Exact after normalisation; a "…2024年度" prefix and "（续）" are allowed. */
export function recogniseTitle(text: string): RecognisedTitle | undefined {
  if (!/表\s*(?:[（(]续(?:表)?\d*[）)])?\s*$/.test(text)) return undefined; // every title ends in 表
  let t = normaliseTitle(text);
  const continued = CONTINUED.test(t);
  if (continued) t = t.replace(CONTINUED, '');
  for (const { title, kind } of TITLES) {
    if (t === title) return { title, kind, continued };
  }
  // Longest title first, so "财政拨款收入支出决算总表" wins over its own suffix "收入支出决算总表".
  for (const { title, kind } of TITLES) {
    if (t.endsWith(title) && YEAR_PREFIX.test(t.slice(0, -title.length))) {
      return { title, kind, continued };
    }
  }
  return undefined;
}
