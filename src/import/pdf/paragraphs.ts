// Narrative lines → paragraphs from geometry: a paragraph starts at an indented line, a numbered line, after a
// line that stops well short of the right margin, or after a vertical gap wider than the usual line pitch.
import type { PrintedText } from '../recognise/printed.ts';
import { numberingOf } from '../recognise/sections.ts';
import type { Line } from './lines.ts';

const ENDS = /[。！？：:；;]$/;

/** Joins a page-ordered run of narrative lines into paragraphs with their source (file, page, box). */
export function linesToParagraphs(file: string, lines: readonly Line[]): PrintedText[] {
  const out: PrintedText[] = [];
  const byPage = new Map<number, Line[]>();
  for (const l of lines) byPage.set(l.page, [...(byPage.get(l.page) ?? []), l]);
  const margins = new Map<number, ReturnType<typeof marginsOf>>();
  for (const [page, ls] of byPage) margins.set(page, marginsOf(ls));
  let cur: (PrintedText & { last: Line }) | undefined;
  for (const l of lines) {
    const text = tidyText(l.text);
    if (!text) continue;
    const m = margins.get(l.page) ?? { left: l.x0, right: l.x1, pitch: l.size * 1.5, bodySize: l.size };
    const prev = cur?.last;
    const indented = l.x0 > m.left + 0.8 * l.size;
    const numbered = numberingOf(text) !== undefined;
    // A heading in a large font wrapped onto a second, centred line.
    const headingWrap =
      prev !== undefined &&
      prev.page === l.page &&
      !numbered &&
      Math.abs(prev.size - l.size) < 0.5 &&
      l.size > m.bodySize * 1.2 &&
      l.y - prev.y < 1.8 * l.size;
    let startNew = !cur || ((indented || numbered) && !headingWrap);
    if (prev && !startNew && !headingWrap) {
      if (prev.page === l.page && l.y - prev.y > m.pitch * 1.6) startNew = true;
      const pm = margins.get(prev.page) ?? m;
      if (prev.x1 < pm.right - 2 * prev.size && ENDS.test(tidyText(prev.text))) startNew = true;
      if (prev.x1 < pm.right - 4 * prev.size) startNew = true;
      if (Math.abs(prev.size - l.size) > 1.5) startNew = true;
    }
    if (!startNew && cur) {
      const sep = /[A-Za-z0-9]$/.test(cur.text) && /^[A-Za-z]/.test(text) ? ' ' : '';
      cur.text += sep + text;
      cur.last = l;
      continue;
    }
    cur = {
      text,
      src: { file, page: l.page, box: [r1(l.x0), r1(l.y - l.size), r1(l.x1), r1(l.y)] },
      last: l,
    };
    out.push(cur);
  }
  return out.map(({ text, src }) => (src ? { text, src } : { text }));
}

/** Spaces between CJK characters come from justification, not from the author: drop them. */
export function tidyText(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(
      /(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’])\s+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’])/gu,
      '',
    )
    .trim();
}

function marginsOf(ls: readonly Line[]): { left: number; right: number; pitch: number; bodySize: number } {
  const xs = ls.map((l) => l.x0).sort((a, b) => a - b);
  const rights = ls.map((l) => l.x1).sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let i = 1; i < ls.length; i++) {
    const d = (ls[i] as Line).y - (ls[i - 1] as Line).y;
    if (d > 0) gaps.push(d);
  }
  gaps.sort((a, b) => a - b);
  const sizes = ls.map((l) => l.size).sort((a, b) => a - b);
  return {
    bodySize: sizes[Math.floor(sizes.length / 2)] ?? 12,
    // The most common left edge: the lower quartile of line starts.
    left: xs[Math.floor(xs.length * 0.25)] ?? 0,
    right: rights[Math.floor(rights.length * 0.9)] ?? 0,
    pitch: gaps[Math.floor(gaps.length / 2)] ?? 18,
  };
}

const r1 = (v: number) => Math.round(v * 10) / 10;
