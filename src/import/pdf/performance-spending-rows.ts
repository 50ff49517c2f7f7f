// Rows of a money grid whose names and figures may wrap: figure cells (pieces one under another joined) span
// a row's height, so cells whose vertical extents meet are one row, top- or middle-aligned alike. Names go to
// the row their lines overlap; a name beside no figure is a row of blank cells.
import { isDash, isFigure } from '../recognise/cells.ts';
import type { Line } from './lines.ts';
import { columnOf, type GridColumn } from './performance-grid.ts';

/** Column 0 holds the names, the others figures. */
export interface PlacedRow {
  page: number;
  label: string[];
  /** Column index → printed pieces, top to bottom. */
  cells: Map<number, string[]>;
}

interface Piece {
  col: number;
  texts: string[];
  page: number;
  top: number;
  bottom: number;
  size: number;
}

/** Two lines of one cell are at most this many font sizes apart. */
const WRAP_EM = 1.8;
/** Baselines this close (in font sizes) are one line. */
const TOL_EM = 0.3;

/** A figure cut short at the end of a cell line ("66115071.5", "66115071."), completed by `next` ("3"). */
function completes(prev: string, next: string): boolean {
  if (!/^-?[\d,]+(?:\.\d?)?$/.test(prev) || /\.\d{2}$/.test(prev)) return false;
  return /^\.?\d{1,2}$/.test(next) && isFigure(prev + next) && /\.\d{2}$/.test(prev + next);
}

/** Text (no figure, no dash) wrapped in a figure column continues the piece above. */
const isText = (t: string) => !isFigure(t) && !isDash(t) && !/^-?[\d,]+\.?$/.test(t);

/** Rows of the body lines, in printed order; the grid's column 0 holds the names. */
export function placeRows(body: readonly Line[], grid: readonly GridColumn[]): PlacedRow[] {
  const pieces: Piece[] = [];
  const names: Piece[] = [];
  for (const l of body) {
    for (const s of l.segments) {
      const col = columnOf(grid, s);
      const text = s.text.trim();
      if (!text) continue;
      if (col === 0) {
        names.push({ col, texts: [text], page: l.page, top: l.y, bottom: l.y, size: l.size });
        continue;
      }
      const above = pieces.findLast((p) => p.col === col && p.page === l.page);
      const last = above?.texts.at(-1) ?? '';
      const near = above && l.y - above.bottom <= WRAP_EM * l.size;
      if (above && near && completes(last, text)) {
        above.texts[above.texts.length - 1] = last + text;
        above.bottom = l.y;
        continue;
      }
      if (above && near && isText(last) && isText(text)) {
        above.texts.push(text);
        above.bottom = l.y;
        continue;
      }
      pieces.push({ col, texts: [text], page: l.page, top: l.y, bottom: l.y, size: l.size });
    }
  }

  // Rows: figure cells whose extents meet.
  type Band = { page: number; top: number; bottom: number; pieces: Piece[]; names: Piece[] };
  const bands: Band[] = [];
  for (const p of [...pieces].sort((a, b) => a.page - b.page || a.top - b.top)) {
    const b = bands.at(-1);
    if (b && b.page === p.page && p.top <= b.bottom + TOL_EM * p.size) {
      b.bottom = Math.max(b.bottom, p.bottom);
      b.pieces.push(p);
    } else bands.push({ page: p.page, top: p.top, bottom: p.bottom, pieces: [p], names: [] });
  }

  // Name lines in blocks (one cell's lines); top-aligned names start a block on each row's first line.
  const tol = (n: Piece) => TOL_EM * n.size;
  const topAligned = bands.every((b) => names.some((n) => n.page === b.page && Math.abs(n.top - b.top) <= tol(n)));
  const startsRow = (n: Piece) => bands.some((b) => b.page === n.page && Math.abs(n.top - b.top) <= tol(n));
  const blocks: Piece[][] = [];
  for (const n of names) {
    const block = blocks.at(-1);
    const prev = block?.at(-1);
    const joins = prev && prev.page === n.page && n.top - prev.top <= WRAP_EM * n.size && !(topAligned && startsRow(n));
    if (block && joins) block.push(n);
    else blocks.push([n]);
  }
  const meets = (b: Band, n: Piece) => b.page === n.page && n.top >= b.top - tol(n) && n.top <= b.bottom + tol(n);
  const mid = (b: Band) => (b.top + b.bottom) / 2;
  // A middle-aligned cell of an even number of lines has none on its row's figures: its lines straddle them.
  const straddles = (b: Band, block: Piece[]) =>
    block.some((n, i) => {
      const next = block[i + 1];
      return next !== undefined && b.page === n.page && n.top < mid(b) && next.top > mid(b);
    });
  const dist = (b: Band, n: Piece) => (b.page !== n.page ? Infinity : Math.abs(mid(b) - n.top));
  for (const block of blocks) {
    const hit = bands.filter((b) => block.some((n) => meets(b, n)) || straddles(b, block));
    if (hit.length === 1) (hit[0] as Band).names.push(...block);
    else if (hit.length > 1) {
      // A block over several rows: each line to the nearest.
      for (const n of block) {
        const b = hit.reduce((x, y) => (dist(y, n) < dist(x, n) ? y : x));
        b.names.push(n);
      }
    } else {
      const head = block[0] as Piece;
      const above = topAligned ? bands.findLast((b) => b.page === head.page && b.top <= head.top) : undefined;
      const lastName = above?.names.at(-1);
      if (above && lastName && head.top - lastName.top <= WRAP_EM * head.size) above.names.push(...block);
      else {
        // A name beside no figure: a row whose cells are all blank.
        const at = bands.findIndex((b) => b.page > head.page || (b.page === head.page && b.top > head.top));
        const band: Band = { page: head.page, top: head.top, bottom: head.top, pieces: [], names: block };
        bands.splice(at < 0 ? bands.length : at, 0, band);
      }
    }
  }
  return bands.map((b) => {
    const cells = new Map<number, string[]>();
    for (const p of b.pieces.sort((x, y) => x.top - y.top)) cells.set(p.col, [...(cells.get(p.col) ?? []), ...p.texts]);
    return { page: b.page, label: b.names.sort((x, y) => x.top - y.top).flatMap((n) => n.texts), cells };
  });
}
