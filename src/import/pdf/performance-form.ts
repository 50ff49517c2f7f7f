// Label → value grids of a performance annex (项目概况, 综合结论) from positioned text. A value may wrap over lines:
// top-aligned, its first line is the label's; middle-aligned (vertically centred in a tall row), its lines lie
// above and below the label. Lines without a label go to a labelled line by whichever of the two fits better.
import { compact } from '../text/performance-tokens.ts';
import type { Line, Segment } from './lines.ts';
import { posOf } from './performance-grid.ts';

export interface FormField {
  label: string;
  /** Value pieces in reading order. */
  parts: string[];
  src: Line;
}

interface Field {
  label: string;
  pieces: { text: string; pos: number; x: number }[];
  src: Line;
  /** Where the value starts on the label's line. */
  x: number;
}

/** A known label made of segments i..j (a label may print as "联系人", "/", "电话"). */
function labelAt(
  segs: readonly Segment[],
  i: number,
  labels: readonly string[],
): { label: string; end: number } | undefined {
  let acc = '';
  let best: { label: string; end: number } | undefined;
  for (let j = i; j < segs.length && j < i + 4; j++) {
    acc += compact((segs[j] as Segment).text);
    const hit = labels.find((l) => compact(l) === acc);
    if (hit) best = { label: hit, end: j + 1 };
    if (!labels.some((l) => compact(l).startsWith(acc))) break;
  }
  return best;
}

/** A labelled line and its fields; `loose` are the line's segments under no label (before the first one). */
interface FormLine {
  line: Line;
  fields: Field[];
  loose: Segment[];
}

/** Label → value pairs of a form grid, in printed order. */
export function readForm(lines: readonly Line[], labels: readonly string[]): FormField[] {
  const rows: FormLine[] = lines.map((line) => {
    const fields: Field[] = [];
    const loose: Segment[] = [];
    const segs = line.segments;
    for (let i = 0; i < segs.length; i++) {
      const hit = labelAt(segs, i, labels);
      if (hit) {
        const x = (segs[hit.end] as Segment | undefined)?.x0 ?? 0;
        fields.push({ label: hit.label, pieces: [], src: line, x });
        i = hit.end - 1;
        continue;
      }
      const s = segs[i] as Segment;
      const f = fields.at(-1);
      if (f) f.pieces.push({ text: s.text, pos: posOf(line), x: s.x0 });
      else loose.push(s);
    }
    return { line, fields, loose };
  });
  const anchors = rows.filter((r) => r.fields.length > 0);
  const looseRows = rows.filter((r) => r.loose.length > 0);
  const top = looseRows.map((r) => ownerOf(r, anchors, 'top'));
  const middle = looseRows.map((r) => ownerOf(r, anchors, 'middle'));
  const owners = misfit(anchors, looseRows, middle, 'middle') < misfit(anchors, looseRows, top, 'top') ? middle : top;
  looseRows.forEach((r, k) => {
    const a = owners[k];
    if (!a) return;
    for (const s of r.loose) {
      const near = a.fields.reduce((b, f) => (Math.abs(f.x - s.x0) < Math.abs(b.x - s.x0) ? f : b));
      near.pieces.push({ text: s.text, pos: posOf(r.line), x: s.x0 });
    }
  });
  return anchors.flatMap((a) =>
    a.fields.map((f) => ({
      label: f.label,
      parts: [...f.pieces].sort((p, q) => p.pos - q.pos || p.x - q.x).map((p) => p.text),
      src: f.src,
    })),
  );
}

/**
 * The labelled line a line without a label belongs to. Top-aligned: the last labelled line above it.
 * Middle-aligned: the nearest labelled line on its page (the last one above when its page has none).
 */
function ownerOf(r: FormLine, anchors: readonly FormLine[], align: 'top' | 'middle'): FormLine | undefined {
  const at = posOf(r.line);
  const above = anchors.findLast((a) => a !== r && posOf(a.line) <= at);
  if (align === 'top') return above;
  const samePage = anchors.filter((a) => a !== r && a.line.page === r.line.page);
  if (samePage.length === 0) return above;
  return samePage.reduce((b, a) => (Math.abs(posOf(a.line) - at) < Math.abs(posOf(b.line) - at) ? a : b));
}

/**
 * How far the value blocks sit from where the alignment puts them: the block's first line on the label's
 * (top) or the block's middle on the label's (middle), summed over labels with lines of their own below or above.
 */
function misfit(
  anchors: readonly FormLine[],
  looseRows: readonly FormLine[],
  owners: readonly (FormLine | undefined)[],
  align: 'top' | 'middle',
): number {
  let sum = 0;
  for (const a of anchors) {
    const ys = looseRows.filter((_, k) => owners[k] === a).map((r) => posOf(r.line));
    if (ys.length === 0) continue;
    if (a.fields.some((f) => f.pieces.length > 0)) ys.push(posOf(a.line));
    const lo = Math.min(...ys);
    const hi = Math.max(...ys);
    sum += Math.abs((align === 'top' ? lo : (lo + hi) / 2) - posOf(a.line));
  }
  return sum;
}
