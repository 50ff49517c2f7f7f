// Positioned text → Disclosure: tables from geometry, the rest through the shared recognition layer.
import { type Disclosure, MODEL_VERSION, type Table } from '../../model/disclosure.ts';
import { InputError } from '../../model/errors.ts';
import { squash } from '../../model/templates.ts';
import { readFacts } from '../recognise/facts.ts';
import { readGlossary } from '../recognise/glossary.ts';
import { chooseTemplate, readDepartment, readFiscalYear, readRegion } from '../recognise/meta.ts';
import type { PrintedText } from '../recognise/printed.ts';
import { buildSections, numberingOf, sectionTexts } from '../recognise/sections.ts';
import { findTitles, layoutOf, readTables } from './document.ts';
import type { PdfText } from './extract.ts';
import type { Line } from './lines.ts';
import { linesToParagraphs, tidyText } from './paragraphs.ts';
import { readPerformanceAnnexes } from './performance.ts';

const ANNEX = /^附件\s*\d+(?:\s*[-—－]\s*\d+)?(?![\d.])/;

const lineText = (file: string, l: Line): PrintedText => ({ text: tidyText(l.text), src: { file, page: l.page } });

/** Builds the Disclosure from a PDF's positioned text. Throws InputError when the file is no disclosure. */
export function assembleDisclosure(file: string, text: PdfText): Disclosure {
  const { lines, pages, unreadPages } = layoutOf(text);
  const textPages = new Set(lines.map((l) => l.page));
  if (lines.length === 0) {
    const scanned = text.pages.some((p) => p.hasImages);
    throw new InputError(
      file,
      scanned
        ? '没有文字层（扫描件？），需要先做文字识别 / no text layer (a scanned document?): run OCR first'
        : '没有可读的文字 / no readable text in the PDF',
    );
  }
  const printed = lines.map((l) => lineText(file, l));
  const yearLine = printed.map((l) => readFiscalYear(l.text)).find((y) => y !== undefined);
  const department = readDepartment(printed);
  const region = department ? readRegion(department) : undefined;
  const template = chooseTemplate(yearLine?.year ?? 2019, region);
  if (findTitles(lines, template).length === 0 || yearLine === undefined) {
    throw new InputError(
      file,
      yearLine === undefined
        ? '不是部门决算公开文件：未找到决算年度 / not a final-accounts disclosure: no fiscal year found'
        : '不是部门决算公开文件：未找到任何决算表 / not a final-accounts disclosure: no table found',
    );
  }
  const { tables: read, used } = readTables(file, lines, template);
  // A title printed again without rows (a contents entry, a stray heading) is not a second table.
  const tables: Table[] = read.filter(
    (t) => t.rows.length > 0 || t.columns.length > 0 || !read.some((o) => o !== t && o.kind === t.kind),
  );

  const contents = contentsOf(file, lines, used);
  // Performance annexes (附件1-1 …绩效自评表): grid forms read from cell positions.
  const lastTable = Math.max(-1, ...used);
  const annexAt = lines.findIndex(
    (l, i) => i > lastTable && !used.has(i) && !contents.lines.has(l) && ANNEX.test(tidyText(l.text)),
  );
  const annexLines = annexAt >= 0 ? lines.slice(annexAt) : [];
  const rest = lines.filter((l, i) => !used.has(i) && !contents.lines.has(l) && (annexAt < 0 || i < annexAt));
  // Glossary: from a "名词解释" heading to the next heading of the same or a higher level.
  const narrativeLines: Line[] = [];
  const glossaryLines: Line[] = [];
  let glossaryLevel: number | undefined;
  for (const l of rest) {
    const n = numberingOf(tidyText(l.text));
    if (n && glossaryLevel !== undefined && n.level <= glossaryLevel) glossaryLevel = undefined;
    if (n && n.level <= 1 && /名词解释/.test(n.rest)) {
      glossaryLevel = n.level;
      continue;
    }
    (glossaryLevel !== undefined ? glossaryLines : narrativeLines).push(l);
  }
  const narrative = buildSections(linesToParagraphs(file, narrativeLines));
  const glossary = readGlossary(linesToParagraphs(file, glossaryLines));

  const unread: Disclosure['unread'] = [];
  for (const p of unreadPages)
    unread.push({ what: `第 ${p.page} 页 / page ${p.page}`, reason: p.reason, src: { file, page: p.page } });
  for (const p of text.pages) {
    if (!textPages.has(p.page) && !p.error && p.hasImages) {
      unread.push({
        what: `第 ${p.page} 页 / page ${p.page}`,
        reason: '页面只有图像、没有文字层（扫描页？）/ the page has images but no text layer (scanned?)',
        src: { file, page: p.page },
      });
    }
  }
  for (const g of glossary.rest) {
    unread.push({ what: '名词解释 / glossary', reason: '不是“名词：解释”条目 / not a term entry', src: g.src ?? {} });
  }
  for (const t of read.filter((t) => !tables.includes(t))) {
    // A title with nothing under it, followed by the real table later: an entry of a contents list.
    if (t.columns.length === 0 && t.rows.length === 0) {
      contents.blocks.push({ text: t.title, ...(t.src?.page ? { src: { file, page: t.src.page } } : {}) });
      continue;
    }
    unread.push({
      what: t.title,
      reason: '表题重复且无数据（目录？）/ table title repeated without data (contents?)',
      ...(t.src ? { src: t.src } : {}),
    });
  }
  const disclosure: Disclosure = {
    version: MODEL_VERSION,
    meta: {
      department: department ?? '',
      fiscalYear: yearLine.year,
      unit: tables[0]?.unit ?? '万元',
      scope: yearLine.scope,
      template: template.id,
      source: { file, format: 'pdf', pages },
    },
    tables,
    narrative,
    glossary: glossary.entries,
    performance: annexLines.length > 0 ? readPerformanceAnnexes(file, annexLines) : [],
    facts: readFacts(sectionTexts(narrative)),
    contents: contents.blocks,
    unread,
  };
  if (region) disclosure.meta.region = region;
  if (!department) unread.push({ what: '部门名称 / department', reason: '未找到部门名称 / department name not found' });
  return disclosure;
}

/** The table of contents: the lines after a "目录" heading on its page. */
function contentsOf(
  file: string,
  lines: readonly Line[],
  used: Set<number>,
): { blocks: Disclosure['contents']; lines: Set<Line> } {
  const at = lines.findIndex((l, i) => !used.has(i) && squash(l.text) === '目录');
  const taken = new Set<Line>();
  const blocks: Disclosure['contents'] = [];
  if (at < 0) return { blocks, lines: taken };
  const first = lines[at] as Line;
  taken.add(first);
  // The contents run on over following pages while every line on them reads like an entry.
  const entryLike = (l: Line) => {
    const t = tidyText(l.text);
    return t.length <= 40 && !/[。；]/.test(t) && !/[：:]$/.test(t);
  };
  let page = first.page;
  for (let i = at + 1; i < lines.length; i++) {
    const l = lines[i] as Line;
    if (used.has(i)) break;
    if (l.page !== page) {
      const next = lines.filter((x) => x.page === l.page);
      if (l.page !== page + 1 || !next.every(entryLike)) break;
      page = l.page;
    }
    taken.add(l);
    blocks.push({ text: tidyText(l.text), src: { file, page: l.page } });
  }
  return { blocks, lines: taken };
}
