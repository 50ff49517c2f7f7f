// Performance self-evaluation annexes (绩效自评表, "附件1-1", "附件1-2", …) from extracted text:
// 项目概况, 资金安排和使用情况表, 项目支出内容, 自评价评分表 and 综合结论 of each project.
import type { PerformanceEvaluation, Source } from '../../model/disclosure.ts';
import { InputError } from '../../model/errors.ts';
import type { TextLine } from './lines.ts';
import { parseFundsTable, parseSpendingTable } from './performance-funds.ts';
import { parseScoreSheet } from './performance-scores.ts';
import {
  type Field,
  joinParagraphs,
  joinParts,
  matchLabelAt,
  readFields,
  type Token,
  tokenize,
} from './performance-tokens.ts';

const ANNEX_RE = /^附件\s*\d+(?:\s*[-－—–]\s*\d+)?\s*[:：]?$/;
const PAGE_MARK_RE = /^[-－—–]\s*\d+\s*[-－—–]$/;

type Unread = { what: string; reason: string; src?: Source };

const SECTIONS = ['项目概况', '资金安排和使用情况表', '项目支出内容', '自评价评分表', '综合结论'] as const;
type SectionName = (typeof SECTIONS)[number];

const PROJECT_LABELS = [
  '申报单位名称（盖章）',
  '申报单位名称',
  '申报单位',
  '项目名称',
  '项目类别',
  '资金用途',
  '项目负责人',
  '联系人',
  '电话',
  '起始日期',
  '结束日期',
  '项目概况',
  '项目总（中期）目标',
  '项目总目标',
  '年度绩效目标',
];

const CONCLUSION_LABELS = [
  '项目名称',
  '主管部门',
  '部门负责人',
  '项目单位',
  '负责人',
  '联系人',
  '电话',
  '项目起止时间',
  '计划开始',
  '计划完成',
  '实际开始',
  '实际完成',
  '评价时段',
  '绩效目标完成的指标',
  '没有完成绩效目标的指标及偏差程度',
  '原因解释',
  '评分结果',
  '评价结论',
  '改进建议',
  '制度层面',
  '1、对完善预算管理机制的建议',
  '2、对完善制度保障的建议',
  '操作层面',
  '3、对调整预算资金安排的建议',
  '4、对项目管理及实施的建议',
  '5、对绩效目标调整的建议',
  '6、其它',
  '备注',
];
/** Headings that only group other labels. */
const CONCLUSION_GROUPS = new Set(['项目起止时间', '改进建议', '制度层面', '操作层面']);
/** Conclusion fields that list 三级 indicator names. */
const NAME_LISTS = ['绩效目标完成的指标', '没有完成绩效目标的指标及偏差程度'];

/**
 * Reads every performance annex. `lines` are the document's non-blank lines from the first annex label
 * ("附件1-1") to the end.
 */
export function parsePerformanceAnnexes(lines: readonly TextLine[], file: string): PerformanceEvaluation[] {
  const kept = lines.filter((l) => !PAGE_MARK_RE.test(l.text.trim()));
  const first = kept[0];
  if (!first || !ANNEX_RE.test(first.text.trim())) {
    throw new InputError(
      file,
      `绩效自评附件应以“附件1-1”这样的行开始 / performance annexes must start with a line like "附件1-1"${
        first ? `, found "${first.text.trim()}" (line ${first.line})` : ', found nothing'
      }`,
      first?.page,
    );
  }
  const annexes: TextLine[][] = [];
  kept.forEach((l, i) => {
    // "附件7" alone inside a data-source cell does not start an annex: the next lines must open one.
    if (i === 0 || startsAnnex(kept, i)) annexes.push([l]);
    else annexes[annexes.length - 1]?.push(l);
  });
  return annexes.map((a) => parseAnnex(a, file));
}

function parseAnnex(lines: readonly TextLine[], file: string): PerformanceEvaluation {
  const head = lines[0] as TextLine;
  const annexSrc: Source = { file, page: head.page, line: head.line };
  const tokens = tokenize(lines.slice(1), file);
  const unread: Unread[] = [];

  // Section titles, in order, each starting a line.
  const at = new Map<SectionName, number>();
  let from = 0;
  for (const name of SECTIONS) {
    for (let i = from; i < tokens.length; i++) {
      const m = (tokens[i] as Token).lineStart ? matchLabelAt(tokens, i, name) : undefined;
      if (m && !m.rest) {
        at.set(name, i);
        from = m.end;
        break;
      }
    }
    if (!at.has(name)) unread.push({ what: name, reason: `未找到“${name}” / section not found`, src: annexSrc });
  }
  const section = (name: SectionName): { tokens: Token[]; src: Source } | undefined => {
    const start = at.get(name);
    if (start === undefined) return undefined;
    const titleEnd = matchLabelAt(tokens, start, name)?.end ?? start + 1;
    const later = SECTIONS.slice(SECTIONS.indexOf(name) + 1)
      .map((n) => at.get(n))
      .filter((x): x is number => x !== undefined);
    const end = later.length > 0 ? Math.min(...later) : tokens.length;
    return { tokens: tokens.slice(titleEnd, end), src: (tokens[start] as Token).src };
  };

  const evaluation: PerformanceEvaluation = {
    annex: head.text.trim().replace(/[\s:：]+/g, ''),
    project: { name: '' },
    spending: [],
    indicators: [],
    conclusions: [],
    src: annexSrc,
  };

  const projectPart = section('项目概况');
  if (projectPart) readProject(projectPart.tokens, evaluation, unread, projectPart.src);
  if (!evaluation.project.name) {
    unread.push({
      what: '项目名称',
      reason: '未读到项目名称 / project name not found',
      src: projectPart?.src ?? annexSrc,
    });
  }

  const fundsPart = section('资金安排和使用情况表');
  if (fundsPart) evaluation.funds = parseFundsTable(fundsPart.tokens, fundsPart.src);

  const spendingPart = section('项目支出内容');
  if (spendingPart) {
    const s = parseSpendingTable(spendingPart.tokens, spendingPart.src, evaluation.funds?.unit ?? '元');
    evaluation.spending = s.rows;
    for (const u of s.unread) unread.push({ what: '项目支出内容', ...u });
  }

  const conclusionPart = section('综合结论');
  const conclusionFields = conclusionPart ? readFields(conclusionPart.tokens, CONCLUSION_LABELS) : [];
  for (const f of conclusionFields) {
    const text = joinParagraphs(f.parts);
    if (CONCLUSION_GROUPS.has(f.label) && !text) continue;
    evaluation.conclusions.push({ label: f.label, text, src: f.src });
  }
  const names = conclusionFields
    .filter((f) => NAME_LISTS.includes(f.label))
    .flatMap((f) => joinParts(f.parts).split(/[；;]/))
    .flatMap(nameVariants);

  const scorePart = section('自评价评分表');
  if (scorePart) {
    const sheet = parseScoreSheet(scorePart.tokens, names, scorePart.src);
    evaluation.indicators = sheet.indicators;
    evaluation.groups = sheet.groups;
    if (sheet.totalWeight) evaluation.totalWeight = sheet.totalWeight;
    if (sheet.totalScore) evaluation.totalScore = sheet.totalScore;
    if (sheet.grade) evaluation.grade = sheet.grade;
    unread.push(...sheet.unread);
  }
  evaluation.unread = unread;
  return evaluation;
}

/** A listed indicator name, and the same without a trailing note ("预算执行率（偏差21.07%）", "预算执行率：…"). */
function nameVariants(listed: string): string[] {
  const name = listed.trim();
  if (!name) return [];
  const bare = name
    .replace(/[（(][^（()）]*[)）]$/, '')
    .replace(/[:：].*$/, '')
    .trim();
  return bare && bare !== name ? [name, bare] : [name];
}

/** Is line i an annex label ("附件1-1") followed by the start of a performance annex? */
function startsAnnex(lines: readonly TextLine[], i: number): boolean {
  if (!ANNEX_RE.test((lines[i] as TextLine).text.trim())) return false;
  const next = lines
    .slice(i + 1, i + 4)
    .map((l) => l.text.replace(/\s+/g, ''))
    .join('');
  return /^(项目概况|自评价评分表|项目支出绩效自评表)/.test(next);
}

/** Index of the first performance annex label ("附件1-1") that is followed by a 项目概况 or 自评价评分表. */
export function findPerformanceAnnexStart(lines: readonly TextLine[]): number {
  for (let i = 0; i < lines.length; i++) if (startsAnnex(lines, i)) return i;
  return -1;
}

function readProject(tokens: readonly Token[], ev: PerformanceEvaluation, unread: Unread[], src: Source): void {
  const fields = readFields(tokens, PROJECT_LABELS);
  const get = (f: Field) => joinParts(f.parts);
  for (const f of fields) {
    switch (f.label) {
      case '申报单位名称（盖章）':
      case '申报单位名称':
      case '申报单位':
        ev.project.department = get(f);
        break;
      case '项目名称':
        ev.project.name = get(f);
        break;
      case '项目类别':
        ev.project.category = get(f);
        break;
      case '资金用途':
        ev.project.purpose = get(f);
        break;
      case '项目负责人':
        ev.project.manager = get(f);
        break;
      case '联系人':
        ev.project.contact = get(f);
        break;
      case '电话':
        ev.project.phone = get(f);
        break;
      case '起始日期':
        ev.project.start = get(f);
        break;
      case '结束日期':
        ev.project.end = get(f);
        break;
      case '项目概况':
        ev.project.overview = joinParagraphs(f.parts);
        break;
      case '项目总（中期）目标':
      case '项目总目标':
        ev.project.longTermGoal = joinParagraphs(f.parts);
        break;
      case '年度绩效目标':
        ev.project.annualGoal = joinParagraphs(f.parts);
        break;
    }
  }
  if (fields.length === 0) unread.push({ what: '项目概况', reason: '项目概况无可读字段 / no fields read', src });
}
