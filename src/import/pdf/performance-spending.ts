// 项目支出内容 of a performance annex from positioned text: columns from the recognised header cells, item rows
// anchored by the lines that print their figures, wrapped names and figures joined. A header that is not
// recognised leaves the part unread; a cell that is no amount is unread, a blank cell stays blank.
import type { Cell, Row, Source } from '../../model/disclosure.ts';
import type { Unit } from '../../model/money.ts';
import { SPENDING_COLUMNS, spendingRowKey } from '../../model/performance.ts';
import { squash } from '../../model/templates.ts';
import { toCell, unreadCell } from '../recognise/cells.ts';
import { readUnitLine } from '../recognise/header.ts';
import {
  isSpendingChild,
  isSpendingHeaderPiece,
  isSpendingLabelHeader,
  isSpendingParent,
  spendingColumn,
  spendingHeaderWords,
} from '../recognise/performance.ts';
import type { Line, Segment } from './lines.ts';
import { columnRanges, joinCell } from './performance-grid.ts';
import { placeRows } from './performance-spending-rows.ts';

type Unread = { reason: string; src?: Source };

/** A header cell: pieces printed one above the other in one cell. */
interface HeadCell {
  text: string;
  x0: number;
  x1: number;
  /** Index of the first and last header line it is printed on. */
  top: number;
  bottom: number;
  /** Baseline of its lowest piece. */
  y: number;
}

/** Two lines of one cell are at most this many font sizes apart. */
const WRAP_EM = 1.8;

const overlaps = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) => a.x0 < b.x1 && b.x0 < a.x1;
const centre = (s: { x0: number; x1: number }) => (s.x0 + s.x1) / 2;

/** Header lines printed just above the title line (its cell middle-aligned in a two-row header): where the part starts. */
export function spendingHeaderStart(lines: readonly Line[], title: number): number {
  let at = title;
  for (let k = title - 1; k >= 0 && k >= title - 2; k--) {
    const l = lines[k] as Line;
    const below = lines[at] as Line;
    if (l.page !== below.page || below.y - l.y > WRAP_EM * l.size) break;
    if (!l.segments.every((s) => isSpendingHeaderPiece(s.text))) break;
    at = k;
  }
  return at;
}

/**
 * Reads the part from its lines, the title line ("项目支出内容", possibly the header's first cell) included.
 * `unit` is the funds table's unit, used unless the part prints its own.
 */
export function readSpending(
  file: string,
  lines: readonly Line[],
  titleSrc: Source,
  unit: Unit,
): { rows: Row[]; unread: Unread[] } {
  const unread: Unread[] = [];
  const rows: Row[] = [];
  const own = lines.map((l) => readUnitLine(l.text)?.unit).find((u) => u !== undefined);
  const u: Unit = own ?? unit;
  const all = lines.filter((l) => !readUnitLine(l.text));
  const title = all[0];
  if (!title) return { rows, unread: [{ reason: '项目支出内容无数据行 / no rows found', src: titleSrc }] };

  // Header lines: the title line, then lines made only of header words (pieces of them when a cell wraps).
  const head: Segment[][] = [title.segments];
  let i = 1;
  for (; i < all.length; i++) {
    const segs = (all[i] as Line).segments;
    if (!segs.every((s) => isSpendingHeaderPiece(s.text))) break;
    // A lone "合计" left of every column heading is the total row, not a heading.
    const seen = head.flat().filter((s) => !isSpendingLabelHeader(spendingHeaderWords(s.text) ?? []));
    const lone = segs.length === 1 && squash((segs[0] as Segment).text) === '合计';
    if (lone && (seen.length === 0 || centre(segs[0] as Segment) < Math.min(...seen.map((s) => s.x0)))) break;
    head.push(segs);
  }
  // The table ends at a note under it ("注：…").
  const end = all.findIndex((l, k) => k >= i && /^(注|说明)[:：]/.test(squash(l.text)));
  const body = all.slice(i, end < 0 ? all.length : end);
  if (end >= 0) {
    const note = joinCell(all.slice(end).map((l) => l.text));
    unread.push({
      reason: `表下注释未读 / note under the table not read: ${note}`,
      src: { file, page: (all[end] as Line).page },
    });
  }
  const headerText = head.map((segs) => segs.map((s) => s.text).join(' ')).join(' / ');
  const refuse = (why: string) => {
    unread.push({
      reason: `项目支出内容表头无法识别（${why}），本部分未读 / header not recognised (${why}), part not read: ${headerText}`,
      src: titleSrc,
    });
    return { rows, unread };
  };

  // Header cells: a piece that does not end a word continues the nearest cell piece above it (a middle-aligned
  // cell may print its line between the two lines of a wrapped one).
  const cells: HeadCell[] = [];
  head.forEach((segs, k) => {
    for (const s of segs) {
      const above = cells
        .filter((c) => c.bottom < k && overlaps(c, s) && !spendingHeaderWords(c.text))
        .filter((c) => s.y - c.y <= WRAP_EM * s.size)
        .at(-1);
      if (above) {
        above.text += squash(s.text);
        above.x0 = Math.min(above.x0, s.x0);
        above.x1 = Math.max(above.x1, s.x1);
        above.bottom = k;
        above.y = s.y;
      } else cells.push({ text: squash(s.text), x0: s.x0, x1: s.x1, top: k, bottom: k, y: s.y });
    }
  });
  const words = new Map(cells.map((c) => [c, spendingHeaderWords(c.text)]));
  const broken = cells.filter((c) => !words.get(c));
  if (broken.length > 0) return refuse(broken.map((c) => c.text).join('、'));
  const wordsOf = (c: HeadCell) => words.get(c) ?? [];
  const labels = cells.filter((c) => isSpendingLabelHeader(wordsOf(c)));
  const parents = cells.filter(
    (c) => isSpendingParent(wordsOf(c)) && cells.some((o) => o.top > c.bottom && isSpendingChild(wordsOf(o)[0])),
  );
  const leaves = cells.filter((c) => !labels.includes(c) && !parents.includes(c));
  const columns: { id: string; x0: number; x1: number }[] = [];
  for (const c of leaves) {
    let path = wordsOf(c);
    if (isSpendingChild(path[0])) {
      const over = parents
        .filter((p) => p.bottom < c.top)
        .reduce<HeadCell | undefined>(
          (b, p) => (!b || Math.abs(centre(p) - centre(c)) < Math.abs(centre(b) - centre(c)) ? p : b),
          undefined,
        );
      if (over) path = [...wordsOf(over), ...path];
    }
    const col = spendingColumn(path);
    if (!col) return refuse(path.join('/'));
    if (columns.some((x) => x.id === col.id)) return refuse(`${path.join('/')} 重复 / twice`);
    columns.push({ id: col.id, x0: c.x0, x1: c.x1 });
  }
  if (columns.length === 0) return refuse('无金额列 / no amount column');
  columns.sort((a, b) => a.x0 - b.x0);

  // The item-name column: its header cell, the title when printed left of the figures, or the body's left edge.
  const firstX = (columns[0] as (typeof columns)[number]).x0;
  const bodySegs = body.flatMap((l) => l.segments);
  const titleSeg = title.segments[0] as Segment;
  const label = labels.find((c) => c.x1 <= firstX) ?? (titleSeg.x1 <= firstX ? titleSeg : undefined);
  const left = Math.min(firstX, ...bodySegs.map((s) => s.x0));
  const grid = columnRanges(
    [
      { kind: 'label', header: '', x0: label?.x0 ?? left, x1: label?.x1 ?? left },
      ...columns.map((c) => ({ kind: c.id, header: c.id, ...c })),
    ],
    bodySegs,
  );

  const placed = placeRows(body, grid);
  if (placed.length === 0) {
    unread.push({ reason: '项目支出内容无数据行 / no rows found', src: titleSrc });
    return { rows, unread };
  }
  for (const r of placed) {
    const src: Source = { file, page: r.page };
    const text = joinCell(r.label);
    const cellsOf: Record<string, Cell> = {};
    for (const c of SPENDING_COLUMNS) {
      const k = grid.findIndex((g) => g.kind === c.id);
      if (k < 0) continue;
      const printed = joinCell(r.cells.get(k) ?? []);
      const cell = toCell(printed, u, src);
      cellsOf[c.id] = cell.kind === 'text' ? unreadCell(`不是金额 / not an amount: "${printed}"`, src) : cell;
    }
    rows.push({ key: spendingRowKey(text, rows.length + 1), label: text, cells: cellsOf, src });
  }
  return { rows, unread };
}
