// Editable DOCX (Word) with Chinese fonts: the same blocks as the PDF, tables as real Word tables.
import {
  AlignmentType,
  Document,
  Footer,
  type IParagraphStyleOptions,
  type ISectionOptions,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Disclosure } from '../model/disclosure.ts';
import { FIXED_DATE, normaliseZip } from '../util/deterministic-zip.ts';
import type { Grid, GridRow } from './layout.ts';
import { type Block, outline } from './outline.ts';

const BODY_FONT = {
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  eastAsia: '仿宋_GB2312',
  cs: 'Times New Roman',
};
const HEAD_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' };
const TABLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };

const HEADING_SIZES = [0, 32, 28, 24, 24];

function run(
  text: string,
  opts: { bold?: boolean; size?: number; font?: typeof BODY_FONT; breakBefore?: boolean } = {},
): TextRun {
  return new TextRun({
    text,
    bold: opts.bold ?? false,
    size: opts.size ?? 24,
    font: opts.font ?? BODY_FONT,
    ...(opts.breakBefore ? { break: 1 } : {}),
  });
}

/**
 * Table cells take their font, size, weight and alignment from named paragraph styles (表格金额 8.5磅 …): a cell is a
 * style name and its text, so the document is smaller and quicker to write, and a department restyles every table
 * in Word by changing one style.
 */
const CELL_SIZES = [15, 17] as const;
type CellSize = (typeof CELL_SIZES)[number];
const CELL_KINDS = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;
type CellKind = keyof typeof CELL_KINDS | 'head';

function cellStyle(size: CellSize, kind: CellKind): string {
  return `Cell${size}${kind[0]?.toUpperCase()}${kind.slice(1)}`;
}

const CELL_STYLE_NAMES: Record<CellKind, string> = {
  left: '表格文字',
  right: '表格金额',
  center: '表格居中',
  head: '表头',
};

const CELL_STYLES: IParagraphStyleOptions[] = CELL_SIZES.flatMap((size) =>
  (['left', 'right', 'center', 'head'] as const).map((kind) => ({
    id: cellStyle(size, kind),
    name: `${CELL_STYLE_NAMES[kind]} ${size / 2}磅`,
    basedOn: 'Normal',
    quickFormat: true,
    run: { font: TABLE_FONT, size, ...(kind === 'head' ? { bold: true } : {}) },
    paragraph: { alignment: kind === 'head' ? AlignmentType.CENTER : CELL_KINDS[kind] },
  })),
);

/** `repeat`: header rows repeated at the top of each page the table runs onto. */
function gridRows(rows: GridRow[], header: boolean, size: CellSize, repeat = header): TableRow[] {
  return rows.map(
    (r) =>
      new TableRow({
        tableHeader: header && repeat,
        cantSplit: true,
        children: r
          .filter((c): c is NonNullable<typeof c> => c !== null)
          .map(
            (c) =>
              new TableCell({
                ...(c.colSpan && c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
                ...(c.rowSpan && c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
                verticalAlign: VerticalAlign.CENTER,
                ...(header ? { shading: { fill: 'EFEFEF' } } : {}),
                children: [
                  new Paragraph({
                    style: cellStyle(size, header ? 'head' : (c.align ?? 'left')),
                    ...(c.indent ? { indent: { left: c.indent * 200 } } : {}),
                    children: [new TextRun(c.bold && !header ? { text: c.text, bold: true } : c.text)],
                  }),
                ],
              }),
          ),
      }),
  );
}

function tableBlocks(g: Grid, landscape: boolean, breakBefore: boolean): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (g.tableNo)
    out.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        pageBreakBefore: breakBefore,
        children: [run(g.tableNo, { size: 18 })],
      }),
    );
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      pageBreakBefore: breakBefore && !g.tableNo,
      spacing: { after: 120 },
      children: [run(g.title, { bold: true, size: 30, font: HEAD_FONT })],
    }),
  );
  if (g.department || g.unit) {
    out.push(
      new Paragraph({
        children: [
          run(`${g.department ? `部门：${g.department}` : ''}${g.unit ? `\t单位：${g.unit}` : ''}`, { size: 18 }),
        ],
        tabStops: [{ type: 'right', position: landscape ? 13800 : 9000 }],
      }),
    );
  }
  const total = g.widths.reduce((a, b) => a + b, 0);
  const width = landscape ? 13800 : 9000;
  const size: CellSize = g.widths.length > 8 ? 15 : 17;
  out.push(
    new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: g.widths.map((w) => Math.round((w / total) * width)),
      rows: [...gridRows(g.header, true, size, g.repeatHeader !== false), ...gridRows(g.body, false, size)],
    }),
  );
  for (const n of g.notes) out.push(new Paragraph({ spacing: { before: 60 }, children: [run(n, { size: 16 })] }));
  return out;
}

/** "— 3 / 23 —" at the foot of every page, as in the PDF: Word fields, so they follow the document as it is edited. */
function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES, ' —'], size: 16 }),
        ],
      }),
    ],
  });
}

function sections(blocks: Block[]): ISectionOptions[] {
  const out: ISectionOptions[] = [];
  let current: (Paragraph | Table)[] = [];
  let orientation: 'portrait' | 'landscape' = 'portrait';
  let pendingBreak = false;
  const flush = () => {
    if (current.length === 0) return;
    out.push({
      properties: {
        page: {
          size: { orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
        },
      },
      footers: { default: pageFooter() },
      children: current,
    });
    current = [];
  };
  for (const b of blocks) {
    if (b.kind === 'pageBreak') {
      pendingBreak = true;
      continue;
    }
    const want = b.kind === 'table' && b.landscape ? 'landscape' : 'portrait';
    let breakBefore = pendingBreak && current.length > 0;
    if (want !== orientation) {
      flush();
      orientation = want;
      breakBefore = false;
    }
    pendingBreak = false;
    switch (b.kind) {
      case 'title':
        current.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 4000, after: 400 },
            children: b.lines.map((l, i) => run(l, { bold: true, size: 44, font: HEAD_FONT, breakBefore: i > 0 })),
          }),
        );
        break;
      case 'contents':
        current.push(
          new Paragraph({
            pageBreakBefore: true,
            alignment: AlignmentType.CENTER,
            children: [run('目录', { bold: true, size: 32, font: HEAD_FONT })],
          }),
          ...b.entries.map((e) => new Paragraph({ children: [run(e)] })),
        );
        break;
      case 'heading':
        current.push(
          new Paragraph({
            pageBreakBefore: breakBefore,
            keepNext: true,
            spacing: { before: 200, after: 100 },
            children: [run(b.text, { bold: true, size: HEADING_SIZES[b.level] ?? 24, font: HEAD_FONT })],
          }),
        );
        break;
      case 'para':
        current.push(
          new Paragraph({
            pageBreakBefore: breakBefore,
            alignment: AlignmentType.JUSTIFIED,
            indent: { firstLine: 480 },
            spacing: { line: 400 },
            children: [run(b.text)],
          }),
        );
        break;
      case 'table':
        current.push(...tableBlocks(b.grid, b.landscape, breakBefore));
        break;
    }
  }
  flush();
  return out;
}

const CORE_DATE = FIXED_DATE.toISOString().replace(/\.\d{3}Z$/, 'Z');

export async function renderDocx(d: Disclosure): Promise<Buffer> {
  const doc = new Document({
    creator: 'juesuan',
    lastModifiedBy: 'juesuan',
    title: `${d.meta.department}${d.meta.fiscalYear}年度部门决算`,
    description: '部门决算公开',
    styles: { default: { document: { run: { font: BODY_FONT, size: 24 } } }, paragraphStyles: CELL_STYLES },
    sections: sections(outline(d)),
  });
  // Fixed creation dates in docProps/core.xml.
  return normaliseZip(await Packer.toBuffer(doc), {
    'docProps/core.xml': (xml) =>
      xml.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${CORE_DATE}$2`),
  });
}
