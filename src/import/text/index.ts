// Extracted text (the seed's style) → Disclosure.
import type { Disclosure, PerformanceEvaluation, Section, Table } from '../../model/disclosure.ts';
import { MODEL_VERSION } from '../../model/disclosure.ts';
import { InputError } from '../../model/errors.ts';
import type { Unit } from '../../model/money.ts';
import type { Template } from '../../model/templates.ts';
import { readFacts } from '../recognise/facts.ts';
import { readGlossary } from '../recognise/glossary.ts';
import { readUnitLine } from '../recognise/header.ts';
import { chooseTemplate, readDepartment, readFiscalYear, readRegion } from '../recognise/meta.ts';
import { buildSections, joinParagraphs, lineWidth, sectionTexts } from '../recognise/sections.ts';
import { type DocumentParts, splitDocument } from './document.ts';
import { splitLines, type TextLine } from './lines.ts';
import { parsePerformanceAnnexes } from './performance.ts';
import { readTable } from './tables.ts';
import { lineSource } from './tokens.ts';

const printed = (l: TextLine) => ({ text: l.text, src: lineSource(l) });

function unitFrom(lines: readonly TextLine[]): Unit {
  for (const l of lines) {
    const u = readUnitLine(l.text);
    if (u?.unit) return u.unit;
  }
  return '万元';
}

/** Imports an extracted text. Throws InputError when the text is not a disclosure or is cut short. */
export function importText(text: string, file: string): Disclosure {
  const split = splitLines(text);
  const { lines } = split;
  if (lines.length === 0) throw new InputError(file, '文件为空 / the file is empty');
  let yearLine: ReturnType<typeof readFiscalYear>;
  for (const l of lines) {
    yearLine = readFiscalYear(l.text);
    if (yearLine) break;
  }
  const department = readDepartment(lines);
  const region = department ? readRegion(department) : undefined;
  const fiscalYear = yearLine?.year;
  const template = chooseTemplate(fiscalYear ?? 2019, region);
  const parts = splitDocument(lines, template);
  if (parts.tables.length === 0 || fiscalYear === undefined) {
    throw new InputError(
      file,
      parts.tables.length === 0
        ? '不是部门决算公开文件：未找到任何决算表 / not a final-accounts disclosure: no table found'
        : '不是部门决算公开文件：未找到决算年度 / not a final-accounts disclosure: no fiscal year found',
    );
  }
  const unit = unitFrom(lines);
  const read: Table[] = parts.tables.map((t) => readTable(t, unit));
  // A title printed again without data (a contents page, a stray heading) is not a second table.
  const tables = read.filter(
    (t) => t.rows.length > 0 || !read.some((o) => o !== t && o.kind === t.kind && o.rows.length > 0),
  );
  const repeats = read.filter((t) => !tables.includes(t));
  checkComplete(file, template, parts, tables, lines);

  const paragraphs = joinParagraphs(parts.narrative.map(printed));
  const narrative: Section[] = buildSections(paragraphs);
  const glossaryParagraphs = joinParagraphs(parts.glossary.map(printed));
  const glossary = readGlossary(glossaryParagraphs);

  const unread: Disclosure['unread'] = [];
  for (const p of glossary.rest) {
    unread.push({ what: '名词解释 / glossary', reason: '不是“名词：解释”条目 / not a term entry', src: p.src ?? {} });
  }
  for (const t of repeats) {
    unread.push({
      what: t.title,
      reason: '表题重复且无数据（目录？）/ table title repeated without data (contents?)',
      ...(t.src ? { src: t.src } : {}),
    });
  }
  for (const u of parts.unknownTables) {
    unread.push({
      what: u.title.text.trim(),
      reason: `模板中没有此表，${u.lines.length} 行未读 / table not in any template, ${u.lines.length} lines not read`,
      src: lineSource(u.title),
    });
  }
  let performance: PerformanceEvaluation[] = [];
  if (parts.annexes.length > 0) performance = parsePerformanceAnnexes(parts.annexes, file);

  const fact = readFacts(sectionTexts(narrative));
  const disclosure: Disclosure = {
    version: MODEL_VERSION,
    meta: {
      department: department ?? '',
      fiscalYear,
      unit,
      scope: yearLine?.scope ?? '部门',
      template: template.id,
      source: { file, format: 'text', pages: split.pages },
    },
    tables,
    narrative,
    glossary: glossary.entries,
    performance,
    facts: fact,
    contents: split.outline.map((l) => ({ text: l.text, src: lineSource(l) })),
    unread,
  };
  if (region) disclosure.meta.region = region;
  if (!department) {
    unread.push({ what: '部门名称 / department', reason: '未找到部门名称 / department name not found' });
  }
  return disclosure;
}

/**
 * A text cut short: it ends inside a table (no note yet) that is not the template's last table or whose last row
 * lacks figures, or it ends in the middle of a wrapped sentence. (A document that simply lacks a table is not
 * cut short: that is for the checks.)
 */
function checkComplete(
  file: string,
  template: Template,
  parts: DocumentParts,
  tables: readonly Table[],
  all: readonly TextLine[],
): void {
  const end = all.at(-1);
  if (!end) return;
  const lastTable = parts.tables.at(-1);
  const table = tables.at(-1);
  const cut = (zh: string, en: string) =>
    new InputError(
      file,
      `文件不完整：在${zh}中途结束（第 ${end.line} 行）/ file is truncated: it ends inside ${en} (line ${end.line})`,
      end.page,
    );
  if (lastTable && table && (lastTable.lines.at(-1) ?? lastTable.title) === end && table.notes.length === 0) {
    const lastRow = table.rows.at(-1);
    const short = !lastRow || Object.values(lastRow.cells).some((c) => c.kind === 'unread');
    const lastOfTemplate = Math.max(...template.tables.map((d) => d.number));
    if (short || table.number < lastOfTemplate) throw cut(`“${table.title}”`, `table “${table.title}”`);
  }
  const prose = [...parts.narrative, ...parts.glossary];
  if (prose.at(-1) === end && parts.annexes.length === 0) {
    const full = prose.map((l) => lineWidth(l.text)).sort((a, b) => a - b)[Math.floor(prose.length * 0.75)] ?? 0;
    if (!/[。！？；：:;.）)”]$/.test(end.text.trim()) && lineWidth(end.text) >= full * 0.85)
      throw cut('一个句子', 'a sentence');
  }
}
