// Splitting an extracted text into its parts: narrative, tables, glossary (名词解释) and annexes (附件).
import { type RowDef, type TableDef, TEMPLATES, type Template } from '../../model/templates.ts';
import { headsTable } from '../recognise/columns.ts';
import { startsFixedLabel } from '../recognise/rows.ts';
import { isPageMark, numberingOf } from '../recognise/sections.ts';
import { recogniseTitle } from '../recognise/titles.ts';
import type { TextLine } from './lines.ts';
import type { TableText } from './tables.ts';

export interface DocumentParts {
  narrative: TextLine[];
  glossary: TextLine[];
  tables: TableText[];
  /** Lines from the first annex label ("附件1-1") on. */
  annexes: TextLine[];
  /** Tables whose title is in no template: title and lines, reported as unread. */
  unknownTables: { title: TextLine; lines: TextLine[] }[];
}

/** "附件1-1", "附件 2", "附件1：2019年度项目支出绩效自评表". */
const ANNEX = /^附件\s*\d+(?:\s*[-—－]\s*\d+)?(?:\s*[：:、]?\s*\S{0,40}(?:表|报告))?$/;
const NOTE = /^(?:注|说明|备注)\s*[：:]/;

const TABLE_TITLE_END = /(?:决算表|决算总表|情况表|明细表)(?:[（(]续(?:表)?[）)])?$/;

/** A line that reads like a table title but names no known table ("…“三公”经费及会议费、培训费支出决算表"). */
export function looksLikeTableTitle(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return t.length <= 40 && TABLE_TITLE_END.test(t) && numberingOf(t) === undefined && !/[，。：；]/.test(t);
}

export function isAnnexStart(text: string): boolean {
  return ANNEX.test(text.replace(/\s+/g, ''));
}

/**
 * The table definition for a kind: from the document's template, else from any template that has it. Summary
 * tables read by label know the rows of every template (a 2024 table outside Shanghai has the 2024 rows; a 2019
 * one its 年末 fund lines), on the widest template's columns and the document's own template number.
 */
export function defFor(template: Template, kind: TableDef['kind']): TableDef | undefined {
  const own = template.tables.find((d) => d.kind === kind);
  const all = TEMPLATES.flatMap((t) => t.tables).filter((d) => d.kind === kind);
  const def = own ?? all[0];
  if (def?.rows !== 'fixed') return def;
  const widest = all.reduce((a, b) => ((b.fixedRows?.length ?? 0) > (a.fixedRows?.length ?? 0) ? b : a), def);
  const fixedRows = unionRows([widest, ...all].map((d) => d.fixedRows ?? []));
  return { ...widest, number: def.number, fixedRows };
}

/** Row lists merged: each list's order kept, a row missing so far placed after the last row it shares. */
function unionRows(lists: readonly (readonly RowDef[])[]): RowDef[] {
  const out: RowDef[] = [];
  for (const list of lists) {
    let at = 0;
    for (const r of list) {
      const i = out.findIndex((x) => x.key === r.key);
      if (i >= 0) at = i + 1;
      else out.splice(at++, 0, r);
    }
  }
  return out;
}

/** A header of the table `kind` in the lines from `from`, before any other title (whitespace separates cells). */
function headerFollows(lines: readonly TextLine[], from: number, kind: TableDef['kind'], template: Template): boolean {
  const def = defFor(template, kind);
  if (!def) return false;
  const cells: string[] = [];
  for (let i = from; i < Math.min(lines.length, from + 12); i++) {
    const text = (lines[i] as TextLine).text.trim();
    if (recogniseTitle(text, { numbered: true })) break;
    cells.push(...text.split(/\s+/));
    if (headsTable(cells, def)) return true;
  }
  return false;
}

/** A numbered heading that cannot be a row of the table being read: ends the table. */
function endsTable(l: TextLine, def: TableDef, inNotes: boolean, prev: TextLine | undefined): boolean {
  const text = l.text.trim();
  const n = numberingOf(text);
  if (inNotes && prev && l.page !== prev.page && !isPageMark(text)) return true;
  if (!n || n.level > 2) return false;
  if (/\d\.\d/.test(text) && !inNotes) return false; // a row with figures
  const first = text.split(/\s+/)[0] ?? '';
  if (!inNotes && startsFixedLabel(def, first)) return false;
  return true;
}

export function splitDocument(lines: readonly TextLine[], template: Template): DocumentParts {
  const parts: DocumentParts = { narrative: [], glossary: [], tables: [], annexes: [], unknownTables: [] };
  let table: TableText | undefined;
  let unknown: { title: TextLine; lines: TextLine[] } | undefined;
  let inNotes = false;
  let glossaryLevel: number | undefined;
  let prev: TextLine | undefined;
  const NO_ROWS = { kind: 'income', number: 0, titles: [], columns: [], rows: 'single' } as const satisfies TableDef;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as TextLine;
    const text = l.text.trim();
    // A numbered title ("附件1 收入支出决算总表", "一、收入决算表") only where its header follows (else a contents line).
    const found = recogniseTitle(text, { numbered: true });
    const title =
      found && (!found.numbered || found.continued || headerFollows(lines, i + 1, found.kind, template))
        ? found
        : undefined;
    if (!title && isAnnexStart(text) && (parts.tables.length > 0 || parts.narrative.length > 0)) {
      parts.annexes = lines.slice(i);
      break;
    }
    if (title) {
      const def = defFor(template, title.kind);
      unknown = undefined;
      if (table && table.def.kind === title.kind && (title.continued || !inNotes)) {
        table.lines.push(l); // the same table continued on the next page
      } else if (def) {
        table = { def, title: l, lines: [] };
        parts.tables.push(table);
        inNotes = false;
      }
      prev = l;
      continue;
    }
    if (!found && looksLikeTableTitle(text)) {
      table = undefined;
      unknown = { title: l, lines: [] };
      parts.unknownTables.push(unknown);
      inNotes = false;
      prev = l;
      continue;
    }
    const current = table ?? unknown;
    if (current) {
      if (!endsTable(l, table?.def ?? NO_ROWS, inNotes, prev)) {
        if (NOTE.test(text)) inNotes = true;
        current.lines.push(l);
        prev = l;
        continue;
      }
      table = undefined;
      unknown = undefined;
      inNotes = false;
    }
    const n = numberingOf(text);
    if (n && glossaryLevel !== undefined && n.level <= glossaryLevel) glossaryLevel = undefined;
    const glossaryHeading = n
      ? n.level <= 1 && /名词解释/.test(n.rest)
      : /^名词解释[：:]?$/.test(text.replace(/\s+/g, ''));
    if (glossaryHeading) {
      glossaryLevel = n?.level ?? 1;
      prev = l;
      continue;
    }
    (glossaryLevel !== undefined ? parts.glossary : parts.narrative).push(l);
    prev = l;
  }
  return parts;
}
