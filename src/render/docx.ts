// Editable DOCX (Word) with Chinese fonts: the same blocks as the PDF, tables as real Word tables.
// WordprocessingML is written directly as text (an object model took most of the build time) and zipped once.
import type { Disclosure } from '../model/disclosure.ts';
import { FIXED_DATE, zipParts } from '../util/deterministic-zip.ts';
import type { Grid, GridCell, GridRow } from './layout.ts';
import { type Block, outline } from './outline.ts';

interface Fonts {
  ascii: string;
  hAnsi: string;
  eastAsia: string;
  cs: string;
}

const BODY_FONT: Fonts = {
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  eastAsia: '仿宋_GB2312',
  cs: 'Times New Roman',
};
const HEAD_FONT: Fonts = {
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  eastAsia: '黑体',
  cs: 'Times New Roman',
};
const TABLE_FONT: Fonts = {
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  eastAsia: '宋体',
  cs: 'Times New Roman',
};

const HEADING_SIZES = [0, 32, 28, 24, 24];

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

function fontsXml(f: Fonts): string {
  return `<w:rFonts w:ascii="${esc(f.ascii)}" w:cs="${esc(f.cs)}" w:eastAsia="${esc(f.eastAsia)}" w:hAnsi="${esc(f.hAnsi)}"/>`;
}

const runPrCache = new Map<string, string>();

function run(text: string, opts: { bold?: boolean; size?: number; font?: Fonts } = {}): string {
  const bold = opts.bold ?? false;
  const size = opts.size ?? 24;
  const font = opts.font ?? BODY_FONT;
  const key = `${font.eastAsia}|${bold}|${size}`;
  let pr = runPrCache.get(key);
  if (pr === undefined) {
    const b = bold ? '<w:b/><w:bCs/>' : '<w:b w:val="false"/><w:bCs w:val="false"/>';
    pr = `<w:rPr>${fontsXml(font)}${b}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`;
    runPrCache.set(key, pr);
  }
  return `<w:r>${pr}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

type Align = 'left' | 'center' | 'right' | 'both';

interface ParaProps {
  pageBreakBefore?: boolean;
  tabRight?: number;
  spacing?: { after?: number; before?: number; line?: number };
  indent?: { left?: number; firstLine?: number };
  align?: Align;
}

/** Paragraph properties in schema order; the section properties of a section's last paragraph go at the end. */
function pPr(p: ParaProps, sect = ''): string {
  let s = '';
  if (p.pageBreakBefore) s += '<w:pageBreakBefore/>';
  if (p.tabRight !== undefined) s += `<w:tabs><w:tab w:val="right" w:pos="${p.tabRight}"/></w:tabs>`;
  if (p.spacing) {
    const { after, before, line } = p.spacing;
    s += `<w:spacing${after !== undefined ? ` w:after="${after}"` : ''}${before !== undefined ? ` w:before="${before}"` : ''}${line !== undefined ? ` w:line="${line}"` : ''}/>`;
  }
  if (p.indent) {
    const { left, firstLine } = p.indent;
    s += `<w:ind${left !== undefined ? ` w:left="${left}"` : ''}${firstLine !== undefined ? ` w:firstLine="${firstLine}"` : ''}/>`;
  }
  if (p.align) s += `<w:jc w:val="${p.align}"/>`;
  s += sect;
  return s ? `<w:pPr>${s}</w:pPr>` : '';
}

/** A paragraph, kept open to its properties so that a section end can be added to the last one. */
interface Para {
  kind: 'p';
  props: ParaProps;
  runs: string;
}
type BodyItem = Para | { kind: 'tbl'; xml: string };

function para(props: ParaProps, runs: string): Para {
  return { kind: 'p', props, runs };
}

function paraXml(p: Para, sect = ''): string {
  return `<w:p>${pPr(p.props, sect)}${p.runs}</w:p>`;
}

const BORDER = 'w:val="single" w:color="auto" w:sz="4"';
const TABLE_BORDERS = `<w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/><w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders>`;

function cellPr(width: number, span: number, merge: '' | 'restart' | 'continue', header: boolean): string {
  return `<w:tcPr><w:tcW w:type="dxa" w:w="${width}"/><w:gridSpan w:val="${span}"/>${merge ? `<w:vMerge w:val="${merge}"/>` : ''}${header ? '<w:shd w:fill="EFEFEF" w:val="clear"/>' : ''}<w:vAlign w:val="center"/></w:tcPr>`;
}

/** Table rows; a cell spanning rows is continued below by empty merged cells with the same span and alignment. */
function tableRows(
  rows: { row: GridRow; header: boolean }[],
  cols: number[],
  tableWidth: number,
  size: number,
): string {
  // Cell widths: the spanned columns, scaled up to the table width where rounding left the columns short.
  const sum = cols.reduce((a, b) => a + b, 0);
  const scale = sum > 0 && tableWidth > sum ? tableWidth / sum : 1;
  const width = (from: number, span: number) =>
    Math.round(cols.slice(from, from + span).reduce((a, b) => a + b, 0) * scale);
  // Vertical spans still open, by start column: rows left to continue, span, shading, alignment.
  let open = new Map<number, { left: number; span: number; header: boolean; align: Align }>();
  let out = '';
  for (const { row, header } of rows) {
    let tr = `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : '<w:tblHeader w:val="off"/>'}</w:trPr>`;
    const next = new Map<number, { left: number; span: number; header: boolean; align: Align }>();
    for (let i = 0; i < cols.length; i++) {
      const c: GridCell | null | undefined = row[i];
      const cont = open.get(i);
      if (c === null || c === undefined) {
        if (cont) {
          tr += `<w:tc>${cellPr(width(i, cont.span), cont.span, 'continue', cont.header)}<w:p><w:pPr><w:jc w:val="${cont.align}"/></w:pPr></w:p></w:tc>`;
          if (cont.left > 1) next.set(i, { ...cont, left: cont.left - 1 });
        }
        continue;
      }
      const span = c.colSpan ?? 1;
      const rowSpan = c.rowSpan ?? 1;
      const align: Align = header ? 'center' : (c.align ?? 'left');
      if (rowSpan > 1) next.set(i, { left: rowSpan - 1, span, header, align });
      const text = run(c.text, { bold: header || (c.bold ?? false), size, font: TABLE_FONT });
      tr += `<w:tc>${cellPr(width(i, span), span, rowSpan > 1 ? 'restart' : '', header)}<w:p>${pPr({ indent: { left: (c.indent ?? 0) * 200 }, align })}${text}</w:p></w:tc>`;
    }
    out += `${tr}</w:tr>`;
    open = next;
  }
  return out;
}

function tableBlocks(g: Grid, landscape: boolean, breakBefore: boolean): BodyItem[] {
  const out: BodyItem[] = [];
  if (g.tableNo) out.push(para({ pageBreakBefore: breakBefore, align: 'right' }, run(g.tableNo, { size: 18 })));
  out.push(
    para(
      { pageBreakBefore: breakBefore && !g.tableNo, spacing: { after: 120 }, align: 'center' },
      run(g.title, { bold: true, size: 30, font: HEAD_FONT }),
    ),
  );
  if (g.department || g.unit) {
    out.push(
      para(
        { tabRight: landscape ? 13800 : 9000 },
        run(`${g.department ? `部门：${g.department}` : ''}${g.unit ? `\t单位：${g.unit}` : ''}`, { size: 18 }),
      ),
    );
  }
  const total = g.widths.reduce((a, b) => a + b, 0);
  const width = landscape ? 13800 : 9000;
  const size = g.widths.length > 8 ? 15 : 17;
  const cols = g.widths.map((w) => Math.round((w / total) * width));
  const rows = [...g.header.map((row) => ({ row, header: true })), ...g.body.map((row) => ({ row, header: false }))];
  out.push({
    kind: 'tbl',
    xml: `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${width}"/>${TABLE_BORDERS}</w:tblPr><w:tblGrid>${cols.map((c) => `<w:gridCol w:w="${c}"/>`).join('')}</w:tblGrid>${tableRows(rows, cols, width, size)}</w:tbl>`,
  });
  for (const n of g.notes) out.push(para({ spacing: { before: 60 } }, run(n, { size: 16 })));
  return out;
}

function sectPr(orientation: 'portrait' | 'landscape'): string {
  const size =
    orientation === 'landscape'
      ? '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
      : '<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>';
  return `<w:sectPr>${size}<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="708" w:footer="708" w:gutter="0"/><w:pgNumType/><w:docGrid w:linePitch="360"/></w:sectPr>`;
}

/** The body: sections by page orientation; each section but the last ends in its last paragraph's properties. */
function body(blocks: Block[]): string {
  const sections: { orientation: 'portrait' | 'landscape'; items: BodyItem[] }[] = [];
  let current: BodyItem[] = [];
  let orientation: 'portrait' | 'landscape' = 'portrait';
  let pendingBreak = false;
  const flush = () => {
    if (current.length === 0) return;
    sections.push({ orientation, items: current });
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
          para(
            { spacing: { after: 400, before: 4000 }, align: 'center' },
            run(b.text, { bold: true, size: 44, font: HEAD_FONT }),
          ),
        );
        break;
      case 'contents':
        current.push(
          para({ pageBreakBefore: true, align: 'center' }, run('目录', { bold: true, size: 32, font: HEAD_FONT })),
          ...b.entries.map((e) => para({}, run(e))),
        );
        break;
      case 'heading':
        current.push(
          para(
            { pageBreakBefore: breakBefore, spacing: { after: 100, before: 200 } },
            run(b.text, { bold: true, size: HEADING_SIZES[b.level] ?? 24, font: HEAD_FONT }),
          ),
        );
        break;
      case 'para':
        current.push(
          para(
            { pageBreakBefore: breakBefore, spacing: { line: 400 }, indent: { firstLine: 480 }, align: 'both' },
            run(b.text),
          ),
        );
        break;
      case 'table':
        current.push(...tableBlocks(b.grid, b.landscape, breakBefore));
        break;
    }
  }
  flush();
  let xml = '';
  sections.forEach((s, k) => {
    const last = k === sections.length - 1;
    s.items.forEach((item, i) => {
      const end = !last && i === s.items.length - 1;
      if (item.kind === 'tbl') {
        xml += item.xml;
        if (end) xml += `<w:p><w:pPr>${sectPr(s.orientation)}</w:pPr></w:p>`;
      } else xml += paraXml(item, end ? sectPr(s.orientation) : '');
    });
    if (last) xml += sectPr(s.orientation);
  });
  return xml;
}

const CORE_DATE = FIXED_DATE.toISOString().replace(/\.\d{3}Z$/, 'Z');

const CONTENT_TYPES = `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;

const REL = 'http://schemas.openxmlformats.org';
const ROOT_RELS = `${XML_DECL}<Relationships xmlns="${REL}/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="${REL}/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL}/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`;

const DOCUMENT_RELS = `${XML_DECL}<Relationships xmlns="${REL}/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}/officeDocument/2006/relationships/settings" Target="settings.xml"/></Relationships>`;

// Document defaults: body font and size; no paragraph spacing unless a paragraph sets it.
const STYLES = `${XML_DECL}<w:styles xmlns:w="${W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>${fontsXml(BODY_FONT)}<w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults><w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:styleId="TableNormal" w:default="1"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>`;

const SETTINGS = `${XML_DECL}<w:settings xmlns:w="${W_NS}"><w:defaultTabStop w:val="720"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;

const APP = `${XML_DECL}<Properties xmlns="${REL}/officeDocument/2006/extended-properties" xmlns:vt="${REL}/officeDocument/2006/docPropsVTypes"/>`;

function core(title: string): string {
  return `${XML_DECL}<cp:coreProperties xmlns:cp="${REL}/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${esc(title)}</dc:title><dc:creator>juesuan</dc:creator><dc:description>部门决算公开</dc:description><cp:lastModifiedBy>juesuan</cp:lastModifiedBy><cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">${CORE_DATE}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${CORE_DATE}</dcterms:modified></cp:coreProperties>`;
}

/** word/document.xml of a disclosure. */
export function docxDocumentXml(d: Disclosure): string {
  return `${XML_DECL}<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${body(outline(d))}</w:body></w:document>`;
}

export function renderDocx(d: Disclosure): Promise<Buffer> {
  return zipParts(
    new Map([
      ['[Content_Types].xml', CONTENT_TYPES],
      ['_rels/.rels', ROOT_RELS],
      ['docProps/app.xml', APP],
      ['docProps/core.xml', core(`${d.meta.department}${d.meta.fiscalYear}年度部门决算`)],
      ['word/_rels/document.xml.rels', DOCUMENT_RELS],
      ['word/document.xml', docxDocumentXml(d)],
      ['word/settings.xml', SETTINGS],
      ['word/styles.xml', STYLES],
    ]),
  );
}
