// Geometry → lines: items on one baseline (|Δy| < 0.5 × font size) form a line; items closer than ~0.3 em merge
// into one segment (a cell or a run of text).
import type { TextItem } from './extract.ts';

/** Items merged along a line: in a table, one cell's text on that line. */
export interface Segment {
  text: string;
  x0: number;
  x1: number;
  /** Baseline from the top of the page. */
  y: number;
  size: number;
}

export interface Line {
  page: number;
  y: number;
  x0: number;
  x1: number;
  /** Dominant font size. */
  size: number;
  segments: Segment[];
  /** Segments joined; a space where the gap is wide (≥ 1 em). */
  text: string;
}

const MERGE_GAP_EM = 0.3;
const SAME_LINE = 0.5;

/** Groups a page's items into lines, top to bottom, each with segments left to right. */
export function buildLines(page: number, items: readonly TextItem[]): Line[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: { y: number; size: number; items: TextItem[] }[] = [];
  for (const it of sorted) {
    let best: (typeof groups)[number] | undefined;
    let bestD = Number.POSITIVE_INFINITY;
    // Compare with the few most recent lines (items come sorted by y).
    for (let i = groups.length - 1; i >= 0 && i >= groups.length - 4; i--) {
      const g = groups[i];
      if (!g) continue;
      const d = Math.abs(g.y - it.y);
      if (d < SAME_LINE * Math.max(g.size, it.size) && d < bestD) {
        best = g;
        bestD = d;
      }
    }
    if (best) {
      best.items.push(it);
      if (it.size > best.size) best.size = it.size;
    } else groups.push({ y: it.y, size: it.size, items: [it] });
  }
  return groups.map((g) => toLine(page, g.items));
}

function toLine(page: number, items: TextItem[]): Line {
  items.sort((a, b) => a.x - b.x);
  const segments: Segment[] = [];
  let cur: Segment | undefined;
  for (const it of items) {
    const gap = cur ? it.x - cur.x1 : 0;
    const em = Math.max(cur?.size ?? 0, it.size);
    if (cur && gap < MERGE_GAP_EM * em && !it.apart) {
      cur.text += it.str;
      cur.x1 = Math.max(cur.x1, it.x + it.width);
      cur.size = Math.max(cur.size, it.size);
    } else {
      cur = { text: it.str, x0: it.x, x1: it.x + it.width, y: it.y, size: it.size };
      segments.push(cur);
    }
  }
  for (const s of segments) s.text = s.text.trim();
  const size = dominantSize(items);
  const spread = isSpreadLine(segments);
  let text = '';
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i] as Segment;
    const prev = segments[i - 1];
    if (prev && s.x0 - prev.x1 >= size && !spread) text += ' ';
    text += s.text;
  }
  const first = segments[0] as Segment;
  const y = items.reduce((m, it) => m + it.y, 0) / items.length;
  return { page, y, x0: first.x0, x1: Math.max(...segments.map((s) => s.x1)), size, segments, text };
}

/**
 * A line whose characters are spread evenly over its width ("distributed" alignment): one character per segment,
 * the same gap between every two. Its gaps are no word breaks.
 */
function isSpreadLine(segments: readonly Segment[]): boolean {
  if (segments.length < 4 || segments.some((s) => [...s.text].length !== 1)) return false;
  const gaps = segments.slice(1).map((s, i) => s.x0 - (segments[i] as Segment).x1);
  const lo = Math.min(...gaps);
  const hi = Math.max(...gaps);
  return hi - lo <= Math.max(1, 0.25 * lo);
}

function dominantSize(items: readonly TextItem[]): number {
  const weight = new Map<number, number>();
  for (const it of items) {
    const k = Math.round(it.size * 2) / 2;
    weight.set(k, (weight.get(k) ?? 0) + it.str.length);
  }
  let best = 0;
  let bestW = -1;
  for (const [k, w] of weight) if (w > bestW) [best, bestW] = [k, w];
  return best;
}

/** Whitespace removed: how titles and headers are compared. */
export function squashText(s: string): string {
  return s.replace(/\s+/g, '');
}

const HAN = /^\p{Script=Han}$/u;
const FIGURE_CHAR = /^[\d,.\-−－]$/;
const FIGURE = /^[-−－]?\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^[-−－]?\d+(?:\.\d+)?$/;

/**
 * Letters spread over a cell joined back into one segment: "科  目  名  称" or "合    计" (justified or
 * "distributed" alignment), and figures whose every glyph came apart ("1 , 2 3 4 . 5 6": letter-spaced, each glyph
 * placed on its own). A run of single Han characters on one line with even gaps is joined when it makes a known word,
 * or when it has three or more letters no more than 3 em apart (not the 类 / 款 / 项 column marks). A run of single
 * digits and figure marks no more than 0.7 em apart is joined when the whole run makes one figure.
 */
export function joinSpacedLetters<S extends Segment>(segs: readonly S[], known: (text: string) => boolean): S[] {
  const out: S[] = [];
  let i = 0;
  while (i < segs.length) {
    const s = segs[i] as S;
    const kind = HAN.test(s.text) ? HAN : FIGURE_CHAR.test(s.text) ? FIGURE_CHAR : undefined;
    let j = i + 1;
    if (kind) {
      const gap0 = j < segs.length ? (segs[j] as S).x0 - s.x1 : 0;
      while (j < segs.length) {
        const a = segs[j - 1] as S;
        const b = segs[j] as S;
        const gap = b.x0 - a.x1;
        const even =
          kind === HAN ? Math.abs(gap - gap0) <= Math.max(1, 0.2 * gap0) : gap <= 0.7 * Math.max(a.size, b.size);
        if (!kind.test(b.text) || !even || gap < -0.5 || Math.abs(a.y - b.y) > 0.3 * a.size) break;
        j++;
      }
    }
    const run = segs.slice(i, j);
    let take = 1;
    // Longest prefix of the run that joins.
    for (let n = run.length; n >= 2; n--) {
      const part = run.slice(0, n);
      const text = part.map((p) => p.text).join('');
      if (kind === FIGURE_CHAR) {
        // the whole run or nothing: a part of it could end inside the next cell's figure
        if (n === run.length && FIGURE.test(text)) take = n;
        break;
      }
      const gap = (part[1] as S).x0 - (part[0] as S).x1;
      const spread = n >= 3 && gap <= 3 * s.size && !/^[类款项]+$/.test(text);
      if (known(text) || spread) {
        take = n;
        break;
      }
    }
    if (take === 1 && kind === FIGURE_CHAR) {
      // no part of a run that makes no figure is joined either
      out.push(...run);
      i += run.length;
      continue;
    }
    if (take === 1) out.push(s);
    else {
      const part = run.slice(0, take);
      out.push({ ...s, text: part.map((p) => p.text).join(''), x1: (part.at(-1) as S).x1 });
    }
    i += take;
  }
  return out;
}
