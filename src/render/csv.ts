// Disclosure tables → tidy CSV: one line per table cell.
// Header: table,table_title,row_code,row_label,column,value,page,cell
import type { Cell, Disclosure } from '../model/disclosure.ts';

export const CSV_HEADER = ['table', 'table_title', 'row_code', 'row_label', 'column', 'value', 'page', 'cell'] as const;

/** Quotes a field when it holds a comma, quote, line break or edge whitespace (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/**
 * The figure as printed without thousands separators; blank and unread cells are empty (the column `cell` tells them
 * apart); a dash stays a dash.
 */
export function cellValue(c: Cell): string {
  switch (c.kind) {
    case 'amount':
      return c.text;
    case 'dash':
    case 'text':
      return c.text;
    default:
      return '';
  }
}

export function toCsv(d: Disclosure): string {
  let out = csvLine(CSV_HEADER);
  const tables = [...d.tables].sort((a, b) => a.number - b.number);
  for (const t of tables) {
    for (const r of t.rows) {
      for (const col of t.columns) {
        if (col.side !== undefined && r.side !== undefined && col.side !== r.side) continue;
        const cell = r.cells[col.id];
        if (!cell) continue;
        const page = cell.src?.page ?? r.src?.page ?? t.src?.page;
        out += csvLine([
          String(t.number),
          t.title,
          r.code ?? '',
          r.label,
          col.header.join('/'),
          cellValue(cell),
          page === undefined ? '' : String(page),
          cell.kind,
        ]);
      }
    }
  }
  return out;
}
