// Performance self-evaluation annexes (附件1-1 …绩效自评表) from positioned text: project facts, 资金安排和使用情况表,
// 项目支出内容, 自评价评分表 and 综合结论, each read from cell positions.
import type { Cell, Column, PerformanceEvaluation, Row, Source } from '../../model/disclosure.ts';
import { parseAmount, type Unit } from '../../model/money.ts';
import { FUNDS_COLUMNS } from '../../model/performance.ts';
import type { Line, Segment } from './lines.ts';
import { readForm } from './performance-form.ts';
import { columnOf, columnRanges, joinCell } from './performance-grid.ts';
import { readScoreSheet } from './performance-sheet.ts';
import { readSpending, spendingHeaderStart } from './performance-spending.ts';

const ANNEX = /^附件\s*(\d+(?:\s*[-—－]\s*\d+)?)(?![\d.])/;
const SECTIONS = ['项目概况', '资金安排和使用情况表', '项目支出内容', '自评价评分表', '综合结论'] as const;
type SectionName = (typeof SECTIONS)[number];

const squash = (s: string) => s.replace(/\s+/g, '');
const ordinal = (t: string) =>
  squash(t).replace(/^[一二三四五六七八九十]+[、.．]|^[（(][一二三四五六七八九十]+[）)]/, '');
const sectionOf = (l: Line): SectionName | undefined => {
  const t = ordinal(l.text);
  // 项目支出内容 may be the first header cell of its table, on one line with the column headings.
  if (ordinal(l.segments[0]?.text ?? '') === '项目支出内容') return '项目支出内容';
  return SECTIONS.find((s) => t === s);
};

/** Reads every annex from the lines starting at the first "附件…" label. */
export function readPerformanceAnnexes(file: string, lines: readonly Line[]): PerformanceEvaluation[] {
  const parts: Line[][] = [];
  lines.forEach((l, i) => {
    // "附件7" inside a data-source cell does not start an annex: the label line names a 绩效自评表 or a section follows.
    const starts =
      ANNEX.test(squash(l.segments[0]?.text ?? '')) &&
      (/绩效/.test(l.text) || lines.slice(i + 1, i + 4).some((n) => sectionOf(n) !== undefined));
    if (starts || parts.length === 0) parts.push([l]);
    else parts[parts.length - 1]?.push(l);
  });
  return parts.map((p) => readAnnex(file, p));
}

function readAnnex(file: string, lines: readonly Line[]): PerformanceEvaluation {
  const head = lines[0] as Line;
  const src: Source = { file, page: head.page };
  const m = ANNEX.exec(squash(head.segments[0]?.text ?? ''));
  const ev: PerformanceEvaluation = {
    project: { name: '' },
    spending: [],
    indicators: [],
    conclusions: [],
    src,
  };
  if (m) ev.annex = `附件${m[1]}`;
  const unread: NonNullable<PerformanceEvaluation['unread']> = [];
  const at = new Map<SectionName, number>();
  lines.forEach((l, i) => {
    const s = sectionOf(l);
    if (s && !at.has(s)) at.set(s, i);
  });
  // A middle-aligned 项目支出内容 header cell prints below the heading words over the columns: start with those.
  const spendingAt = at.get('项目支出内容');
  if (spendingAt !== undefined) at.set('项目支出内容', spendingHeaderStart(lines, spendingAt));
  /** The section's lines after its title line (from its first line when `withTitle`). */
  const part = (name: SectionName, withTitle = false): Line[] | undefined => {
    const start = at.get(name);
    if (start === undefined) return undefined;
    const end = Math.min(lines.length, ...[...at.values()].filter((v) => v > start));
    return lines.slice(withTitle ? start : start + 1, end);
  };
  const sectionSrc = (name: SectionName): Source => {
    const i = at.get(name);
    return { file, page: (lines[i ?? 0] as Line).page };
  };

  const project = part('项目概况');
  if (project) readProject(project, ev);
  else unread.push({ what: '项目概况', reason: '未找到“项目概况” / section not found', src });
  if (!ev.project.name) {
    // The annex title names the project ("…绩效自评表"), on the label's line or the next.
    const next = lines[1];
    const printed =
      head.segments.length > 1
        ? head.segments.slice(1)
        : next && /绩效自评表$/.test(squash(next.text))
          ? next.segments
          : [];
    const title = joinCell(printed.map((s) => s.text)).replace(/(项目支出)?绩效自评表$/, '');
    if (title) ev.project.name = title;
    else unread.push({ what: '项目名称', reason: '未读到项目名称 / project name not found', src });
  }

  const funds = part('资金安排和使用情况表');
  if (funds) {
    const t = readFunds(file, funds, sectionSrc('资金安排和使用情况表'));
    if (t) ev.funds = t;
  } else unread.push({ what: '资金安排和使用情况表', reason: '未找到 / section not found', src });

  const spending = part('项目支出内容', true);
  if (spending) {
    const s = readSpending(file, spending, sectionSrc('项目支出内容'), ev.funds?.unit ?? '元');
    ev.spending = s.rows;
    for (const u of s.unread) unread.push({ what: '项目支出内容', ...u });
  }

  const sheet = part('自评价评分表');
  if (sheet) {
    const s = readScoreSheet(file, sheet, sectionSrc('自评价评分表'));
    ev.indicators = s.indicators;
    ev.groups = s.groups;
    if (s.totalWeight) ev.totalWeight = s.totalWeight;
    if (s.totalScore) ev.totalScore = s.totalScore;
    if (s.grade) ev.grade = s.grade;
    unread.push(...s.unread);
  } else unread.push({ what: '自评价评分表', reason: '未找到 / section not found', src });

  const conclusions = part('综合结论');
  if (conclusions) ev.conclusions = readConclusions(file, conclusions);
  ev.unread = unread;
  return ev;
}

type ProjectKey = keyof PerformanceEvaluation['project'] | 'contact/phone';
const PROJECT_LABELS: [string, ProjectKey][] = [
  ['项目名称', 'name'],
  ['主管部门', 'department'],
  ['申报单位名称(盖章)', 'department'],
  ['申报单位名称', 'department'],
  ['申报单位', 'department'],
  ['项目类别', 'category'],
  ['资金用途', 'purpose'],
  ['项目负责人', 'manager'],
  ['联系人/电话', 'contact/phone'],
  ['联系人', 'contact'],
  ['联系电话', 'phone'],
  ['电话', 'phone'],
  ['起始日期', 'start'],
  ['结束日期', 'end'],
  ['项目概况', 'overview'],
  ['项目总(中期)目标', 'longTermGoal'],
  ['项目总目标', 'longTermGoal'],
  ['年度绩效目标', 'annualGoal'],
];

const PHONE_LAST = /^(.*?)\s*([\d\-－—()（）][\d\-－—()（）\s]{5,}[\d)）])$/;
const PHONE_FIRST = /^([\d\-－—()（）][\d\-－—()（）\s]{5,}[\d)）])\s*(.*)$/;

/** "联系人/电话" value: the phone is the run of digits and dashes at its end (or start), the rest the contact. */
export function splitContact(text: string): { contact: string; phone: string } {
  const last = PHONE_LAST.exec(text);
  if (last) return { contact: last[1] ?? '', phone: last[2] ?? '' };
  const first = PHONE_FIRST.exec(text);
  if (first) return { contact: first[2] ?? '', phone: first[1] ?? '' };
  return { contact: text, phone: '' };
}

function readProject(lines: readonly Line[], ev: PerformanceEvaluation): void {
  const fields = readForm(
    lines,
    PROJECT_LABELS.map(([l]) => l),
  );
  for (const f of fields) {
    const key = PROJECT_LABELS.find(([l]) => l === f.label)?.[1];
    const text = joinCell(f.parts);
    if (!key || !text) continue;
    if (key === 'contact/phone') {
      const { contact, phone } = splitContact(text);
      if (contact) ev.project.contact = contact;
      if (phone) ev.project.phone = phone;
    } else ev.project[key] = text;
  }
}

const FUNDS_ROWS: [RegExp, string][] = [
  [/^预算安排/, 'budget'],
  [/^项目实际投入/, 'invested'],
  [/^资金到位率/, 'arrivalRate'],
  [/^资金到位/, 'arrived'],
  [/^预算执行率/, 'executionRate'],
  [/^资金实际支出率/, 'spendingRate'],
  [/^实际支出/, 'spent'],
  [/^资金结余/, 'balance'],
];
const AMOUNT = /^-?[\d,]+(?:\.\d+)?$/;

function readFunds(
  file: string,
  lines: readonly Line[],
  titleSrc: Source,
): NonNullable<PerformanceEvaluation['funds']> {
  const unread: { reason: string; src?: Source }[] = [];
  const all = squash(lines.map((l) => l.text).join(''));
  const u = /单位[:：](万元|元)/.exec(all);
  const unit: Unit = u?.[1] === '万元' ? '万元' : '元';
  if (!u) unread.push({ reason: '未找到金额单位，按元读取 / no unit found, read as 元', src: titleSrc });
  const rowAt = lines.findIndex((l) => FUNDS_ROWS.some(([re]) => re.test(squash(l.segments[0]?.text ?? ''))));
  const table: NonNullable<PerformanceEvaluation['funds']> = {
    title: '资金安排和使用情况表',
    unit,
    columns: [],
    rows: [],
    notes: [],
    src: titleSrc,
    unread,
  };
  if (rowAt < 0) {
    unread.push({ reason: '未找到任何数据行 / no rows found', src: titleSrc });
    return table;
  }
  const headerLines = lines.slice(0, rowAt).filter((l) => !/单位[:：]/.test(squash(l.text)));
  const headSegs = headerLines.flatMap((l) => l.segments.map((s) => ({ s, l })));
  // Two header rows: an upper cell with lower cells printed near under it (within its own width either side) spans
  // them; one without stands alone over its column (合计, 项目, 行次 printed over both rows).
  const lowest = Math.max(...headSegs.map((h) => h.l.y));
  const lower = headSegs.filter((h) => h.l.y > lowest - 1);
  const mid = (s: Segment) => (s.x0 + s.x1) / 2;
  const spanning = headSegs.filter(
    ({ s, l }) =>
      l.y < lowest - 1 && lower.some((o) => mid(o.s) >= s.x0 - (s.x1 - s.x0) && mid(o.s) <= s.x1 + (s.x1 - s.x0)),
  );
  const leaves = headSegs.filter((h) => !spanning.includes(h));
  const bodyLines = lines.slice(rowAt);
  const heads = leaves.map(({ s, l }) => {
    const parent =
      l.y > lowest - 1
        ? spanning.reduce<(typeof spanning)[number] | undefined>(
            (best, o) => (!best || Math.abs(mid(o.s) - mid(s)) < Math.abs(mid(best.s) - mid(s)) ? o : best),
            undefined,
          )
        : undefined;
    const header = parent ? [parent.s.text, s.text] : [s.text];
    const text = squash(header.join(''));
    const kind = /^项目$|^行次$/.test(text) ? text : 'figure';
    return { kind, header: text, parts: header, x0: s.x0, x1: s.x1 };
  });
  const cols = columnRanges(
    heads,
    bodyLines.flatMap((l) => l.segments),
  );
  const figureCols = cols
    .map((c, i) => ({ c, i, parts: heads.find((h) => h.header === c.header)?.parts ?? [c.header] }))
    .filter(({ c }) => c.kind === 'figure');
  table.columns = figureCols.map(({ c, parts }): Column => {
    const known = FUNDS_COLUMNS.find((k) => squash(k.header.join('')) === c.header);
    return { id: known?.id ?? c.header, header: known && parts.length === 1 ? [...known.header] : parts };
  });
  let row: Row | undefined;
  for (const l of bodyLines) {
    const lab = squash(l.segments[0]?.text ?? '');
    const key = FUNDS_ROWS.find(([re]) => re.test(lab))?.[1];
    const src: Source = { file, page: l.page };
    if (key) {
      row = { key, label: l.segments[0]?.text ?? '', cells: {}, src };
      table.rows.push(row);
    }
    if (!row) continue;
    for (const s of l.segments.slice(key ? 1 : 0)) {
      const c = cols[columnOf(cols, s)];
      if (!c) continue;
      if (c.kind === '行次') row.lineNo = (row.lineNo ?? '') + s.text;
      else if (c.kind === '项目') row.label += s.text;
      else {
        const k = figureCols.findIndex((f) => f.c === c);
        const col = table.columns[k];
        if (!col) continue;
        row.cells[col.id] = fundsCell(s.text, /率/.test(row.label), unit, src);
      }
    }
  }
  for (const r of table.rows) {
    for (const c of table.columns) {
      if (!r.cells[c.id]) r.cells[c.id] = { kind: 'blank' } as Cell;
    }
  }
  return table;
}

function fundsCell(text: string, rate: boolean, unit: Unit, src: Source): Cell {
  if (rate) return { kind: 'text', text, src };
  if (!AMOUNT.test(text)) return { kind: 'unread', reason: `不是金额 / not an amount: "${text}"`, src };
  try {
    return { kind: 'amount', fen: parseAmount(text, unit), text, src };
  } catch {
    return { kind: 'unread', reason: `不是金额 / not an amount: "${text}"`, src };
  }
}

const CONCLUSION_LABELS = [
  '项目名称',
  '主管部门',
  '项目单位',
  '绩效目标完成的指标',
  '没有完成绩效目标的指标及偏差程度',
  '原因解释',
  '评分结果',
  '评价结论',
  '改进建议',
  '备注',
];

function readConclusions(file: string, lines: readonly Line[]): PerformanceEvaluation['conclusions'] {
  return readForm(lines, CONCLUSION_LABELS)
    .map((f) => ({ label: f.label, text: joinCell(f.parts), src: { file, page: f.src.page } }))
    .filter((c) => c.text);
}
