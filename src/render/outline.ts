// The printed document as a flat list of blocks in the official order; every output format walks this list.
import type { Disclosure, Section } from '../model/disclosure.ts';
import { headingNumber } from '../model/numerals.ts';
import { templateById } from '../model/templates.ts';
import { type Grid, performanceGrids, tableGrid } from './layout.ts';

export type Block =
  /** The cover title, broken where the official covers break it: the department, then “2019年度部门决算”. */
  | { kind: 'title'; lines: string[] }
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'contents'; entries: string[] }
  | { kind: 'table'; grid: Grid; landscape: boolean }
  | { kind: 'pageBreak' };

function sectionBlocks(s: Section, out: Block[]): void {
  out.push({ kind: 'heading', level: Math.min(4, Math.max(1, s.level)), text: `${s.numbering}${s.heading}` });
  for (const p of s.paragraphs) out.push({ kind: 'para', text: p.text });
  for (const c of s.children) sectionBlocks(c, out);
}

/** Wide tables print in landscape, unless the template fixes the orientation. */
function isWide(g: Grid): boolean {
  return g.landscape ?? g.widths.length > 7;
}

export function outline(d: Disclosure): Block[] {
  const name = d.meta.department;
  const year = d.meta.fiscalYear;
  const scheme = templateById(d.meta.template)?.headings ?? 'national';
  // In parts (Shanghai 2024), as the template and the published disclosures: the cover alone on its page, and the
  // contents listing the second-level headings of each part and the tables numbered.
  const parts = scheme === 'parts';
  const out: Block[] = [{ kind: 'title', lines: [name, `${year}年度部门决算`] }];
  if (parts) out.push({ kind: 'pageBreak' });
  const [overview, ...rest] = d.narrative;
  const tablesHeading = `${headingNumber(scheme, 1, 2)}${name}${year}年度部门决算表`;
  const glossaryHeading = `${headingNumber(scheme, 1, 4)}名词解释`;
  const entries = (s: Section) => [
    `${s.numbering}${s.heading}`,
    ...(parts ? s.children.map((c) => `    ${c.numbering}${c.heading}`) : []),
  ];
  const tableEntry = (title: string, i: number) => `    ${parts ? headingNumber(scheme, 2, i + 1) : ''}${title}`;
  out.push({
    kind: 'contents',
    entries: [
      ...(overview ? entries(overview) : []),
      tablesHeading,
      ...d.tables.map((t, i) => tableEntry(t.title, i)),
      ...rest.flatMap(entries),
      glossaryHeading,
      ...d.performance.map((p) => `${p.annex ?? '附件'}  ${p.project.name}绩效自评表`),
    ],
  });
  out.push({ kind: 'pageBreak' });
  if (overview) sectionBlocks(overview, out);
  out.push({ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: tablesHeading });
  d.tables.forEach((t, i) => {
    if (i > 0) out.push({ kind: 'pageBreak' });
    const grid = tableGrid(t, d.meta.template);
    out.push({ kind: 'table', grid, landscape: isWide(grid) });
  });
  out.push({ kind: 'pageBreak' });
  for (const s of rest) sectionBlocks(s, out);
  out.push({ kind: 'heading', level: 1, text: glossaryHeading });
  d.glossary.forEach((g, i) => {
    out.push({ kind: 'para', text: `${headingNumber(scheme, 2, i + 1)}${g.term}：${g.definition}` });
  });
  for (const annex of performanceGrids(d)) {
    out.push({ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: `${annex.annex}  ${annex.name}绩效自评表` });
    for (const g of annex.grids) out.push({ kind: 'table', grid: g, landscape: isWide(g) });
  }
  return out;
}
