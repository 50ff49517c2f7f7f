// Print-ready, self-contained HTML in the official layout. Everything printed is escaped.
import type { Disclosure } from '../model/disclosure.ts';
import type { Grid, GridRow } from './layout.ts';
import { type Block, outline } from './outline.ts';

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

const CSS = `
@page { size: A4; margin: 20mm 16mm; }
@page wide { size: A4 landscape; margin: 14mm 12mm; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; font-size: 12pt; line-height: 1.7; color: #000; max-width: 1100px; margin: 0 auto; padding: 0 12px; }
h1.cover { text-align: center; font-size: 24pt; margin: 30vh 0 12px; }
p.cover-sub { text-align: center; font-size: 14pt; }
h2, h3, h4, h5 { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", sans-serif; break-after: avoid; }
h2 { font-size: 16pt; margin: 1.2em 0 0.6em; }
h3 { font-size: 14pt; margin: 1em 0 0.4em; }
h4, h5 { font-size: 12pt; margin: 0.8em 0 0.3em; }
p { text-indent: 2em; margin: 0.3em 0; text-align: justify; }
nav.contents p { text-indent: 0; white-space: pre; }
section.table { page: wide; break-inside: auto; margin: 1em 0 2em; }
section.table.portrait { page: auto; }
.table-title { text-align: center; font-size: 15pt; font-weight: bold; margin: 0.4em 0; text-indent: 0; }
.table-no { text-align: right; text-indent: 0; margin: 0; font-size: 10pt; }
.table-meta { display: flex; justify-content: space-between; font-size: 10.5pt; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; line-height: 1.35; }
th, td { border: 1px solid #000; padding: 2px 4px; vertical-align: middle; }
th { font-weight: bold; text-align: center; background: #f3f3f3; }
td.r { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.c { text-align: center; }
td.b { font-weight: bold; }
thead { display: table-header-group; }
table.header-once thead { display: table-row-group; }
tr { break-inside: avoid; }
.note { font-size: 9.5pt; text-indent: 0; }
.page-break { break-after: page; height: 0; }
@media screen { .page-break { border-top: 1px dashed #bbb; margin: 2em 0; } }
`;

function rowHtml(row: GridRow, tag: 'th' | 'td'): string {
  const cells = row
    .map((c) => {
      if (c === null) return '';
      const attrs: string[] = [];
      if (c.colSpan && c.colSpan > 1) attrs.push(`colspan="${c.colSpan}"`);
      if (c.rowSpan && c.rowSpan > 1) attrs.push(`rowspan="${c.rowSpan}"`);
      const cls = [
        c.align === 'right' ? 'r' : c.align === 'center' ? 'c' : '',
        c.bold && tag === 'td' ? 'b' : '',
      ].filter(Boolean);
      if (cls.length > 0) attrs.push(`class="${cls.join(' ')}"`);
      const pad = c.indent ? '\u3000'.repeat(c.indent) : '';
      return `<${tag}${attrs.length ? ` ${attrs.join(' ')}` : ''}>${pad}${escapeHtml(c.text)}</${tag}>`;
    })
    .join('');
  return `<tr>${cells}</tr>`;
}

export function gridHtml(g: Grid, landscape: boolean): string {
  const parts: string[] = [`<section class="table${landscape ? '' : ' portrait'}">`];
  if (g.tableNo) parts.push(`<p class="table-no">${escapeHtml(g.tableNo)}</p>`);
  parts.push(`<p class="table-title">${escapeHtml(g.title)}</p>`);
  if (g.department || g.unit) {
    parts.push(
      `<div class="table-meta"><span>${g.department ? `部门：${escapeHtml(g.department)}` : ''}</span><span>${g.unit ? `单位：${escapeHtml(g.unit)}` : ''}</span></div>`,
    );
  }
  const total = g.widths.reduce((a, b) => a + b, 0);
  // A header the template prints once is not repeated on each printed page.
  parts.push(g.repeatHeader === false ? '<table class="header-once">' : '<table>', '<colgroup>');
  for (const w of g.widths) parts.push(`<col style="width:${((w / total) * 100).toFixed(2)}%">`);
  parts.push('</colgroup>');
  if (g.header.length > 0) parts.push(`<thead>${g.header.map((r) => rowHtml(r, 'th')).join('')}</thead>`);
  parts.push(`<tbody>${g.body.map((r) => rowHtml(r, 'td')).join('')}</tbody>`, '</table>');
  for (const n of g.notes) parts.push(`<p class="note">${escapeHtml(n)}</p>`);
  parts.push('</section>');
  return parts.join('\n');
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `<h1 class="cover">${b.lines.map(escapeHtml).join('<br>')}</h1>`;
    case 'heading':
      return `<h${b.level + 1}>${escapeHtml(b.text)}</h${b.level + 1}>`;
    case 'para':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'contents':
      return `<nav class="contents"><h2>目录</h2>${b.entries.map((e) => `<p>${escapeHtml(e)}</p>`).join('')}</nav>`;
    case 'table':
      return gridHtml(b.grid, b.landscape);
    case 'pageBreak':
      return '<div class="page-break"></div>';
  }
}

export function renderHtml(d: Disclosure): string {
  const title = `${d.meta.department}${d.meta.fiscalYear}年度部门决算`;
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...outline(d).map(blockHtml),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
