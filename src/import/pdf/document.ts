// Positioned text → page lines (page numbers dropped), and the tables found by their titles.
import type { Table } from '../../model/disclosure.ts';
import { type TableDef, TEMPLATES, type Template, tableByTitle } from '../../model/templates.ts';
import { headsTable } from '../recognise/columns.ts';
import { recogniseTitle } from '../recognise/titles.ts';
import type { PdfText } from './extract.ts';
import { buildLines, type Line, squashText } from './lines.ts';
import { readTable, type TitleHit } from './tables.ts';

export interface PdfLayout {
  lines: Line[];
  pages: number;
  /** Pages with no text layer or that failed to parse. */
  unreadPages: { page: number; reason: string }[];
}

/** All lines of the document in reading order (page, then top to bottom). */
export function layoutOf(text: PdfText): PdfLayout {
  const lines: Line[] = [];
  const unreadPages: PdfLayout['unreadPages'] = [];
  const edge = new Map<string, Set<number>>();
  const heights = new Map<number, number>();
  for (const p of text.pages) {
    if (p.error) unreadPages.push({ page: p.page, reason: p.error });
    heights.set(p.page, p.height);
    const pageLines = buildLines(p.page, p.items);
    for (const l of pageLines) {
      if (l.y > p.height * 0.08 && l.y < p.height * 0.94) continue;
      const k = runningKey(l.text);
      edge.set(k, (edge.get(k) ?? new Set()).add(p.page));
    }
    lines.push(...pageLines.filter((l, i) => !isPageFurniture(l, i, pageLines.length, p.height)));
  }
  // A running header or footer: the same text at the top or bottom edge of at least three pages.
  const running = (l: Line) => {
    const h = heights.get(l.page) ?? 0;
    if (l.y > h * 0.08 && l.y < h * 0.94) return false;
    return (edge.get(runningKey(l.text))?.size ?? 0) >= 3;
  };
  return { lines: lines.filter((l) => !running(l)), pages: text.pages.length, unreadPages };
}

/** Running header text with its page number taken out ("第 3 页" and "第 4 页" are the same running line). */
function runningKey(text: string): string {
  return text.replace(/\s+/g, '').replace(/\d+/g, '#');
}

/** A page number printed alone at the top or bottom edge ("- 3 -", "3", "第 3 页"). */
function isPageFurniture(l: Line, index: number, count: number, height: number): boolean {
  const t = l.text.trim();
  const pageNo =
    /^[-—–\s]*\d{1,4}\s*(?:[/／]\s*\d{1,4})?[-—–\s]*$/.test(t) ||
    /^第\s*\d+\s*页(?:\s*[，,]?\s*共\s*\d+\s*页)?$/.test(t);
  if (!pageNo) return false;
  const atEdge = (index === count - 1 && l.y > height * 0.85) || (index === 0 && l.y < height * 0.12);
  return atEdge;
}

export function findTitles(lines: readonly Line[], template: Template): TitleHit[] {
  const hits: TitleHit[] = [];
  const defOf = (text: string, index: number, span: number) => {
    const r = recogniseTitle(text, { numbered: true });
    if (!r) return undefined;
    const def = tableByTitle(template, r.title) ?? TEMPLATES.map((t) => tableByTitle(t, r.title)).find(Boolean);
    // a continuation ("（续）") is never a contents line
    if (!def || (r.numbered && !r.continued && !headerFollows(lines, index + span, def))) return undefined;
    return { title: r.title, def };
  };
  for (let index = 0; index < lines.length; index++) {
    const l = lines[index] as Line;
    if (l.text.length > 40) continue;
    const one = defOf(l.text, index, 1);
    if (one) {
      hits.push({ index, ...one });
      continue;
    }
    // A long title (department and year before it) wrapped onto a second line in the same font.
    const next = lines[index + 1];
    if (!next || next.page !== l.page || Math.abs(next.size - l.size) > 0.5 || next.y - l.y > 2 * l.size) continue;
    const joined = squashText(l.text) + squashText(next.text);
    const two = joined.length <= 48 ? defOf(joined, index, 2) : undefined;
    if (two) {
      hits.push({ index, ...two, lines: 2 });
      index++;
    }
  }
  return hits;
}

/**
 * A header of `def` printed in the lines from `from` on its page, before any other title: what a numbered title
 * ("附件1 收入支出决算总表", "一、收入决算表") needs to stand, since a contents page lists titles the same way.
 */
function headerFollows(lines: readonly Line[], from: number, def: TableDef): boolean {
  const page = lines[from - 1]?.page;
  const cells: string[] = [];
  for (let i = from; i < Math.min(lines.length, from + 12); i++) {
    const l = lines[i] as Line;
    if (l.page !== page || recogniseTitle(l.text, { numbered: true })) break;
    cells.push(...l.segments.map((s) => s.text));
    if (headsTable(cells, def)) return true;
  }
  return false;
}

export function readTables(
  file: string,
  lines: readonly Line[],
  template: Template,
): { tables: Table[]; used: Set<number> } {
  const hits = findTitles(lines, template);
  const tables: Table[] = [];
  const used = new Set<number>();
  hits.forEach((hit, i) => {
    const end = hits[i + 1]?.index ?? lines.length;
    const r = readTable(file, lines, hit, end, template);
    tables.push(r.table);
    for (const u of r.used) used.add(u);
  });
  return { tables, used };
}
