// 自评价评分表 of a performance annex, from extracted text.
//
// The sheet's cells are wrapped and interleaved column by column, so the text of one 三级 row reads:
// name lines, weight, target, actual, score (target/actual possibly wrapped: "8041万" "元" "8041万" "元"),
// then the scoring-standard lines, then the data-source lines, then the next name. 一级/二级 rows read:
// name lines, weight (sometimes a second figure). The reader:
//  1. finds every weight (a decimal figure) and decides row or group heading by what follows it
//     (a row has exactly two value cells and then a score, or text that reads like a scoring standard);
//  2. splits the text between two weights into the previous row's standard and data source and the
//     next name, using the indicator names listed in the 综合结论 when present, else column widths
//     learnt from the sheet's header;
//  3. gives heading levels from the structure (a heading directly followed by another heading is 一级).
import type { Indicator, IndicatorGroup, NumberValue, Source } from '../../model/disclosure.ts';
import {
  compact,
  DECIMAL_RE,
  displayWidth,
  joinParts,
  matchLabelAt,
  numberValue,
  type Token,
} from './performance-tokens.ts';

export interface Unread {
  what: string;
  reason: string;
  src?: Source;
}

export interface ScoreSheet {
  indicators: Indicator[];
  groups: IndicatorGroup[];
  totalWeight?: NumberValue;
  totalScore?: NumberValue;
  grade?: string;
  unread: Unread[];
}

const HEADER_LABELS = [
  '一级指标',
  '二级指标',
  '三级指标',
  '权重',
  '分值',
  '目标值',
  '业绩值',
  '评分结果',
  '得分',
  '评分标准',
  '数据来源及支持材料（附件）',
  '数据来源及支持材料',
  '（附件）',
] as const;

/**
 * Usual 一级/二级 heading names (Shenzhen framework and the national 10号 framework). Used first when
 * splitting a heading name from the data source above it; column width is the fallback.
 */
const GROUP_NAMES = [
  '投入和管理目标',
  '产出目标',
  '效果目标',
  '影响力目标',
  '成本',
  '投入管理',
  '财务管理',
  '项目管理',
  '资产管理',
  '数量',
  '质量',
  '时效',
  '经济效益',
  '社会效益',
  '生态效益',
  '可持续影响',
  '满意度',
  '长效管理',
  '人力资源',
  '部门协助',
  '配套设施',
  '信息共享',
  '其它',
  '其他',
  '决策',
  '过程',
  '产出',
  '效益',
  '项目立项',
  '绩效目标',
  '资金投入',
  '资金管理',
  '组织实施',
  '产出数量',
  '产出质量',
  '产出时效',
  '产出成本',
  '项目效益',
  '经济效益指标',
  '社会效益指标',
  '生态效益指标',
  '可持续影响指标',
  '满意度指标',
  '服务对象满意度',
  '服务对象满意度指标',
  '产出指标',
  '效益指标',
  '成本指标',
  '数量指标',
  '质量指标',
  '时效指标',
  '预算执行率',
].map(compact);

/** Text that starts a scoring standard (used when a score is missing). */
const STANDARD_START_RE = /^(业绩值|达标|未达标|及时得|完成得|按业绩|低于|高于)/;
const STANDARD_ANY_RE = /得满分|得0分|扣分|扣权重|不得分|酌情|得分|评分|计分/;

function looksLikeStandard(text: string): boolean {
  return STANDARD_START_RE.test(text) || STANDARD_ANY_RE.test(text);
}

// ---- value cells (目标值 / 业绩值) ----

const COMPARATOR = '(?:≥|≤|>|<|＞|＜|=|＝|约|不低于|不少于|不高于|不超过|不大于|不小于|大于|小于|超过|达到)';
const NUMERIC_CELL_RE = new RegExp(`^${COMPARATOR}?-?\\d+(?:\\.\\d+)?(?:%|‰|[^\\d\\s]{1,6})?$`);
const DATE_CELL_RE = /^(?:\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{4}[-./]\d{1,2}(?:[-./]\d{1,2})?)(?:前|底|以前|之前)?$/;
const COMPARATOR_ONLY_RE = new RegExp(`^${COMPARATOR}+$`);
const QUALIFIERS = ['不', '未', '无', '非', '基本', '较', '比较', '部分', '很', '非常', '完全', '全部', '未能'];
const GRADE_WORDS = new Set(['优秀', '良好', '合格', '不合格', '优', '良', '中', '差', '是', '否']);

type CellKind = 'number' | 'date' | 'word';

function cellKind(s: string): CellKind | undefined {
  if (!s || COMPARATOR_ONLY_RE.test(s)) return undefined;
  if (NUMERIC_CELL_RE.test(s)) return 'number';
  if (DATE_CELL_RE.test(s)) return 'date';
  if (!/\d/.test(s) && s.length <= 16) return 'word';
  return undefined;
}

/** Two qualitative values belong to one scale: equal, or one is the other with a qualifier (满意 / 基本满意). */
function sameScale(a: string, b: string): boolean {
  if (a === b) return true;
  if (GRADE_WORDS.has(a) && GRADE_WORDS.has(b)) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return QUALIFIERS.some((q) => long === q + short);
}

function plausiblePair(target: string, actual: string, sameScaleWords: boolean): boolean {
  const kt = cellKind(target);
  const ka = cellKind(actual);
  if (!kt || !ka) return false;
  if (kt === 'word' && ka === 'word' && sameScaleWords) return sameScale(target, actual);
  return true;
}

type Split = { target: string; actual: string } | 'ambiguous' | undefined;

/**
 * Splits the pieces between weight and score into 目标值 and 业绩值. Pieces on one line are separate
 * cells; a line break may be a wrap inside a cell or a cell boundary.
 */
function splitTargetActual(raw: readonly Token[], sameScaleWords: boolean): Split {
  // A comparator printed apart from its number ("≥ 95%") belongs to the piece after it.
  const pieces: Token[] = [];
  for (let k = 0; k < raw.length; k++) {
    const t = raw[k] as Token;
    const next = raw[k + 1];
    if (COMPARATOR_ONLY_RE.test(t.text) && next) {
      pieces.push({ ...next, text: t.text + next.text, lineIndex: t.lineIndex });
      k++;
    } else pieces.push(t);
  }
  if (pieces.length < 2) return undefined;
  const forced: number[] = [];
  for (let k = 1; k < pieces.length; k++) {
    if ((pieces[k] as Token).lineIndex === (pieces[k - 1] as Token).lineIndex) forced.push(k);
  }
  if (forced.length > 1) return undefined;
  const valid: { target: string; actual: string }[] = [];
  for (let s = 1; s < pieces.length; s++) {
    if (forced.length === 1 && forced[0] !== s) continue;
    const target = pieces
      .slice(0, s)
      .map((t) => t.text)
      .join('');
    const actual = pieces
      .slice(s)
      .map((t) => t.text)
      .join('');
    if (plausiblePair(target, actual, sameScaleWords)) valid.push({ target, actual });
  }
  if (valid.length === 1) return valid[0];
  if (valid.length === 0) return undefined;
  return valid.find((v) => v.target === v.actual) ?? 'ambiguous';
}

// ---- the sheet ----

interface RowElement {
  type: 'row';
  /** Token index of the weight. */
  at: number;
  weight: Token;
  cells: readonly Token[];
  split: Split;
  score?: Token;
  /** Token index where the standard begins (after the score, or where the cells stopped). */
  after: number;
}
interface GroupElement {
  type: 'group';
  at: number;
  weight: Token;
  score?: Token;
  after: number;
}
type Element = RowElement | GroupElement;

/** Tries to read a row whose weight is at `at`. */
function tryRow(body: readonly Token[], at: number, certain: boolean): RowElement | undefined {
  const weight = body[at] as Token;
  const cells: Token[] = [];
  for (let q = at + 1; q < body.length && cells.length <= 8; q++) {
    const t = body[q] as Token;
    if (DECIMAL_RE.test(t.text)) {
      // A score ends its line (or is followed on it by the standard); a decimal followed by other text on
      // its line is the next weight.
      const after = body[q + 1];
      const standardOnLine = after !== undefined && after.lineIndex === t.lineIndex && looksLikeStandard(after.text);
      if (!t.lineEnd && !standardOnLine) {
        if (!certain) return undefined;
        break;
      }
      if (!certain && compareValues(t.text, weight.text) > 0) return undefined;
      const split = chooseSplit(cells, certain || standardFollows(body, q + 1));
      if (!certain && !resolved(split)) return undefined;
      return { type: 'row', at, weight, cells, split, score: t, after: q + 1 };
    }
    if (cells.length >= 2 && looksLikeStandard(t.text)) {
      const split = chooseSplit(cells, true);
      if (!certain && !resolved(split)) return undefined;
      return { type: 'row', at, weight, cells, split, after: q };
    }
    cells.push(t);
  }
  if (!certain) return undefined;
  // Certain row (text on the weight's line) but no score and no standard found: cells unreadable.
  const stop = Math.min(body.length, at + 1 + Math.min(cells.length, 2));
  return { type: 'row', at, weight, cells: body.slice(at + 1, stop), split: undefined, after: stop };
}

function resolved(split: Split): split is { target: string; actual: string } {
  return split !== undefined && split !== 'ambiguous';
}

/**
 * Qualitative values of one scale (合理/合理, 满意/基本满意) always make a pair; unlike words
 * ("年底前完成" / "已完成") only when the row is otherwise certain (`loose`).
 */
function chooseSplit(cells: readonly Token[], loose: boolean): Split {
  const strict = splitTargetActual(cells, true);
  if (resolved(strict) || !loose) return strict;
  return splitTargetActual(cells, false);
}

/** Does a scoring standard start right after index `from` (before the next decimal)? */
function standardFollows(body: readonly Token[], from: number): boolean {
  let s = '';
  for (let i = from; i < body.length && s.length < 40; i++) {
    const t = body[i] as Token;
    if (DECIMAL_RE.test(t.text)) break;
    s += t.text;
  }
  return looksLikeStandard(s);
}

function compareValues(a: string, b: string): number {
  const x = numberValue(a);
  const y = numberValue(b);
  if (x.value === undefined || y.value === undefined || x.scale === undefined || y.scale === undefined) return 0;
  const s = Math.max(x.scale, y.scale);
  const xv = x.value * 10n ** BigInt(s - x.scale);
  const yv = y.value * 10n ** BigInt(s - y.scale);
  return xv < yv ? -1 : xv > yv ? 1 : 0;
}

interface Widths {
  level1: number;
  level2: number;
  level3: number;
}

function readHeader(tokens: readonly Token[]): { end: number; widths: Partial<Widths>; found: number } {
  const widths: Partial<Widths> = {};
  let i = 0;
  let found = 0;
  for (;;) {
    let m: ReturnType<typeof matchLabelAt>;
    for (const label of HEADER_LABELS) {
      m = matchLabelAt(tokens, i, label);
      if (m && !m.rest) break;
      m = undefined;
    }
    if (!m) break;
    const w = Math.max(...tokens.slice(m.start, m.end).map((t) => displayWidth(t.text)));
    if (m.label === '一级指标') widths.level1 = w;
    if (m.label === '二级指标') widths.level2 = w;
    if (m.label === '三级指标') widths.level3 = w;
    found++;
    i = m.end;
  }
  return { end: i, widths, found };
}

/** Removes the column header when it is printed again at the top of a continuation page. */
function dropRepeatedHeaders(body: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < body.length; i++) {
    const t = body[i] as Token;
    const prev = body[i - 1];
    if (t.lineStart && prev && prev.src.page !== t.src.page) {
      const h = readHeader(body.slice(i));
      if (h.found >= 3) {
        i += h.end - 1;
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

/** Splits a name off the end of `region`: by the listed names, else by the column width. */
function splitName(
  region: readonly Token[],
  width: number,
  names: ReadonlySet<string>,
  keepOne: boolean,
): { name: Token[]; rest: Token[]; byList: boolean } {
  const min = keepOne ? 1 : 0;
  if (names.size > 0) {
    for (let k = Math.min(region.length - min, 24); k >= 1; k--) {
      const cand = region.slice(region.length - k);
      if (names.has(compact(cand.map((t) => t.text).join('')))) {
        return { name: cand, rest: region.slice(0, region.length - k), byList: true };
      }
    }
  }
  // Width: every piece but the last of a wrapped name is full, i.e. its next character did not fit.
  let k = 0;
  let widest = width;
  while (region.length - k > min) {
    const t = region[region.length - 1 - k] as Token;
    if (/[。；;]$/.test(t.text)) break;
    const w = displayWidth(t.text);
    if (k > 0) {
      const next = nextUnit((region[region.length - k] as Token).text);
      if (w > widest + 0.5 || w + displayWidth(next) <= widest) break;
    }
    widest = Math.max(widest, w);
    k++;
  }
  // A name does not begin inside brackets: a first piece closing a bracket it never opened ends the source.
  while (k > 1 && unmatchedClose((region[region.length - k] as Token).text)) k--;
  return { name: region.slice(region.length - k), rest: region.slice(0, region.length - k), byList: false };
}

function unmatchedClose(piece: string): boolean {
  let depth = 0;
  for (const ch of piece) {
    if (/[（(《【]/.test(ch)) depth++;
    else if (/[）)》】]/.test(ch) && --depth < 0) return true;
  }
  return false;
}

/**
 * The start of a wrapped piece that could not have ended the line before: its first character, plus the
 * following one when the first is an opening bracket or the second may not start a line (、）。…).
 */
function nextUnit(piece: string): string {
  const chars = [...piece];
  let n = 1;
  if (/[（(《“‘【]/.test(chars[0] ?? '')) n++;
  if (/[、，。；：）)》”’！？】]/.test(chars[n] ?? '')) n++;
  return chars.slice(0, n).join('');
}

/** Splits a row's trailing text into scoring standard and data source. */
function splitStandard(tail: readonly Token[]): { standard: Token[]; source: Token[] } {
  let stop = tail.findIndex((t) => /。$/.test(t.text));
  if (stop >= 0) {
    // A second sentence of the standard: no wider than the standard so far, and about scoring.
    for (;;) {
      const widest = Math.max(...tail.slice(0, stop + 1).map((t) => displayWidth(t.text)));
      const end = tail.findIndex((t, i) => i > stop && /。$/.test(t.text));
      if (end < 0) break;
      const more = tail.slice(stop + 1, end + 1);
      if (more.some((t) => displayWidth(t.text) > widest + 0.5) || !looksLikeStandard(text(more))) break;
      stop = end;
    }
    return { standard: tail.slice(0, stop + 1), source: tail.slice(stop + 1) };
  }
  if (tail.length === 0) return { standard: [], source: [] };
  // No full stop: the standard is the first wrapped cell (pieces of similar width, the last may be short).
  const w0 = displayWidth((tail[0] as Token).text);
  let k = 1;
  while (k < tail.length) {
    if (displayWidth((tail[k - 1] as Token).text) < w0 - 1) break;
    if (displayWidth((tail[k] as Token).text) > w0 + 1) break;
    k++;
  }
  return { standard: tail.slice(0, k), source: tail.slice(k) };
}

function text(tokens: readonly Token[]): string {
  return joinParts(tokens.map((t) => ({ text: t.text, lineIndex: t.lineIndex })));
}

/**
 * Reads the score sheet. `tokens` run from just after the title "自评价评分表" to just before "综合结论";
 * `names` are the indicator names listed in the 综合结论 (may be empty).
 */
export function parseScoreSheet(tokens: readonly Token[], names: readonly string[], titleSrc: Source): ScoreSheet {
  const unread: Unread[] = [];
  const header = readHeader(tokens);
  if (header.found < 3) {
    unread.push({ what: '评分表表头', reason: '未识别评分表表头 / score sheet header not recognised', src: titleSrc });
  }
  const totalAt = tokens.findIndex((t, i) => i >= header.end && t.lineStart && /^总计/.test(t.text));
  const body = dropRepeatedHeaders(tokens.slice(header.end, totalAt < 0 ? tokens.length : totalAt));
  const footer = totalAt < 0 ? [] : tokens.slice(totalAt);

  // 1. Weights: rows and group headings.
  const elements: Element[] = [];
  for (let p = 0; p < body.length; p++) {
    const t = body[p] as Token;
    if (!DECIMAL_RE.test(t.text)) continue;
    const next = body[p + 1];
    const sameLine = next !== undefined && next.lineIndex === t.lineIndex;
    if (sameLine && DECIMAL_RE.test(next.text) && next.lineEnd) {
      elements.push({ type: 'group', at: p, weight: t, score: next, after: p + 2 });
      p++;
      continue;
    }
    const row = tryRow(body, p, sameLine);
    if (row) {
      elements.push(row);
      p = row.after - 1;
    } else {
      elements.push({ type: 'group', at: p, weight: t, after: p + 1 });
    }
  }

  // 2. Group levels: a heading directly followed by a heading (and carrying weight) is 一级.
  const levels = elements.map((e, k) => {
    if (e.type !== 'group') return 3;
    if (!elements.slice(0, k).some((x) => x.type === 'group')) return 1;
    const nxt = elements[k + 1];
    const w = numberValue(e.weight.text).value ?? 0n;
    return nxt?.type === 'group' && w > 0n ? 1 : 2;
  });

  // 3. Names, standards and data sources.
  const nameSet = new Set(names.map(compact).filter(Boolean));
  const groupNames = new Set(GROUP_NAMES);
  const learnt: number[] = [];
  const regions = elements.map((e, k) => {
    const prev = elements[k - 1];
    const from = prev ? prev.after : 0;
    return { region: body.slice(from, e.at), prevRow: prev?.type === 'row' ? prev : undefined };
  });
  // Widths of wrapped names found in the list refine the 三级 column width.
  for (const [k, r] of regions.entries()) {
    if (levels[k] !== 3 || nameSet.size === 0) continue;
    const s = splitName(r.region, 0, nameSet, r.prevRow !== undefined);
    if (s.byList && s.name.length > 1) learnt.push(...s.name.slice(0, -1).map((t) => displayWidth(t.text)));
  }
  // The piece just before each weight ends a name: the widest such piece is a lower bound of the column,
  // like the header label (which may sit on one line and so only bound it from below).
  const lastPiece = (level: number) =>
    regions
      .filter((_, k) => levels[k] === level)
      .map((r) => r.region[r.region.length - 1])
      .filter((t): t is Token => t !== undefined && !/[。；;]$/.test(t.text))
      .map((t) => Math.floor(displayWidth(t.text)));
  const widths: Widths = {
    level1: Math.max(header.widths.level1 ?? 2, ...lastPiece(1)),
    level2: Math.max(header.widths.level2 ?? 2, ...lastPiece(2)),
    level3: Math.max(header.widths.level3 ?? 2, ...lastPiece(3), ...learnt.map((w) => Math.floor(w))),
  };

  const trailing = new Map<number, Token[]>();
  const nameOf: { name: string; src?: Source; byList: boolean }[] = [];
  regions.forEach((r, k) => {
    const level = levels[k] as 1 | 2 | 3;
    const width = level === 1 ? widths.level1 : level === 2 ? widths.level2 : widths.level3;
    const s = splitName(r.region, width, level === 3 ? nameSet : groupNames, r.prevRow !== undefined);
    if (k > 0) trailing.set(k - 1, s.rest);
    else if (s.rest.length > 0) {
      unread.push({
        what: '评分表',
        reason: `首个指标前有无法归属的文字 / text before the first indicator: ${text(s.rest)}`,
        src: (s.rest[0] as Token).src,
      });
    }
    const src = (s.name[0] ?? (elements[k] as Element).weight).src;
    nameOf.push({ name: s.name.map((t) => t.text).join(''), src, byList: s.byList });
  });
  if (elements.length > 0)
    trailing.set(elements.length - 1, body.slice((elements[elements.length - 1] as Element).after));

  const groups: IndicatorGroup[] = [];
  const indicators: Indicator[] = [];
  let g1: IndicatorGroup | undefined;
  let g2: IndicatorGroup | undefined;
  elements.forEach((e, k) => {
    const level = levels[k] as 1 | 2 | 3;
    const { name, src } = nameOf[k] as { name: string; src: Source };
    if (!name) {
      unread.push({ what: '指标名称', reason: '指标名称为空或无法确定 / indicator name empty or not found', src });
    }
    if (e.type === 'group') {
      const g: IndicatorGroup = { level: level === 1 ? 1 : 2, name, weight: numberValue(e.weight.text), src };
      if (e.score) g.score = numberValue(e.score.text);
      if (level === 1) {
        g1 = g;
        g2 = undefined;
      } else {
        if (g1) g.parent = g1.name;
        g2 = g;
      }
      groups.push(g);
      return;
    }
    const ind: Indicator = {
      level1: g1?.name ?? '',
      level2: g2?.name ?? '',
      name,
      weight: numberValue(e.weight.text),
      src,
    };
    if (g1?.weight) ind.level1Weight = g1.weight;
    if (g2?.weight) ind.level2Weight = g2.weight;
    if (!g1 || !g2) {
      unread.push({
        what: `指标“${name}”的上级指标`,
        reason: '一级或二级指标缺失 / 一级 or 二级 heading missing',
        src,
      });
    }
    if (e.split && e.split !== 'ambiguous') {
      ind.target = e.split.target;
      ind.actual = e.split.actual;
    } else {
      unread.push({
        what: `指标“${name}”的目标值、业绩值`,
        reason:
          e.split === 'ambiguous'
            ? `目标值与业绩值的分界不确定 / target/actual boundary ambiguous: ${text(e.cells)}`
            : `无法读出目标值与业绩值 / target and actual not readable: ${text(e.cells)}`,
        src,
      });
    }
    if (e.score) ind.score = numberValue(e.score.text);
    else {
      unread.push({ what: `指标“${name}”的评分结果`, reason: '未印出评分结果 / no score printed', src });
    }
    const tail = trailing.get(k) ?? [];
    const { standard, source } = splitStandard(tail);
    if (standard.length > 0) ind.standard = text(standard);
    if (source.length > 0) ind.dataSource = text(source);
    indicators.push(ind);
  });

  const sheet: ScoreSheet = { indicators, groups, unread };
  readFooter(footer, sheet, titleSrc);
  return sheet;
}

/** "总计 100.00 94.52" and "评价等级 … 优秀". */
function readFooter(footer: readonly Token[], sheet: ScoreSheet, titleSrc: Source): void {
  const gradeAt = footer.findIndex((_, i) => matchLabelAt(footer, i, '评价等级') !== undefined);
  const totals = footer.slice(1, gradeAt < 0 ? footer.length : gradeAt).filter((t) => DECIMAL_RE.test(t.text));
  const totalSrc = footer[0]?.src ?? titleSrc;
  if (totals.length === 2) {
    sheet.totalWeight = numberValue((totals[0] as Token).text);
    sheet.totalScore = numberValue((totals[1] as Token).text);
  } else {
    sheet.unread.push({
      what: '评分表总计',
      reason: `总计行应有权重与得分两个数，读到 ${totals.length} 个 / 总计 row should give weight and score, found ${totals.length}`,
      src: totalSrc,
    });
  }
  if (gradeAt < 0) {
    sheet.unread.push({ what: '评价等级', reason: '未找到评价等级 / grade not found', src: totalSrc });
    return;
  }
  const m = matchLabelAt(footer, gradeAt, '评价等级');
  const after = footer.slice(m?.end ?? gradeAt + 1);
  const words = after.filter((t) => !DECIMAL_RE.test(t.text));
  const figures = after.filter((t) => DECIMAL_RE.test(t.text));
  if (words.length > 0) sheet.grade = words.map((t) => t.text).join('');
  else
    sheet.unread.push({ what: '评价等级', reason: '评价等级为空 / grade empty', src: (footer[gradeAt] as Token).src });
  for (const f of figures) {
    sheet.unread.push({
      what: '评价等级行的数字',
      reason: `评价等级行印有数字 ${f.text}，模型无对应字段 / figure ${f.text} printed in the grade row has no field`,
      src: f.src,
    });
  }
}
