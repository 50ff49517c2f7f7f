// 自评价评分表 from positioned text. Columns come from the header cells (repeated on each page); a 三级 row is
// anchored by its weight or score; 一级/二级 headings are merged cells whose text may sit anywhere in their span
// (middle-aligned, or misplaced when the span crosses a page), so rows are given to headings by weight sums
// (a heading's weight = the sum of its rows' weights), position breaking ties; by position alone when sums fail.
import type { Indicator, IndicatorGroup, NumberValue, Source } from '../../model/disclosure.ts';
import type { ScoreSheet, Unread } from '../text/performance-scores.ts';
import { DECIMAL_RE, numberValue } from '../text/performance-tokens.ts';
import type { Line, Segment } from './lines.ts';
import {
  type CellBlock,
  columnOf,
  columnRanges,
  type GridColumn,
  joinCell,
  misfit,
  posOf,
} from './performance-grid.ts';

type Kind = 'l1' | 'l1w' | 'l2' | 'l2w' | 'l3' | 'l3w' | 'target' | 'actual' | 'score' | 'standard' | 'source';

const FIGURE = /^\d+(?:\.\d+)?$/;
const HEADER_WORD = /指标|权重|分值|目标值|业绩值|实际值|完成值|评分|得分|数据来源|支持|材料|附件|^[（(]|[）)]$/;
/** A header piece is a word: a cell text with figures or sentence marks (a wrapped 评分标准 above its row) is body. */
const isHeaderPiece = (t: string) => HEADER_WORD.test(t) && !/[\d，,；;。]/.test(t);

function kindOf(text: string, prevName: Kind | undefined): Kind | undefined {
  const t = text.replace(/\s+/g, '');
  if (/一级指标/.test(t)) return 'l1';
  if (/二级指标/.test(t)) return 'l2';
  if (/三级指标/.test(t)) return 'l3';
  if (/^(权重|分值|权重（分）|权重\(分\))$/.test(t))
    return prevName === 'l1' ? 'l1w' : prevName === 'l2' ? 'l2w' : 'l3w';
  if (/目标值|年度指标值|指标值/.test(t)) return 'target';
  if (/业绩值|实际值|完成值|实际完成/.test(t)) return 'actual';
  if (/评分结果|得分/.test(t)) return 'score';
  if (/评分标准/.test(t)) return 'standard';
  if (/数据来源|支持材料/.test(t)) return 'source';
  return undefined;
}

const isHeaderLine = (l: Line) => /三级指标/.test(l.text.replace(/\s+/g, ''));

interface Frag {
  kind: Kind;
  text: string;
  line: Line;
  seg: Segment;
}

interface Row {
  anchor: Line;
  frags: Frag[];
}

interface Heading {
  level: 1 | 2;
  names: Frag[];
  weight?: Frag;
  pos: number;
  page: number;
}

const SCALE = 6;
function scaled(v: NumberValue | undefined): bigint | undefined {
  if (v?.value === undefined || v.scale === undefined) return undefined;
  return v.value * 10n ** BigInt(SCALE - v.scale);
}

/** Reads the sheet from the lines after its title (excluded) up to the next section. */
export function readScoreSheet(file: string, lines: readonly Line[], titleSrc: Source): ScoreSheet {
  const unread: Unread[] = [];
  const out: ScoreSheet = { indicators: [], groups: [], unread };
  const src = (l: Line): Source => ({ file, page: l.page });

  // Header cells per page; a page without a header keeps the previous page's columns.
  const headerAt = new Map<number, Line[]>();
  const headerLines = new Set<Line>();
  lines.forEach((l, i) => {
    if (!isHeaderLine(l)) return;
    const hl = [l];
    for (let j = i + 1; j < lines.length; j++) {
      const n = lines[j] as Line;
      if (n.page !== l.page || n.y - (hl[hl.length - 1] as Line).y > 2 * n.size) break;
      if (!n.segments.every((s) => isHeaderPiece(s.text.replace(/\s+/g, '')))) break;
      hl.push(n);
    }
    for (const h of hl) headerLines.add(h);
    headerAt.set(l.page, hl);
  });
  if (headerAt.size === 0) {
    unread.push({ what: '自评价评分表', reason: '未找到表头（三级指标）/ no score-sheet header found', src: titleSrc });
    return out;
  }
  const totalAt = lines.findIndex((l) => !headerLines.has(l) && /^(总计|合计|总分)/.test(l.text.replace(/\s+/g, '')));
  const body = lines.filter((l, i) => !headerLines.has(l) && (totalAt < 0 || i < totalAt));
  const total = totalAt >= 0 ? (lines[totalAt] as Line) : undefined;

  // Columns per page.
  const colsByPage = new Map<number, GridColumn<Kind>[]>();
  let lastCols: GridColumn<Kind>[] | undefined;
  const pages = [...new Set(lines.map((l) => l.page))].sort((a, b) => a - b);
  for (const p of pages) {
    const hl = headerAt.get(p);
    if (hl) {
      const heads: { kind: Kind; header: string; x0: number; x1: number }[] = [];
      let prevName: Kind | undefined;
      const segs = hl.flatMap((l) => l.segments).sort((a, b) => a.x0 - b.x0);
      for (const s of segs) {
        const k = kindOf(s.text, prevName);
        if (!k) continue;
        if (k === 'l1' || k === 'l2' || k === 'l3') prevName = k;
        // A header wrapped over two lines ("数据来源及支持材料" / "（附件）") is one column.
        if (heads.some((h) => h.kind === k && s.x0 < h.x1 && s.x1 > h.x0)) continue;
        heads.push({ kind: k, header: s.text, x0: s.x0, x1: s.x1 });
      }
      const bodySegs = body.filter((l) => l.page === p).flatMap((l) => l.segments);
      lastCols = columnRanges(heads, bodySegs);
    }
    if (lastCols) colsByPage.set(p, lastCols);
  }
  const first = colsByPage.get(pages[0] as number);
  for (const need of ['l3', 'l3w'] as const) {
    if (!first?.some((c) => c.kind === need)) {
      unread.push({
        what: '自评价评分表',
        reason: `表头缺少“${need === 'l3' ? '三级指标' : '权重'}”列 / header lacks a column`,
        src: titleSrc,
      });
      return out;
    }
  }

  const frags: Frag[] = [];
  for (const l of body) {
    const cols = colsByPage.get(l.page);
    if (!cols) continue;
    for (const s of l.segments)
      frags.push({ kind: (cols[columnOf(cols, s)] as GridColumn<Kind>).kind, text: s.text, line: l, seg: s });
  }

  // Rows: a figure in the 三级 weight or score column anchors a row.
  const anchors = body.filter((l) =>
    frags.some((f) => f.line === l && (f.kind === 'l3w' || f.kind === 'score') && FIGURE.test(f.text)),
  );
  if (anchors.length === 0) {
    unread.push({ what: '自评价评分表', reason: '没有读到任何三级指标行 / no indicator row found', src: titleSrc });
    return out;
  }
  const rows: Row[] = anchors.map((a) => ({ anchor: a, frags: [] }));
  const rowKinds = new Set<Kind>(['l3', 'l3w', 'target', 'actual', 'score', 'standard', 'source']);
  const rowFrags = frags.filter((f) => rowKinds.has(f.kind));
  // A fragment's row, top-aligned (the last anchor at or above it) or middle-aligned (the nearest anchor).
  const byTop = (f: Frag): Row | undefined => {
    const samePage = rows.filter((r) => r.anchor.page === f.line.page);
    return samePage.findLast((r) => r.anchor.y <= f.line.y + 0.5) ?? samePage[0];
  };
  const byMiddle = (f: Frag): Row | undefined =>
    rows
      .filter((r) => r.anchor.page === f.line.page)
      .reduce<Row | undefined>(
        (b, r) => (!b || Math.abs(r.anchor.y - f.line.y) < Math.abs(b.anchor.y - f.line.y) ? r : b),
        undefined,
      );
  // Middle-aligned when a row's name is off its anchor line, or when cells sit better centred on their anchors
  // than starting on them (a cell wrapped over two lines straddles its row's line).
  const middle =
    !anchors.every((a) => rowFrags.some((f) => f.line === a && f.kind === 'l3')) ||
    misfit(cellBlocks(rowFrags, byMiddle), 'middle') < misfit(cellBlocks(rowFrags, byTop), 'top');
  for (const f of rowFrags) {
    const row = middle ? byMiddle(f) : byTop(f);
    if (row) row.frags.push(f);
    else unread.push({ what: f.text, reason: '无法归入任何指标行 / not placed in any row', src: src(f.line) });
  }

  const cellOf = (r: Row, k: Kind) =>
    joinCell(
      r.frags
        .filter((f) => f.kind === k)
        .sort((a, b) => posOf(a.line) - posOf(b.line) || a.seg.x0 - b.seg.x0)
        .map((f) => f.text),
    );
  const figureOf = (r: Row, k: Kind, what: string): NumberValue | undefined => {
    const t = cellOf(r, k);
    if (!t) return undefined;
    const v = numberValue(t);
    if (v.value === undefined)
      unread.push({
        what: `${cellOf(r, 'l3')} ${what}`,
        reason: `不是数字 / not a number: "${t}"`,
        src: src(r.anchor),
      });
    return v;
  };
  const indicators: Indicator[] = rows.map((r) => {
    const ind: Indicator = { level1: '', level2: '', name: cellOf(r, 'l3'), src: src(r.anchor) };
    const w = figureOf(r, 'l3w', '权重');
    if (w) ind.weight = w;
    const target = cellOf(r, 'target');
    if (target) ind.target = target;
    const actual = cellOf(r, 'actual');
    if (actual) ind.actual = actual;
    const sc = figureOf(r, 'score', '得分');
    if (sc) ind.score = sc;
    const standard = cellOf(r, 'standard');
    if (standard) ind.standard = standard;
    const source = cellOf(r, 'source');
    if (source) ind.dataSource = source;
    return ind;
  });

  // Headings of each level.
  const headingsOf = (level: 1 | 2): Heading[] => {
    const nk: Kind = level === 1 ? 'l1' : 'l2';
    const wk: Kind = level === 1 ? 'l1w' : 'l2w';
    const ws = frags.filter((f) => f.kind === wk && FIGURE.test(f.text));
    const hs: Heading[] = ws.map((w) => ({ level, names: [], weight: w, pos: posOf(w.line), page: w.line.page }));
    for (const f of frags.filter((x) => x.kind === nk)) {
      const same = hs.filter((h) => h.page === f.line.page);
      const near = same.reduce<Heading | undefined>(
        (b, h) => (!b || Math.abs(h.pos - posOf(f.line)) < Math.abs(b.pos - posOf(f.line)) ? h : b),
        undefined,
      );
      // Without weights, a name more than two lines from the last one starts a heading.
      const last = hs[hs.length - 1];
      if (near && (ws.length > 0 || Math.abs(near.pos - posOf(f.line)) <= 2 * f.line.size)) near.names.push(f);
      else if (ws.length === 0 && last && last.page === f.line.page && posOf(f.line) - lastPos(last) <= 2 * f.line.size)
        last.names.push(f);
      else hs.push({ level, names: [f], pos: posOf(f.line), page: f.line.page });
    }
    return hs.sort((a, b) => a.pos - b.pos);
  };
  const nameOf = (h: Heading) =>
    joinCell([...h.names].sort((a, b) => posOf(a.line) - posOf(b.line)).map((f) => f.text));
  const weightOf = (h: Heading) => (h.weight ? numberValue(h.weight.text) : undefined);

  const rowPos = rows.map((r) => {
    const ps = r.frags.map((f) => posOf(f.line)).concat(posOf(r.anchor));
    return [Math.min(...ps), Math.max(...ps), r.anchor.size] as const;
  });
  const weights = indicators.map((i) => scaled(i.weight));

  const assign = (hs: Heading[], what: string): (Heading | undefined)[] => {
    const placed = hs.filter((h) => (scaled(weightOf(h)) ?? -1n) !== 0n || h.weight === undefined);
    const byWeight = assignByWeight(placed, weights, rowPos, weightOf);
    if (byWeight) return byWeight;
    if (placed.some((h) => h.weight !== undefined)) {
      unread.push({
        what,
        reason: `权重合计与下级不符，按位置归属 / weights do not add up, rows given to ${what} by position`,
        src: titleSrc,
      });
    }
    return assignByPosition(placed, rows, rowPos);
  };
  const h1 = headingsOf(1);
  const h2 = headingsOf(2);
  const of1 = assign(h1, '一级指标');
  const of2 = assign(h2, '二级指标');
  indicators.forEach((ind, i) => {
    const a = of1[i];
    const b = of2[i];
    if (a) {
      ind.level1 = nameOf(a);
      const w = weightOf(a);
      if (w) ind.level1Weight = w;
    }
    if (b) {
      ind.level2 = nameOf(b);
      const w = weightOf(b);
      if (w) ind.level2Weight = w;
    }
  });

  // Headings in printed order: each 一级 followed by its 二级; a heading without rows goes after the row above it.
  const keyOf = (h: Heading, of: (Heading | undefined)[]): number => {
    const i = of.indexOf(h);
    if (i >= 0) return i;
    const before = rowPos.filter(([a]) => a < h.pos).length;
    return before - 0.5;
  };
  const parentOf = (h: Heading): Heading | undefined => {
    const i = of2.indexOf(h);
    if (i >= 0) return of1[i];
    const k = Math.max(0, Math.floor(keyOf(h, of2)));
    return of1[Math.min(k, of1.length - 1)];
  };
  const groups: IndicatorGroup[] = [];
  const l1Sorted = [...h1].sort((a, b) => keyOf(a, of1) - keyOf(b, of1));
  const l2Sorted = [...h2].sort((a, b) => keyOf(a, of2) - keyOf(b, of2));
  const toGroup = (h: Heading, parent?: Heading): IndicatorGroup => {
    const g: IndicatorGroup = {
      level: h.level,
      name: nameOf(h),
      src: src(h.weight?.line ?? (h.names[0] as Frag).line),
    };
    if (parent) g.parent = nameOf(parent);
    const w = weightOf(h);
    if (w) g.weight = w;
    return g;
  };
  for (const a of l1Sorted) {
    groups.push(toGroup(a));
    for (const b of l2Sorted) if (parentOf(b) === a) groups.push(toGroup(b, a));
  }
  for (const b of l2Sorted) if (!parentOf(b) || !h1.includes(parentOf(b) as Heading)) groups.push(toGroup(b));
  for (const ind of indicators) {
    if (!ind.level2 || !ind.level1) {
      unread.push({
        what: ind.name,
        reason: '未能确定所属一级/二级指标 / 一级 or 二级 heading not found for this row',
        ...(ind.src ? { src: ind.src } : {}),
      });
    }
  }
  out.indicators = indicators;
  out.groups = groups;

  if (total) {
    const cols = colsByPage.get(total.page) ?? [];
    for (const s of total.segments) {
      const k = cols[columnOf(cols, s)]?.kind;
      if (!FIGURE.test(s.text)) continue;
      if ((k === 'score' || (k === 'actual' && !out.totalScore)) && DECIMAL_RE.test(s.text))
        out.totalScore = numberValue(s.text);
      else if (k === 'l3w' || k === 'l2w' || k === 'l1w') out.totalWeight = numberValue(s.text);
    }
  }
  const after = totalAt >= 0 ? lines.slice(totalAt) : lines.slice(-3);
  for (const l of after) {
    const m = /(?:评价等级|等级)[:：]?\s*(优秀|良好|中等|中|合格|及格|差|不合格)/.exec(l.text.replace(/\s+/g, ''));
    if (m?.[1]) {
      out.grade = m[1];
      break;
    }
  }
  if (!out.totalScore) unread.push({ what: '总分', reason: '未读到总分 / total score not found', src: titleSrc });
  if (!out.grade) unread.push({ what: '评价等级', reason: '未读到评价等级 / grade not found', src: titleSrc });
  return out;
}

/** Each row's cells (one per column kind) as blocks of lines around the row's anchor line, given each fragment's row. */
function cellBlocks(frags: readonly Frag[], rowOf: (f: Frag) => Row | undefined): CellBlock[] {
  const cells = new Map<Row, Map<Kind, number[]>>();
  for (const f of frags) {
    const r = rowOf(f);
    if (!r) continue;
    const byKind = cells.get(r) ?? new Map<Kind, number[]>();
    cells.set(r, byKind);
    byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f.line.y]);
  }
  return [...cells].flatMap(([r, byKind]) => [...byKind.values()].map((at) => ({ anchor: r.anchor.y, at })));
}

/**
 * Rows to headings by where the heading text sits. Top-aligned merged cells print on their first row: a row
 * belongs to the last heading at or above it. Middle-aligned ones sit at the centre of their span: on each page,
 * a span ends as far below the heading as it starts above it.
 */
function assignByPosition(
  hs: readonly Heading[],
  rows: readonly Row[],
  rowPos: readonly (readonly [number, number, number])[],
): (Heading | undefined)[] {
  const out: (Heading | undefined)[] = rows.map(() => undefined);
  if (hs.length === 0) return out;
  const sorted = [...hs].sort((a, b) => a.pos - b.pos);
  const onAnchor = (h: Heading) => rows.some((r) => Math.abs(posOf(r.anchor) - h.pos) < 1);
  const firstRow = rows[0] as Row;
  const top = sorted.every(onAnchor) && sorted.some((h) => Math.abs(h.pos - posOf(firstRow.anchor)) < 1);
  if (top) {
    rows.forEach((r, i) => {
      out[i] = [...sorted].reverse().find((h) => h.pos <= posOf(r.anchor) + 1) ?? sorted[0];
    });
    return out;
  }
  // Middle-aligned: split the rows into one run per heading, in order, each heading's text nearest the middle of
  // its run (the part of the run on the heading's page).
  const n = rows.length;
  const m = sorted.length;
  const mid = (h: Heading) => {
    const ys = h.names.map((f) => posOf(f.line)).concat(h.weight ? [posOf(h.weight.line)] : []);
    return (Math.min(...ys) + Math.max(...ys)) / 2;
  };
  const runCost = (h: Heading, i: number, j: number) => {
    let top = Infinity;
    let bottom = -Infinity;
    for (let k = i; k <= j; k++) {
      if ((rows[k] as Row).anchor.page !== h.page) continue;
      const [a, b] = rowPos[k] as readonly [number, number, number];
      top = Math.min(top, a);
      bottom = Math.max(bottom, b);
    }
    return top === Infinity ? 1e6 : Math.abs((top + bottom) / 2 - mid(h));
  };
  if (m > n) return out;
  // best[k][i]: least cost placing headings 0..k-1 over rows 0..i-1.
  const best: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const from: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(-1));
  (best[0] as number[])[0] = 0;
  for (let k = 1; k <= m; k++) {
    for (let i = k; i <= n; i++) {
      for (let s = k - 1; s < i; s++) {
        const c = ((best[k - 1] as number[])[s] as number) + runCost(sorted[k - 1] as Heading, s, i - 1);
        if (c < ((best[k] as number[])[i] as number)) {
          (best[k] as number[])[i] = c;
          (from[k] as number[])[i] = s;
        }
      }
    }
  }
  let i = n;
  for (let k = m; k >= 1; k--) {
    const s = (from[k] as number[])[i] as number;
    if (s < 0) return out;
    for (let r = s; r < i; r++) out[r] = sorted[k - 1];
    i = s;
  }
  return out;
}

function lastPos(h: Heading): number {
  return Math.max(h.pos, ...h.names.map((f) => posOf(f.line)));
}

/**
 * Splits rows into one contiguous run per heading with the run's weights adding up to the heading's weight.
 * Heading order is free (a merged cell's text may be printed out of place); position decides between equal
 * solutions. Undefined when no exact split exists.
 */
function assignByWeight(
  hs: readonly Heading[],
  weights: readonly (bigint | undefined)[],
  rowPos: readonly (readonly [number, number, number])[],
  weightOf: (h: Heading) => NumberValue | undefined,
): (Heading | undefined)[] | undefined {
  const n = weights.length;
  if (hs.length === 0 || hs.length > 30 || weights.some((w) => w === undefined)) return undefined;
  const W = hs.map((h) => scaled(weightOf(h)));
  if (W.some((w) => w === undefined)) return undefined;
  const prefix: bigint[] = [0n];
  for (const w of weights) prefix.push((prefix[prefix.length - 1] as bigint) + (w as bigint));
  const full = (1 << hs.length) - 1;
  const memo = new Map<string, { cost: number; g: number; j: number } | null>();
  const cost = (h: Heading, i: number, j: number) => {
    const top = (rowPos[i] as readonly [number, number, number])[0];
    const [, bottom, size] = rowPos[j] as readonly [number, number, number];
    if (h.pos >= top - size && h.pos <= bottom + size) return 0;
    return Math.min(Math.abs(h.pos - top), Math.abs(h.pos - bottom));
  };
  const solve = (i: number, mask: number): { cost: number; g: number; j: number } | null => {
    if (i === n) return mask === full ? { cost: 0, g: -1, j: n } : null;
    const key = `${i}|${mask}`;
    const seen = memo.get(key);
    if (seen !== undefined) return seen;
    let best: { cost: number; g: number; j: number } | null = null;
    for (let g = 0; g < hs.length; g++) {
      if (mask & (1 << g)) continue;
      for (let j = i; j < n; j++) {
        const sum = (prefix[j + 1] as bigint) - (prefix[i] as bigint);
        if (sum > (W[g] as bigint)) break;
        if (sum !== W[g]) continue;
        const rest = solve(j + 1, mask | (1 << g));
        if (!rest) continue;
        const c = rest.cost + cost(hs[g] as Heading, i, j);
        if (!best || c < best.cost) best = { cost: c, g, j };
      }
    }
    memo.set(key, best);
    return best;
  };
  if (!solve(0, 0)) return undefined;
  const out: (Heading | undefined)[] = new Array(n).fill(undefined);
  let i = 0;
  let mask = 0;
  while (i < n) {
    const s = solve(i, mask);
    if (!s) return undefined;
    for (let k = i; k <= s.j; k++) out[k] = hs[s.g];
    mask |= 1 << s.g;
    i = s.j + 1;
  }
  return out;
}
