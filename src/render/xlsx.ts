// XLSX of the tables in the official layout: one sheet per table, merged header cells, landscape fit-to-width.
import type ExcelJS from 'exceljs';
import type { Disclosure } from '../model/disclosure.ts';
import { FIXED_DATE, normaliseZip, STORED_ZIP } from '../util/deterministic-zip.ts';
import { Workbook } from '../util/excel-workbook.ts';
import { type Grid, type GridRow, performanceGrids, tableGrid } from './layout.ts';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const FONT = { name: '宋体', size: 10 };
/** Height of one line of 10 pt text in a row, in points, and a row's least height. */
const LINE_HEIGHT = 13.5;
const MIN_ROW_HEIGHT = 16;

/** Width of a text in column-width units (a Latin digit 1, a Chinese character 2) at the sheet's 10 pt. */
function textUnits(text: string): number {
  let u = 0;
  for (const ch of text) u += ch.charCodeAt(0) < 0x2e80 ? 1.1 : 2;
  return u;
}

/**
 * Rows tall enough for their wrapped texts: Excel and LibreOffice do not grow a row for wrapped text in a merged
 * cell, and a header such as 政府性基金预算财政拨款 over a narrow column was cut to its first line.
 */
function fitRowHeights(ws: ExcelJS.Worksheet, rows: readonly GridRow[], firstRow: number): void {
  rows.forEach((row, k) => {
    let lines = 1;
    row.forEach((c, i) => {
      if (!c || (c.rowSpan ?? 1) > 1 || c.text === '') return;
      let width = 0;
      for (let j = i; j < i + (c.colSpan ?? 1); j++) width += ws.getColumn(j + 1).width ?? 8;
      const text = `${c.indent ? '\u3000'.repeat(c.indent) : ''}${c.text}`;
      lines = Math.max(lines, Math.ceil(textUnits(text) / Math.max(1, width - 1)));
    });
    if (lines > 1) ws.getRow(firstRow + k).height = Math.max(MIN_ROW_HEIGHT, lines * LINE_HEIGHT + 3);
  });
}

function addGrid(ws: ExcelJS.Worksheet, g: Grid, startRow: number): number {
  const n = g.widths.length;
  let r = startRow;
  if (g.tableNo) {
    ws.getCell(r, n).value = g.tableNo;
    ws.getCell(r, n).alignment = { horizontal: 'right' };
    r++;
  }
  ws.mergeCells(r, 1, r, n);
  const title = ws.getCell(r, 1);
  title.value = g.title;
  title.font = { name: '黑体', size: 14, bold: true };
  title.alignment = { horizontal: 'center' };
  r++;
  if (g.department || g.unit) {
    ws.getCell(r, 1).value = g.department ? `部门：${g.department}` : '';
    ws.getCell(r, n).value = g.unit ? `单位：${g.unit}` : '';
    ws.getCell(r, n).alignment = { horizontal: 'right' };
    r++;
  }
  const headerStart = r;
  for (const [k, rows] of [g.header, g.body].entries()) {
    const header = k === 0;
    for (const row of rows) {
      row.forEach((c, i) => {
        const cell = ws.getCell(r, i + 1);
        cell.border = THIN;
        cell.font = { ...FONT, bold: header || (c?.bold ?? false) };
        if (c === null) return;
        // Money as an exact decimal number with two places (the text is the printed figure), other text as
        // printed; an empty cell (a blank amount) holds no value rather than an empty string.
        if (c.amount && c.text !== '') {
          cell.value = Number(c.text.replace(/,/g, ''));
          cell.numFmt = '#,##0.00';
        } else if (c.text !== '') cell.value = `${c.indent ? '\u3000'.repeat(c.indent) : ''}${c.text}`;
        cell.alignment = {
          horizontal: header ? 'center' : (c.align ?? 'left'),
          vertical: 'middle',
          wrapText: true,
        };
        if (header) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
        const cs = c.colSpan ?? 1;
        const rs = c.rowSpan ?? 1;
        if (cs > 1 || rs > 1) ws.mergeCells(r, i + 1, r + rs - 1, i + cs);
      });
      r++;
    }
  }
  fitRowHeights(ws, [...g.header, ...g.body], headerStart);
  // Header rows printed again on each page, unless the template prints them once.
  if (g.header.length > 0 && g.repeatHeader !== false)
    ws.pageSetup.printTitlesRow = `${headerStart}:${headerStart + g.header.length - 1}`;
  for (const note of g.notes) {
    ws.mergeCells(r, 1, r, n);
    const c = ws.getCell(r, 1);
    c.value = note;
    c.font = { ...FONT, size: 9 };
    c.alignment = { wrapText: true };
    ws.getRow(r).height = 28;
    r++;
  }
  return r + 1;
}

function sheet(wb: ExcelJS.Workbook, name: string, widths: number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name.slice(0, 31), {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    // Printed pages numbered as in the PDF.
    headerFooter: { oddFooter: '&C— &P / &N —' },
  });
  const total = widths.reduce((a, b) => a + b, 0);
  ws.columns = widths.map((w) => ({ width: Math.max(8, Math.round((w / total) * 150)) }));
  return ws;
}

export async function renderXlsx(d: Disclosure): Promise<Buffer> {
  const wb = new Workbook();
  wb.creator = 'juesuan';
  wb.lastModifiedBy = 'juesuan';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.title = `${d.meta.department}${d.meta.fiscalYear}年度部门决算`;
  d.tables.forEach((t) => {
    const g = tableGrid(t, d.meta.template);
    const ws = sheet(wb, `${t.number} ${t.title}`, g.widths);
    addGrid(ws, g, 1);
  });
  for (const annex of performanceGrids(d)) {
    const widest = annex.grids.reduce((a, g) => (g.widths.length > a.length ? g.widths : a), [] as number[]);
    const ws = sheet(wb, `${annex.annex} 绩效自评`, widest);
    let r = 1;
    for (const g of annex.grids) r = addGrid(ws, g, r);
  }
  return normaliseZip(await wb.xlsx.writeBuffer(STORED_ZIP));
}
