// A table's header from geometry: leaf cells become column anchors; text above a leaf (a wrapped header or a
// spanning parent such as "本年支出" or "公务用车购置及运行费") becomes its header path.
import type { Segment } from './lines.ts';

export interface HeaderSeg extends Segment {
  page: number;
}

export interface LeafColumn {
  /** Header path, outermost first. */
  path: string[];
  /** Extent of the column's cell: from the midpoint to the left neighbour to the midpoint to the right one. */
  x0: number;
  x1: number;
  /** Extent of the printed leaf text. */
  tx0: number;
  tx1: number;
}

const overlaps = (a: { x0: number; x1: number }, b: { x0: number; x1: number }, tol = 0) =>
  a.x0 < b.x1 - tol && b.x0 < a.x1 - tol;

interface Node {
  seg: HeaderSeg;
  /** First and last leaf index covered. */
  from: number;
  to: number;
  /** Wrapped text lines of this header cell, top first. */
  texts: string[];
}

/** Two complete header names, one above the other: a parent and its child, not one wrapped name. */
function twoNames(upper: string, lower: string, words: ReadonlySet<string>): boolean {
  const known = (t: string) => words.has(t.replace(/\s+/g, ''));
  return known(upper) && known(lower) && !known(upper + lower);
}

/** "类", "款", "项" printed side by side under 科目编码: column marks, never a wrapped line. */
function isCodeLevelMark(l: HeaderSeg, all: readonly HeaderSeg[]): boolean {
  const mark = (s: HeaderSeg) => /^[类款项]$/.test(s.text.trim());
  return mark(l) && all.some((o) => o !== l && mark(o) && Math.abs(o.y - l.y) < 0.5 * l.size);
}

/**
 * Wrapped lines of one header cell, top down: the single segment one line below that lies within the cell's
 * text so far (or shares its centre or left edge) continues it.
 */
function stackWrapped(segs: readonly HeaderSeg[], words: ReadonlySet<string>): (HeaderSeg & { bottom: number })[] {
  const sorted = [...segs].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const taken = new Set<HeaderSeg>();
  const out: (HeaderSeg & { bottom: number })[] = [];
  for (const u of sorted) {
    if (taken.has(u)) continue;
    taken.add(u);
    const parts = [u];
    let x0 = u.x0;
    let x1 = u.x1;
    for (;;) {
      const last = parts[parts.length - 1] as HeaderSeg;
      const ext = { x0, x1 };
      const band = sorted.filter(
        (l) => !taken.has(l) && l.y - last.y > 0.5 * u.size && l.y - last.y <= 2.1 * u.size && overlaps(ext, l, 0.5),
      );
      const l = band[0];
      if (band.length !== 1 || !l || isCodeLevelMark(l, sorted)) break;
      const tol = 0.6 * u.size;
      const inside = l.x0 >= x0 - tol && l.x1 <= x1 + tol;
      const aligned = Math.abs((x0 + x1) / 2 - (l.x0 + l.x1) / 2) <= tol || Math.abs(x0 - l.x0) <= tol;
      const rival = sorted.some(
        (o) => !parts.includes(o) && l.y - o.y > 0.5 * o.size && l.y - o.y <= 2.1 * o.size && overlaps(o, l, 0.5),
      );
      // Farther than a usual line pitch: a line with others beside it and more text below is a header of its own.
      const far = l.y - last.y > 1.6 * u.size;
      const lone = !sorted.some((o) => o !== l && Math.abs(o.y - l.y) < 0.5 * l.size);
      const continues = sorted.some(
        (o) => o.y - l.y > 0.5 * l.size && o.y - l.y <= 2.1 * l.size && overlaps(o, l, 0.5),
      );
      const soFar = parts.map((p) => p.text.trim()).join('');
      if (!(inside || aligned) || rival || (far && !lone && continues) || twoNames(soFar, l.text.trim(), words)) break;
      parts.push(l);
      taken.add(l);
      x0 = Math.min(x0, l.x0);
      x1 = Math.max(x1, l.x1);
    }
    out.push({
      ...u,
      text: parts.map((p) => p.text.trim()).join(''),
      x0,
      x1,
      bottom: Math.max(...parts.map((p) => p.y)),
    });
  }
  return out;
}

/**
 * A header centred over the gap between two neighbouring cells on a lower line, with nothing else on its own
 * line or in between over them: a parent over two columns whose centred texts lie clear of it (合计 over
 * 预算数 / 决算数 in wide columns).
 */
function straddles(s: HeaderSeg & { bottom: number }, segs: readonly (HeaderSeg & { bottom: number })[]): boolean {
  const lower = segs.filter((t) => t.y > s.bottom + 0.5 * s.size);
  const a = lower.filter((t) => t.x1 <= s.x0).sort((p, q) => q.x1 - p.x1)[0];
  if (!a) return false;
  const b = lower.filter((t) => Math.abs(t.y - a.y) < 0.5 * a.size && t.x0 >= s.x1).sort((p, q) => p.x0 - q.x0)[0];
  if (!b || Math.abs((a.x0 + b.x1) / 2 - (s.x0 + s.x1) / 2) > 0.6 * s.size) return false;
  const between = segs.filter(
    (t) => t !== s && t !== a && t !== b && t.y > s.y - 0.5 * s.size && t.y < a.y - 0.5 * a.size,
  );
  return !between.some((t) => overlaps(t, { x0: a.x0, x1: b.x1 }));
}

/**
 * Builds the leaf columns of a header. A leaf is a header cell with nothing printed below it; every other
 * cell covers the run of leaf columns that it is centred on and that nests with the runs below it. A heading
 * alone on the top line and centred on the whole table covers all columns (财政拨款“三公”经费), not just a centred
 * middle run.
 */
export function buildLeafColumns(
  raw: readonly HeaderSeg[],
  left: number,
  right: number,
  words: ReadonlySet<string> = new Set(),
): LeafColumn[] {
  if (raw.length === 0) return [];
  const segs = stackWrapped(raw, words);
  const isLeaf = (s: HeaderSeg & { bottom: number }) =>
    !segs.some((t) => t !== s && t.y > s.bottom + 0.5 * s.size && overlaps(s, t, -0.3 * s.size)) && !straddles(s, segs);
  const leaves = segs.filter(isLeaf).sort((a, b) => (a.x0 + a.x1) / 2 - (b.x0 + b.x1) / 2);
  // Cells split the gaps between leaves; an edge cell mirrors its inner gap around its text, within the table.
  const cells = leaves.map((l, i) => {
    const prev = leaves[i - 1];
    const next = leaves[i + 1];
    const x0 = prev ? (prev.x1 + l.x0) / 2 : undefined;
    const x1 = next ? (l.x1 + next.x0) / 2 : undefined;
    const pad = Math.max(l.x0 - (x0 ?? l.x0), (x1 ?? l.x1) - l.x1, l.size);
    return {
      x0: x0 ?? Math.max(Math.min(left, l.x0), l.x0 - pad),
      x1: x1 ?? Math.min(Math.max(right, l.x1), l.x1 + pad),
    };
  });
  const nodes: Node[] = leaves.map((l, i) => ({ seg: l, from: i, to: i, texts: [l.text] }));
  const inner = segs.filter((s) => !leaves.includes(s)).sort((a, b) => b.y - a.y);
  const top = Math.min(...segs.map((s) => s.y));
  for (const s of inner) {
    const centre = (s.x0 + s.x1) / 2;
    const below = nodes.filter((n) => n.seg.y > s.y);
    // The smallest run that holds the text centred; a run already taken by a header further below only as its
    // wrapped line (close above it).
    let best: { from: number; to: number; d: number } | undefined;
    const tol = s.size * 0.6;
    // Other inner headers on the same line split the leaves between them at the midpoints.
    const siblings = inner.filter((o) => o !== s && Math.abs(o.y - s.y) < 0.5 * s.size);
    const lo = Math.max(
      -Infinity,
      ...siblings.filter((o) => o.x1 <= s.x0).map((o) => ((o.x0 + o.x1) / 2 + centre) / 2),
    );
    const hi = Math.min(Infinity, ...siblings.filter((o) => o.x0 >= s.x1).map((o) => ((o.x0 + o.x1) / 2 + centre) / 2));
    const leafCentre = (k: number) => {
      const l = leaves[k] as HeaderSeg;
      return (l.x0 + l.x1) / 2;
    };
    if (/^(预算数|决算数)$/.test(s.text.trim()) && siblings.length > 0) {
      // A budget/actual group spanning item columns (2019 layout): all leaves of its share.
      const mine = leaves.map((_, k) => k).filter((k) => leafCentre(k) > lo && leafCentre(k) < hi);
      const from = mine[0];
      const to = mine.at(-1);
      if (from !== undefined && to !== undefined) best = { from, to, d: 0 };
    }
    const grouped = best !== undefined;
    // Alone on the top line: a table-wide heading when centred on the whole table.
    const wide = Math.abs(s.y - top) < 0.5 * s.size && !segs.some((o) => o !== s && Math.abs(o.y - s.y) < 0.5 * s.size);
    let whole: typeof best;
    let parent: typeof best;
    for (let i = 0; i < cells.length && !grouped; i++) {
      if (leafCentre(i) <= lo) continue;
      for (let j = i; j < cells.length; j++) {
        const a = cells[i];
        const b = cells[j];
        if (!a || !b || leafCentre(j) >= hi) continue;
        if (s.x0 < a.x0 - tol || s.x1 > b.x1 + tol) continue;
        if (below.some((n) => n.from <= j && n.to >= i && !(n.from >= i && n.to <= j))) continue;
        // Centred on the run's cells, or on its leaf texts (cells guessed from text gaps are lopsided beside a wide
        // column: 经济分类 / 科目编码 over 类 | 款 next to 科目名称).
        const d = Math.min(
          Math.abs((a.x0 + b.x1) / 2 - centre),
          Math.abs((leafCentre(i) + leafCentre(j)) / 2 - centre),
        );
        if (d > Math.max(0.12 * (b.x1 - a.x0), s.size)) continue;
        const same = below.find((n) => n.from === i && n.to === j);
        // Centred over a header below that is a name of its own: its parent, over a wider run (公务用车购置及运行费
        // straight above 公务用车购置费, in the middle of 小计 | 购置费 | 运行费).
        if (same && twoNames(s.text.trim(), same.texts.join(''), words)) continue;
        if (same && same.seg.y - s.bottom >= 1.6 * s.size) {
          // Far above a header spanning the same run: its parent, unless a wider run centres it as well.
          if (same.from < same.to && (!parent || d < parent.d)) parent = { from: i, to: j, d };
          continue;
        }
        if (wide && i === 0 && j === cells.length - 1) whole = { from: i, to: j, d };
        const better = !best || j - i < best.to - best.from || (j - i === best.to - best.from && d < best.d);
        if (better) best = { from: i, to: j, d };
      }
    }
    if (whole) best = whole;
    else if (parent && (!best || best.d > parent.d + s.size)) best = parent;
    if (!best) continue;
    const { from, to } = best;
    // The same run as a header below: a wrapped line of that header cell.
    const same = below.filter((n) => n.from === from && n.to === to).sort((a, b) => a.seg.y - b.seg.y)[0];
    if (same && same.seg.y - s.bottom < 1.6 * s.size) {
      same.texts.unshift(s.text);
      same.seg = { ...same.seg, y: s.y };
      continue;
    }
    nodes.push({ seg: s, from, to, texts: [s.text] });
  }
  return leaves.map((l, i) => {
    const path = nodes
      .filter((n) => n.from <= i && n.to >= i)
      .sort((a, b) => a.seg.y - b.seg.y || b.to - b.from - (a.to - a.from))
      .map((n) => n.texts.join(''));
    const cell = cells[i] ?? { x0: l.x0, x1: l.x1 };
    return { path, x0: cell.x0, x1: cell.x1, tx0: l.x0, tx1: l.x1 };
  });
}
