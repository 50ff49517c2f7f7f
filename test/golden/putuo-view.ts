// A compact, reviewable view of imported tables for golden files: every cell as printed.
import type { Cell, Disclosure } from '../../src/model/disclosure.ts';

export interface TableView {
  number: number;
  kind: string;
  title: string;
  unit: string;
  columns: string[];
  rows: { key: string; code?: string; label: string; cells: Record<string, string> }[];
  notes: string[];
}

/** "" blank, "—" (as printed) dash, the figure for amounts, "?reason" unread, "text:…" text. */
export function cellView(c: Cell): string {
  switch (c.kind) {
    case 'amount':
      return c.text;
    case 'blank':
      return '';
    case 'dash':
      return `dash:${c.text}`;
    case 'text':
      return `text:${c.text}`;
    case 'unread':
      return `unread:${c.reason}`;
  }
}

export function tablesView(d: Disclosure): TableView[] {
  return d.tables.map((t) => ({
    number: t.number,
    kind: t.kind,
    title: t.title,
    unit: t.unit,
    columns: t.columns.map((c) => (c.side ? `${c.side}:${c.id}` : c.id)),
    rows: t.rows.map((r) => ({
      key: r.side && !r.key.startsWith(r.side) ? `${r.side}:${r.key}` : r.key,
      ...(r.code ? { code: r.code } : {}),
      label: r.label,
      cells: Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, cellView(c)])),
    })),
    notes: t.notes.map((n) => n.text),
  }));
}
