// Label → value grids of a performance annex (项目概况, 综合结论) from positioned text. A value may wrap over lines:
// top-aligned, its first line is the label's; middle-aligned (vertically centred in a tall row), its lines lie
// above and below the label. Lines without a label go to a labelled line by whichever of the two fits better
// (see misfit).
import { compact } from '../text/performance-tokens.ts';
import type { Line, Segment } from './lines.ts';
import { type CellBlock, misfit, posOf } from './performance-grid.ts';

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
  const fitsMiddle =
    misfit(blocks(anchors, looseRows, middle), 'middle') < misfit(blocks(anchors, looseRows, top), 'top');
  const owners = fitsMiddle ? middle : top;
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

/** Each labelled line's value block: its loose lines, and its own line when the value starts there. */
function blocks(
  anchors: readonly FormLine[],
  looseRows: readonly FormLine[],
  owners: readonly (FormLine | undefined)[],
): CellBlock[] {
  return anchors.flatMap((a) => {
    const at = looseRows.filter((_, k) => owners[k] === a).map((r) => posOf(r.line));
    if (at.length === 0) return [];
    if (a.fields.some((f) => f.pieces.length > 0)) at.push(posOf(a.line));
    return [{ anchor: posOf(a.line), at }];
  });
}
