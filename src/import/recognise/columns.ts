// Mapping printed column headers to template column ids by their text, never by position.
import type { Column } from '../../model/disclosure.ts';
import type { ColumnDef, TableDef } from '../../model/templates.ts';
import { normaliseTitle } from './titles.ts';

/** Generic leaf headers that stand for their parent ("小计" under "公务用车购置及运行费"). */
const GENERIC = new Set(['小计', '合计', '金额', '决算数']);

const norm = (s: string): string => normaliseTitle(s);

/** True when a printed header path names a template header ("预算数/公务用车购置费"). */
export function headerMatches(printed: readonly string[], templateHeader: string): boolean {
  const want = templateHeader.split('/').map(norm);
  const got = printed.map(norm).filter(Boolean);
  const leaf = got[got.length - 1];
  const last = want[want.length - 1];
  if (leaf === undefined || last === undefined) return false;
  let i = 0;
  for (const part of got) if (part === want[i]) i++;
  if (i < want.length) return false;
  return leaf === last || GENERIC.has(leaf);
}

/**
 * The template column a printed header path names. An exact leaf match wins over a generic leaf
 * ("小计") matching its parent. Side-restricted when given.
 */
export function matchColumn(
  printed: readonly string[],
  def: TableDef,
  side?: 'income' | 'expense',
): ColumnDef | undefined {
  const candidates = def.columns.filter((c) => side === undefined || c.side === undefined || c.side === side);
  const leaf = norm(printed[printed.length - 1] ?? '');
  const exact = candidates.find((c) =>
    c.headers.some((h) => headerMatches(printed, h) && norm(h.split('/').pop() ?? '') === leaf),
  );
  return exact ?? candidates.find((c) => c.headers.some((h) => headerMatches(printed, h)));
}

/** Header cells naming label columns, or the side of a two-sided table. */
const LABEL_HEADER =
  /^(?:项目|[类款项]|行次|栏次|收入|支出|科目编码|科目名称|(?:支出)?(?:功能|经济)分类科目(?:编码|名称)?)$/;

/**
 * True when printed cells hold a header of the table: one of its column names and one more header cell (another
 * column name, or a label column such as 科目编码 or 项目). A numbered title ("一、收入决算表") stands only where
 * this holds, so a contents page listing titles is never read as tables.
 */
export function headsTable(cells: readonly string[], def: TableDef): boolean {
  const words = new Set(def.columns.flatMap((c) => c.headers.flatMap((h) => h.split('/'))).map(norm));
  const printed = new Set(cells.map(norm).filter(Boolean));
  const named = [...printed].filter((w) => words.has(w));
  const labels = [...printed].filter((w) => !words.has(w) && LABEL_HEADER.test(w));
  return named.length >= 1 && named.length + labels.length >= 2;
}

export interface PrintedColumn {
  path: string[];
  number?: string | undefined;
  side?: 'income' | 'expense' | undefined;
}

/** Printed columns → model columns; unmatched ones are returned apart. */
export function mapColumns(
  printed: readonly PrintedColumn[],
  def: TableDef,
): { columns: Column[]; unmatched: PrintedColumn[] } {
  const columns: Column[] = [];
  const unmatched: PrintedColumn[] = [];
  for (const p of printed) {
    const c = matchColumn(p.path, def, p.side);
    if (!c || columns.some((x) => x.id === c.id && x.side === (p.side ?? c.side))) {
      unmatched.push(p);
      continue;
    }
    const col: Column = { id: c.id, header: p.path };
    if (p.number !== undefined) col.number = p.number;
    const side = p.side ?? c.side;
    if (side) col.side = side;
    columns.push(col);
  }
  return { columns, unmatched };
}

/**
 * For text where the header grid is lost: finds the template's column headers in the header text (whitespace
 * removed) and orders the columns by where they are printed. Longer headers claim their text first, so
 * "本年收入合计" is not also taken for "合计". Sided tables: income columns are searched before the expense ones,
 * expense ones after the last income match.
 */
export function columnsFromHeaderText(headerText: string, def: TableDef): PrintedColumn[] {
  const text = norm(headerText);
  // A header starts and ends where printed cells do ("项目" "支出功能分类" does not hold "项目支出").
  const starts = new Set<number>();
  const ends = new Set<number>();
  let pos = 0;
  for (const token of headerText.split(/\s+/).map(norm).filter(Boolean)) {
    starts.add(pos);
    pos += token.length;
    ends.add(pos);
  }
  const aligned = (a: number, b: number) => pos !== text.length || (starts.has(a) && ends.has(b));
  const claimed: [number, number][] = [];
  const free = (a: number, b: number) => aligned(a, b) && claimed.every(([x, y]) => b <= x || a >= y);
  const found: { at: number; top: number; col: PrintedColumn }[] = [];
  const sides: ('income' | 'expense' | undefined)[] = def.columns.some((c) => c.side)
    ? ['income', 'expense']
    : [undefined];
  let from = 0;
  for (const side of sides) {
    const defs = def.columns.filter((c) => c.side === side);
    // Most specific column first (longest header), each trying its headers in template order.
    const ordered = [...defs].sort((a, b) => longest(b) - longest(a));
    let last = from;
    for (const c of ordered) {
      for (const h of c.headers) {
        const parts = h.split('/').map(norm);
        const where = locate(text, parts, from, free, aligned);
        if (where === undefined) continue;
        const { at, top } = where;
        const leaf = parts[parts.length - 1] ?? '';
        claimed.push([at, at + leaf.length]);
        const path = side ? [side === 'income' ? '收入' : '支出', ...parts] : parts;
        found.push({ at, top, col: side ? { path, side } : { path } });
        last = Math.max(last, at + leaf.length);
        break;
      }
    }
    from = last;
  }
  // A grouped column sits where its group's heading is printed; inside the group, by its own heading.
  return found.sort((a, b) => a.top - b.top || a.at - b.at).map((f) => f.col);
}

const longest = (c: ColumnDef): number => Math.max(...c.headers.map((h) => h.replace('/', '').length));

/** Where the leaf of a header path is printed (parents must precede it), skipping claimed text. */
function locate(
  text: string,
  parts: readonly string[],
  from: number,
  free: (a: number, b: number) => boolean,
  aligned: (a: number, b: number) => boolean,
): { at: number; top: number } | undefined {
  let start = from;
  let top: number | undefined;
  for (const p of parts.slice(0, -1)) {
    let i = text.indexOf(p, start);
    while (i >= 0 && !aligned(i, i + p.length)) i = text.indexOf(p, i + 1);
    if (i < 0) return undefined;
    top ??= i;
    start = i + p.length;
  }
  const leaf = parts[parts.length - 1] ?? '';
  if (!leaf) return undefined;
  for (let i = text.indexOf(leaf, start); i >= 0; i = text.indexOf(leaf, i + 1)) {
    if (free(i, i + leaf.length)) return { at: i, top: top ?? i };
  }
  return undefined;
}

const THREE_PUBLIC_ITEMS = ['total', 'abroad', 'vehicle', 'vehicle.purchase', 'vehicle.operation', 'reception'];

function count(text: string, word: string): number {
  return text.split(word).length - 1;
}

/**
 * Header of the “三公” table when only its text is known: 预算数 and 决算数 printed once each means two blocks of
 * six (in the printed order of the two words); printed once per item means pairs per item. Paths come from the
 * template's headers.
 */
export function threePublicColumnsFromText(headerText: string, def: TableDef): PrintedColumn[] {
  const t = norm(headerText);
  const header = (id: string): string[] => (def.columns.find((c) => c.id === id)?.headers[0] ?? id).split('/');
  const budgetFirst = t.indexOf('预算数') <= t.indexOf('决算数') || t.indexOf('决算数') < 0;
  const groups = budgetFirst ? ['budget', 'actual'] : ['actual', 'budget'];
  const paired = count(t, '预算数') > 1 && count(t, '决算数') > 1;
  const ids = paired
    ? THREE_PUBLIC_ITEMS.flatMap((item) => groups.map((g) => `${g}.${item}`))
    : groups.flatMap((g) => THREE_PUBLIC_ITEMS.map((item) => `${g}.${item}`));
  return ids.map((id) => ({ path: header(id) }));
}
