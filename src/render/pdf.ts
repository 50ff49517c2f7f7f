// PDF with pdfmake and Noto CJK (subset-embedded, text selectable); fixed metadata dates for identical bytes.
import type { Disclosure } from '../model/disclosure.ts';
import type { Grid, GridRow } from './layout.ts';
import { type Block, outline } from './outline.ts';
import { PDF_TABLE, printPdf } from './pdf-print.mjs';

export const PDF_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

type Node = Record<string, unknown> | string;

/** Text width of an A4 page with 42 pt margins (pageMargins below). */
const PAGE = { portrait: 595.28 - 2 * 42, landscape: 841.89 - 2 * 42 };
/** What pdfmake adds to each column's width: its left and right padding and one rule. */
const CELL_EXTRA = 2 * PDF_TABLE.padX + PDF_TABLE.line;
/** Lines of a table that go over to its next page together with its notes, where its header is printed once. */
const TAIL_LINES = 3;

/** Header text size: narrow columns (more than ten, full width) take a point less to stay on one line. */
function headerFont(n: number, size: number): number {
  return n > 10 ? size - 1 : size;
}

function tableNode(g: Grid, landscape: boolean): Node[] {
  const n = g.widths.length;
  const avail = landscape ? PAGE.landscape : PAGE.portrait;
  const total = g.widths.reduce((a, b) => a + b, 0);
  // The table ends at the right margin, under the "单位：万元" line.
  const widths = g.widths.map((w) => Math.floor(((w / total) * avail - CELL_EXTRA) * 100) / 100);
  // Long tables print smaller so that they keep to one page where they can, unless the template keeps the usual
  // size and lets them run over pages (Shanghai 2024, as the official does).
  const dense = g.body.length > 28 && g.shrinkLong !== false;
  const size = dense ? 7 : n > 8 ? 7.5 : 8.5;
  const headerSize = headerFont(n, size);
  const toRow = (r: GridRow, header: boolean, index = 0): Node[] =>
    Array.from({ length: n }, (_, i) => {
      const c = r[i];
      if (c === null || c === undefined) return {};
      const node: Record<string, unknown> = {
        text: `${c.indent ? '\u3000'.repeat(c.indent) : ''}${c.text}`,
        alignment: header ? 'center' : (c.align ?? 'left'),
      };
      if (c.bold || header) node.bold = true;
      if (c.indent) node.preserveLeadingSpaces = true;
      if (c.colSpan && c.colSpan > 1) node.colSpan = c.colSpan;
      if (c.rowSpan && c.rowSpan > 1) node.rowSpan = c.rowSpan;
      if (header && c.rowSpan && (index > 0 ? c.rowSpan > 1 : c.rowSpan > 2)) {
        // pdfmake misplaces a middle-aligned cell spanning header rows below the first, or three rows from the first
        // (it sinks to the last): centred by a top margin.
        node.margin = [0, ((c.rowSpan - 1) * (headerSize * 1.1 + 2.5)) / 2, 0, 0];
      } else if (header || (c.rowSpan && c.rowSpan > 1)) node.verticalAlignment = 'middle';
      if (header) node.fillColor = '#f0f0f0';
      // Narrow columns: a smaller header keeps each header on one line.
      if (header && headerSize !== size) node.fontSize = headerSize;
      return node;
    });
  const out: Node[] = [];
  if (g.tableNo) out.push({ text: g.tableNo, alignment: 'right', fontSize: 9 });
  out.push({ text: g.title, style: 'tableTitle' });
  if (g.department || g.unit) {
    out.push({
      columns: [
        { text: g.department ? `部门：${g.department}` : '', fontSize: 9 },
        { text: g.unit ? `单位：${g.unit}` : '', alignment: 'right', fontSize: 9 },
      ],
      margin: [0, 0, 0, 3],
    });
  }
  const rows = [...g.header.map((r, i) => toRow(r, true, i)), ...g.body.map((r) => toRow(r, false))];
  const table = (body: Node[][], headerRows: number): Record<string, unknown> => ({
    table: { headerRows, widths, body, dontBreakRows: true },
    fontSize: size,
    lineHeight: dense ? 1 : 1.1,
    layout: 'juesuan',
  });
  const notes: Node[] = g.notes.map((note) => ({ text: note, fontSize: 8, margin: [0, 3, 0, 0] }));
  if (g.repeatHeader === false && notes.length > 0 && g.body.length > 1) {
    // A header printed once: the last lines (up to TAIL_LINES) go to the next page with the notes rather than leave
    // the notes, or one line, alone there. They are a table of their own, drawn up over the rule that ends the first
    // part, so the two rules are one.
    const k = Math.min(TAIL_LINES, g.body.length - 1);
    const tail = { ...table(rows.slice(-k), 0), margin: [0, -PDF_TABLE.line, 0, 0] };
    out.push(table(rows.slice(0, -k), 0), { stack: [tail, ...notes], unbreakable: true });
  } else {
    // Header rows repeated at the top of each page the table runs onto, unless the template prints them once.
    out.push(table(rows, g.repeatHeader === false ? 0 : g.header.length), ...notes);
  }
  return out;
}

function content(blocks: Block[]): Node[] {
  const out: Node[] = [];
  let orientation: 'portrait' | 'landscape' = 'portrait';
  let pendingBreak = false;
  for (const b of blocks) {
    if (b.kind === 'pageBreak') {
      pendingBreak = true;
      continue;
    }
    const want = b.kind === 'table' && b.landscape ? 'landscape' : 'portrait';
    const nodes: Node[] = [];
    switch (b.kind) {
      case 'title':
        nodes.push({ text: b.lines.join('\n'), style: 'cover' });
        break;
      case 'contents':
        nodes.push(
          { text: '目录', style: 'h1' },
          ...b.entries.map((e) => ({ text: e, margin: [0, 1, 0, 1], preserveLeadingSpaces: true })),
        );
        break;
      case 'heading':
        nodes.push({ text: b.text, style: `h${b.level}` });
        break;
      case 'para':
        nodes.push({ text: b.text, style: 'para', leadingIndent: 24 });
        break;
      case 'table':
        nodes.push(...tableNode(b.grid, b.landscape));
        break;
    }
    const first = nodes[0];
    if (first && typeof first === 'object' && (pendingBreak || want !== orientation) && out.length > 0) {
      first.pageBreak = 'before';
      first.pageOrientation = want;
      orientation = want;
    }
    pendingBreak = false;
    out.push(...nodes);
  }
  return keepHeadingsWithText(out);
}

const isStyled = (n: Node | undefined, style: RegExp): n is Record<string, unknown> =>
  typeof n === 'object' && typeof n.style === 'string' && style.test(n.style);

/**
 * A heading (or headings in a row) and the paragraph after it kept on one page, so that no page ends with a
 * heading: one unbreakable stack that goes to the next page whole when it does not fit (no second layout pass).
 */
function keepHeadingsWithText(nodes: Node[]): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < nodes.length; i++) {
    let j = i;
    while (isStyled(nodes[j], /^h\d$/)) j++;
    const para = nodes[j];
    if (j === i || !isStyled(para, /^para$/)) {
      out.push(nodes[i] as Node);
      continue;
    }
    const [first, ...rest] = nodes.slice(i, j) as Record<string, unknown>[];
    const { pageBreak, pageOrientation, ...heading } = first ?? {};
    out.push({
      stack: [heading, ...rest, para],
      unbreakable: true,
      ...(pageBreak ? { pageBreak, pageOrientation } : {}),
    });
    i = j;
  }
  return out;
}

/** The pdfmake document of a disclosure, as plain data (no functions): it can be posted to a worker. */
export function pdfDocument(d: Disclosure): Record<string, unknown> {
  const title = `${d.meta.department}${d.meta.fiscalYear}年度部门决算`;
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [42, 42, 42, 42],
    info: {
      title,
      author: d.meta.department,
      subject: '部门决算公开',
      creator: 'juesuan',
      producer: 'juesuan',
      creationDate: PDF_DATE,
      modDate: PDF_DATE,
    },
    defaultStyle: { font: 'Serif', fontSize: 11, lineHeight: 1.35 },
    styles: {
      cover: { font: 'Sans', fontSize: 22, bold: true, alignment: 'center', margin: [0, 220, 0, 0] },
      h1: { font: 'Sans', fontSize: 15, bold: true, margin: [0, 10, 0, 6] },
      h2: { font: 'Sans', fontSize: 13, bold: true, margin: [0, 8, 0, 4] },
      h3: { font: 'Sans', fontSize: 11.5, bold: true, margin: [0, 6, 0, 3] },
      h4: { font: 'Sans', fontSize: 11, bold: true, margin: [0, 4, 0, 2] },
      para: { margin: [0, 2, 0, 2], alignment: 'justify' },
      tableTitle: { font: 'Sans', fontSize: 14, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
    },
    content: content(outline(d)),
  };
}

/** The PDF on this thread (PdfThread prints the same document on another). */
export function renderPdf(d: Disclosure): Promise<Buffer> {
  return printPdf(pdfDocument(d));
}
