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
/**
 * What may stand before a title: a year ("…2024年度"), a department name (ending in an organisation word:
 * "深圳市扶贫协作和合作交流办公室"), and/or a table number ("公开01表", "表1：", "附表一").
 */
const PREFIX = new RegExp(
  '^(?:' +
    [
      '.*\\d{4}年度?', // year, with anything (the department) before it
      '.{2,40}(?:局|办|办公室|委员会|委|院|室|中心|会|部|站|所|馆|队|处|厅|署|公司|学校|医院|政府|街道|镇|乡)', // department
    ].join('|') +
    ')?(?:公开\\d{1,2}表|附?表[\\d一二三四五六七八九十]{1,3}[：:.、]?)?$',
);
/**
 * A number printed before a title on its table page ("附件1", "附表1：", "表一", "一、"). A contents page prints the
 * same, so such a title stands only where its table's header follows (the caller checks: see `headsTable`).
 */
const NUMBERED = /^(?:(?:附件|附表|表)[\d一二三四五六七八九十]{1,3}[：:.、]?|[一二三四五六七八九十]{1,3}、)/;

/** What may stand after a title: a table number and/or the unit ("公开01表", "单位：万元"). */
const SUFFIX = /(?:公开\d{1,2}表)?(?:(?:金额)?单位[：:](?:万元|元))?$/;

export interface RecognisedTitle {
  title: string;
  kind: TableKind;
  /** The printed title is a continuation ("（续）"). */
  continued: boolean;
  /** Text printed on the title line after the title (a table number, the unit), whitespace removed. */
  after?: string;
  /**
   * The number printed before the title ("附件1", "一、"), whitespace removed: a title only where a header of its
   * table follows (a contents page lists titles the same way). Given with `{ numbered: true }` only.
   */
  numbered?: string;
}

export interface TitleOptions {
  /** Also accept a numbered title ("附件1 收入支出决算总表", "一、收入决算表"); the caller must check a header follows. */
  numbered?: boolean;
}

/**
 * The table a printed title names, or undefined. Exact after normalisation, never by substring; a year or
 * department prefix, a table number, the unit and "（续）" may surround it.
 */
export function recogniseTitle(text: string, options: TitleOptions = {}): RecognisedTitle | undefined {
  if (!/表/.test(text)) return undefined; // every title has 表
  let t = normaliseTitle(text);
  const suffix = SUFFIX.exec(t)?.[0] ?? '';
  if (suffix) t = t.slice(0, -suffix.length);
  const continued = CONTINUED.test(t);
  if (continued) t = t.replace(CONTINUED, '');
  const found = (title: string, kind: TableKind): RecognisedTitle =>
    suffix ? { title, kind, continued, after: suffix } : { title, kind, continued };
  for (const { title, kind } of TITLES) {
    if (t === title) return found(title, kind);
  }
  // Longest title first, so "财政拨款收入支出决算总表" wins over its own suffix "收入支出决算总表".
  const numbered = options.numbered ? NUMBERED.exec(t)?.[0] : undefined;
  for (const { title, kind } of TITLES) {
    if (!t.endsWith(title)) continue;
    const before = t.slice(0, -title.length);
    if (numbered && PREFIX.test(before.slice(numbered.length))) return { ...found(title, kind), numbered };
    if (PREFIX.test(before)) return found(title, kind);
  }
  return undefined;
}
