// Shared geometry for performance annex grids: column boundaries from header positions and the gaps
// between printed cells, and segment → column placement.
import type { Line, Segment } from './lines.ts';

export interface GridColumn<K extends string = string> {
  kind: K;
  /** Header text as printed. */
  header: string;
  x0: number;
  x1: number;
}

export interface Placed {
  seg: Segment;
  line: Line;
  col: number;
}

const centre = (s: { x0: number; x1: number }) => (s.x0 + s.x1) / 2;

/**
 * Column ranges from header cells (left to right) and the body segments under them: the boundary between two
 * header cells lies in the widest strip between them that no body segment covers, or halfway when none is free.
 */
export function columnRanges<K extends string>(
  headers: readonly { kind: K; header: string; x0: number; x1: number }[],
  body: readonly Segment[],
): GridColumn<K>[] {
  const hs = [...headers].sort((a, b) => centre(a) - centre(b));
  const spans = body.map((s) => [s.x0, s.x1] as const).sort((a, b) => a[0] - b[0]);
  const cols: GridColumn<K>[] = hs.map((h) => ({ kind: h.kind, header: h.header, x0: -Infinity, x1: Infinity }));
  for (let i = 0; i + 1 < hs.length; i++) {
    const ha = hs[i] as (typeof hs)[number];
    const hb = hs[i + 1] as (typeof hs)[number];
    // Between the two header cells' edges (a header's own text is inside its column).
    const a = ha.x1 < hb.x0 ? ha.x1 : centre(ha);
    const b = ha.x1 < hb.x0 ? hb.x0 : centre(hb);
    // Free strips within (a, b).
    let best: [number, number] | undefined;
    let at = a;
    for (const [s0, s1] of spans) {
      if (s1 <= at) continue;
      if (s0 >= b) break;
      if (s0 > at && (!best || s0 - at > best[1] - best[0])) best = [at, Math.min(s0, b)];
      at = Math.max(at, s1);
      if (at >= b) break;
    }
    if (at < b && (!best || b - at > best[1] - best[0])) best = [at, b];
    const cut = best ? (best[0] + best[1]) / 2 : (a + b) / 2;
    (cols[i] as GridColumn<K>).x1 = cut;
    (cols[i + 1] as GridColumn<K>).x0 = cut;
  }
  return cols;
}

/** Index of the column holding the segment's centre. */
export function columnOf(cols: readonly GridColumn[], s: Segment): number {
  const c = centre(s);
  const i = cols.findIndex((k) => c >= k.x0 && c < k.x1);
  return i < 0 ? cols.length - 1 : i;
}

/** Joins wrapped pieces of one cell: no space between CJK pieces, one between Latin words. */
export function joinCell(parts: readonly string[]): string {
  let out = '';
  for (const p of parts) {
    const t = p.trim();
    if (!t) continue;
    if (out && /[A-Za-z]$/.test(out) && /^[A-Za-z]/.test(t)) out += ' ';
    out += t;
  }
  return out;
}

/** Reading-order position of a line (pages far apart). */
export function posOf(l: { page: number; y: number }): number {
  return l.page * 10000 + l.y;
}

/** A cell's lines (reading-order positions) and the position of its row's or label's line. */
export interface CellBlock {
  anchor: number;
  at: number[];
}

/**
 * How far cells sit from where an alignment puts them: the first line (top) or the middle of the lines (middle) on
 * the anchor's line; plus, for each two lines of one cell, how much wider their gap is than the closest such gap
 * (lines of one cell are one line pitch apart, a line of another row's cell is further by the cell padding).
 */
export function misfit(blocks: readonly CellBlock[], align: 'top' | 'middle'): number {
  let sum = 0;
  const gaps: number[] = [];
  for (const b of blocks) {
    const at = [...new Set(b.at)].sort((x, y) => x - y);
    const lo = at[0] as number;
    const hi = at[at.length - 1] as number;
    sum += Math.abs((align === 'top' ? lo : (lo + hi) / 2) - b.anchor);
    for (let i = 1; i < at.length; i++) {
      const g = (at[i] as number) - (at[i - 1] as number);
      if (g < 5000) gaps.push(g); // same page
    }
  }
  const pitch = Math.min(...gaps);
  for (const g of gaps) sum += g - pitch;
  return sum;
}
