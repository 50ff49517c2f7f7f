// Tables from geometry: find each table by its exact title, read its header into column anchors, then build
// rows from the body's segments (one band per row, anchored on the row's code or label).

import { stripNumbering } from '../../model/classification.ts';
import type { Cell, Column, Row, Source, Table } from '../../model/disclosure.ts';
import type { Unit } from '../../model/money.ts';
import { type RowDef, squash, type TableDef, type Template } from '../../model/templates.ts';
import { isDash, isDecimalFigure, isFigure, toCell, unreadCell } from '../recognise/cells.ts';
import { isCode } from '../recognise/codes.ts';
import { matchColumn } from '../recognise/columns.ts';
import { readTableNo, readUnitLine } from '../recognise/header.ts';
import { ECONOMIC_FOOTERS, labelKey } from '../recognise/rows.ts';
import { buildLeafColumns, type HeaderSeg, type LeafColumn } from './header.ts';
import { joinSpacedLetters, type Line } from './lines.ts';

export interface TitleHit {
  index: number;
  title: string;
  def: TableDef;
  /** Lines the printed title takes (a long title wraps onto a second line); 1 when absent. */
  lines?: number;
}

export interface TableResult {
  table: Table;
  /** Line indexes consumed by the table (title, header, body, notes). */
  used: Set<number>;
}

type Seg = HeaderSeg;
type Side = 'income' | 'expense';

const LABEL_WORD = /^(?:项目|[类款项]|行次|栏次)$|科目名称|科目编码|功能分类|经济分类/;
const SIDE_WORD = /^(收入|支出)$/;
const ORDINAL = /^[一二三四五六七八九十]+、/;
const PLACEHOLDER = /^[…．.]+$/;
const TOTAL_LABEL = /^(合计|总计|.{0,8}合计)$/;
const NOTE = /^(注|说明|备注)\s*[：:]/;
const PART = /^第[一二三四五六七八九十]+部分/;
/** A table printed without rows and said to be empty ("无", "本表无数据", "…故本表为空。"). */
const EMPTY_STATEMENT = /^[（(]?无[）)]?$|^(?:本表|此表)?(?:无数据|为空表?|无内容)。?$|本表(?:无数据|为空|无内容)/;
/** A sentence saying there was nothing to show ("本部门2019年度没有…“三公”经费支出。"). */
const NOTHING_SENTENCE = /(?:没有|无|未发生|不涉及)[^。]*(?:收入|支出|收支|经费|数据)/;

const normaliseHeader = (s: string) =>
  squash(s)
    .replace(/运行维护费/g, '运行费')
    .replace(/（境）费用$/, '（境）费');

/** Reads one table whose title is at `lines[hit.index]`; `end` is the index of the next title (exclusive). */
export function readTable(
  file: string,
  lines: readonly Line[],
  hit: TitleHit,
  end: number,
  template: Template,
): TableResult {
  const span = hit.lines ?? 1;
  const titleLines = lines.slice(hit.index, hit.index + span);
  const used = new Set<number>(titleLines.map((_, k) => hit.index + k));
  const titleLine = lines[hit.index] as Line;
  const titleEnd = titleLines.at(-1) as Line;
  const def = hit.def;
  const table: Table = {
    kind: def.kind,
    number: def.number,
    title: titleLines.map((l) => l.text.replace(/\s+/g, '')).join(''),
    unit: '万元',
    columns: [],
    rows: [],
    notes: [],
    src: {
      file,
      page: titleLine.page,
      box: [
        Math.min(...titleLines.map((l) => l.x0)),
        titleLine.y - titleLine.size,
        Math.max(...titleLines.map((l) => l.x1)),
        titleEnd.y,
      ],
    },
    unread: [],
  };
  let unit: Unit | undefined;
  // Region: lines after the title up to a note, a part heading, a heading in a bigger font, or the next title.
  const region: number[] = [];
  let noteFrom = -1;
  const statements: number[] = [];
  const bodySize = medianSize(lines, hit.index + span, end);
  for (let i = hit.index + span; i < end; i++) {
    const l = lines[i] as Line;
    const t = squash(l.text);
    if (noteFrom >= 0) {
      if (l.page !== (lines[noteFrom] as Line).page || PART.test(t)) break;
      if (!NOTE.test(t) && l.x0 - (lines[noteFrom] as Line).x0 > 4 * l.size) break;
      used.add(i);
      continue;
    }
    if (NOTE.test(t)) {
      noteFrom = i;
      used.add(i);
      continue;
    }
    const sentence = l.segments.length === 1 && t.length >= 8 && NOTHING_SENTENCE.test(t);
    const goesOn = statements.at(-1) === i - 1 && !/[。.]$/.test(squash((lines[i - 1] as Line).text));
    if (EMPTY_STATEMENT.test(t) || sentence || (goesOn && l.segments.length === 1)) {
      statements.push(i);
      used.add(i);
      continue;
    }
    // A heading is text: a line holding a figure (a row set larger than a small-print header) goes on.
    const heading = l.size > bodySize * 1.25 && !l.segments.some((g) => isFigure(g.text));
    if (PART.test(t) || (heading && region.length > 0 && !/续/.test(t))) break;
    region.push(i);
  }
  if (noteFrom >= 0 || statements.length > 0)
    table.notes = joinNotes(
      file,
      lines,
      [...new Set([...statements, ...[...used].filter((i) => noteFrom >= 0 && i >= noteFrom)])].sort((a, b) => a - b),
    );
  const saidEmpty = table.notes.some((n) => EMPTY_STATEMENT.test(squash(n.text)) || NOTHING_SENTENCE.test(n.text));

  // A table number printed just above the next table's title belongs to that table.
  while (region.length > 0 && end < lines.length) {
    const last = lines[region.at(-1) as number] as Line;
    const next = lines[end] as Line;
    if (last.page !== next.page || !readTableNo(last.text) || readUnitLine(last.text)) break;
    region.pop();
  }
  // Header names of the template, to tell a parent over its child from one name wrapped over two lines.
  const words = new Set(def.columns.flatMap((c) => c.headers.flatMap((h) => h.split('/'))).map(normaliseHeader));
  const knownWord = (t: string) =>
    words.has(t) || LABEL_WORD.test(t) || TOTAL_LABEL.test(t) || /^(?:总计|小计|金额|收入|支出)$/.test(t);

  // Unit, department, table number lines.
  const segs: Seg[] = [];
  for (const i of region) {
    const l = lines[i] as Line;
    const u = readUnitLine(l.text);
    const no = readTableNo(l.text);
    if (u || no) {
      if (u?.unit) unit = u.unit;
      if (u?.department) table.department = u.department;
      if (no) table.tableNo = no;
      used.add(i);
      continue;
    }
    // A unit printed as its own segment at the right of a header line.
    const kept = l.segments.filter((s) => {
      const su = readUnitLine(s.text);
      const sn = readTableNo(s.text);
      if (su?.unit) unit = su.unit;
      if (su?.department) table.department = su.department;
      if (sn) table.tableNo = sn;
      return !su && !sn;
    });
    used.add(i);
    for (const s of joinSpacedLetters(kept, knownWord)) segs.push({ ...s, page: l.page });
  }
  if (unit) table.unit = unit;
  // "公开01表" is often printed just above the title.
  for (const i of [hit.index - 1, hit.index - 2]) {
    const l = lines[i];
    if (table.tableNo || !l || l.page !== titleLine.page) continue;
    const no = readTableNo(l.text);
    if (no) {
      table.tableNo = no;
      used.add(i);
    }
  }

  const firstPage = titleLine.page;
  const bodyLike = (s: Seg) =>
    isDecimalFigure(s.text) ||
    isDash(s.text) ||
    codeOf(s.text) !== undefined ||
    ORDINAL.test(s.text) ||
    PLACEHOLDER.test(s.text);
  const firstBody = segs.find(bodyLike);
  // Header: above the first body line; label words (类 款 项) may share that line.
  const inHeader = (s: Seg) => {
    if (bodyLike(s)) return false;
    if (!firstBody || s.page < firstBody.page) return true;
    if (s.page > firstBody.page) return false;
    const slack = (LABEL_WORD.test(squash(s.text)) ? 0.5 : -0.5) * firstBody.size;
    return s.y < firstBody.y + slack;
  };
  let header = segs.filter((s) => s.page === firstPage && inHeader(s));
  // "合计" printed under the label columns is the total row, not a column header.
  const labelWords = header.filter((s) => LABEL_WORD.test(squash(s.text)));
  const underLabel = (s: Seg) => labelWords.some((w) => s.x0 < w.x1 + s.size && w.x0 < s.x1 + s.size && w.y < s.y);
  header = header.filter((s) => !(TOTAL_LABEL.test(squash(s.text)) && underLabel(s)));
  // The 栏次 row ("栏次 1 2 3 …", or the bare numbers): column numbers, not header names.
  const numberSegs: Seg[] = [];
  for (const lanci of header.filter((x) => squash(x.text).startsWith('栏次'))) {
    numberSegs.push(
      lanci,
      ...header.filter((x) => /^\d{1,2}$/.test(x.text.trim()) && Math.abs(x.y - lanci.y) < 0.5 * x.size),
    );
  }
  const byY = new Map<number, Seg[]>();
  for (const x of header) byY.set(Math.round(x.y / 3), [...(byY.get(Math.round(x.y / 3)) ?? []), x]);
  for (const row of byY.values()) {
    const nums = row.map((x) => x.text.trim());
    if (row.length >= 2 && nums.every((n, i) => n === String(i + 1))) numberSegs.push(...row);
  }
  header = header.filter((x) => !numberSegs.includes(x));
  const headerSet = new Set([...header, ...numberSegs]);
  const headerWords = new Set(header.map((s) => squash(s.text)));
  const sided = def.columns.some((c) => c.side !== undefined);
  const sideMarks = sided ? header.filter((s) => SIDE_WORD.test(squash(s.text))) : [];
  const leafSegs = header.filter((s) => !sideMarks.includes(s) && !/^[（(]?续[）)]?$/.test(s.text));
  const left = Math.min(...lines.slice(hit.index, end).map((l) => l.x0));
  const right = Math.max(...lines.slice(hit.index, end).map((l) => l.x1));
  const leaves = buildLeafColumns(leafSegs, left, right, words);
  if (process.env.TBLDBG === String(def.number))
    console.log(
      leafSegs.map((s) => `${s.text}@${s.x0.toFixed(1)}-${s.x1.toFixed(1)},${s.y.toFixed(1)}`).join('\n'),
      leaves,
    );
  if (leaves.length === 0) {
    // A title with only a statement that there is nothing to show: an empty table, nothing left unread.
    if (!(saidEmpty && segs.length === 0))
      table.unread.push({ reason: '表头无法识别 / table header not recognised', src: table.src ?? {} });
    return { table, used };
  }

  // Column groups: each starts with label columns (项目 / 科目编码 / 科目名称) followed by value columns.
  const groups = splitGroups(leaves);
  const groupCols: { group: Group; cols: ColRef[]; side?: Side }[] = [];
  groups.forEach((g, gi) => {
    let side: Side | undefined;
    if (sided) {
      const mark = sideMarks.find((m) => (m.x0 + m.x1) / 2 >= g.x0 && (m.x0 + m.x1) / 2 <= g.x1);
      side = mark ? (squash(mark.text) === '收入' ? 'income' : 'expense') : gi === 0 ? 'income' : 'expense';
    }
    const cols: ColRef[] = [];
    for (const leaf of g.values) {
      const path = leaf.path.map(normaliseHeader);
      const c =
        matchColumn(path, def, side) ?? matchColumn([path[path.length - 1] ?? '', ...path.slice(0, -1)], def, side);
      if (!c || cols.some((x) => x.column.id === c.id)) {
        table.unread.push({
          reason: `未识别的列 / unrecognised column: ${leaf.path.join('/')}`,
          src: { file, page: firstPage, box: [leaf.tx0, 0, leaf.tx1, 0] },
        });
        // Kept as a place, so figures printed under it are not given to a neighbour.
        cols.push({ leaf, column: { id: `?${leaf.path.join('/')}`, header: leaf.path }, unknown: true });
        continue;
      }
      const column: Column = { id: c.id, header: leaf.path };
      const no = numberSegs.find((n) => /^\d+$/.test(n.text.trim()) && centre(n) >= leaf.x0 && centre(n) < leaf.x1);
      if (no) column.number = no.text.trim();
      if (side) column.side = side;
      cols.push({ leaf, column });
    }
    groupCols.push(side ? { group: g, cols, side } : { group: g, cols });
  });
  const seen = new Set<string>();
  for (const gc of groupCols)
    for (const { column, unknown } of gc.cols) {
      if (unknown) continue;
      const k = `${column.side ?? ''}/${column.id}`;
      if (!seen.has(k)) table.columns.push(column);
      seen.add(k);
    }

  // Body segments: everything not in the header, minus a repeated header on continuation pages.
  const firstBodyY = new Map<number, number>();
  for (const s of segs) if (bodyLike(s) && !firstBodyY.has(s.page)) firstBodyY.set(s.page, s.y);
  const repeatedHeader = (s: Seg) =>
    s.page !== firstPage &&
    !bodyLike(s) &&
    headerWords.has(squash(s.text)) &&
    s.y < (firstBodyY.get(s.page) ?? Infinity) - 0.5 * s.size;
  const body = segs.filter((s) => !headerSet.has(s) && !repeatedHeader(s));
  const ctx: RowContext = { file, unit: table.unit, def, template, table };
  const byGroup = new Map<Group, Seg[]>();
  const groupBySeg = new Map<Seg, Group | undefined>(body.map((s) => [s, groupOf(groups, s)]));
  // A footer label whose row spans several groups ("公用经费合计" over the last two): the figure printed on its
  // line in a later group, where that group has no row of its own on the line, belongs to the footer.
  const sameLineOf = (a: Seg, b: Seg) => a.page === b.page && Math.abs(a.y - b.y) < 0.5 * Math.max(a.size, b.size);
  const footers = body.filter((s) => TOTAL_LABEL.test(squash(s.text)));
  for (const v of body) {
    const vg = groupBySeg.get(v);
    if (!vg || !isValue(v, vg)) continue;
    const vi = groups.indexOf(vg);
    const own = body.some((o) => o !== v && groupBySeg.get(o) === vg && !isValue(o, vg) && sameLineOf(o, v));
    if (own) continue;
    const label = footers
      .filter((f) => sameLineOf(f, v) && groups.indexOf(groupBySeg.get(f) as Group) < vi)
      .sort((a, b) => b.x0 - a.x0)[0];
    if (label) groupBySeg.set(v, groupBySeg.get(label));
  }
  for (const s of body) {
    const g = groupBySeg.get(s);
    if (g) byGroup.set(g, [...(byGroup.get(g) ?? []), s]);
  }
  for (const gc of groupCols) {
    const mine = byGroup.get(gc.group) ?? [];
    const rows =
      def.rows === 'single' ? singleRow(ctx, mine, gc.cols) : buildRows(ctx, mine, gc.group, gc.cols, gc.side);
    table.rows.push(...rows);
  }
  // (a one-row table printed blank, as a template is, has no row to miss)
  if (table.rows.length === 0 && !saidEmpty && def.rows !== 'single')
    table.unread.push({ reason: '表中未读到数据行 / no data rows read', src: table.src ?? {} });
  return { table, used };
}

/** A value column: a template column, or an unrecognised one kept as a place. */
interface ColRef {
  leaf: LeafColumn;
  column: Column;
  unknown?: boolean;
}

interface Group {
  labels: LeafColumn[];
  values: LeafColumn[];
  x0: number;
  x1: number;
}

function splitGroups(leaves: readonly LeafColumn[]): Group[] {
  const groups: Group[] = [];
  let cur: Group | undefined;
  for (const leaf of leaves) {
    const isLabel = leaf.path.some((p) => LABEL_WORD.test(squash(p)));
    if (!cur || (isLabel && cur.values.length > 0)) {
      cur = { labels: [], values: [], x0: leaf.x0, x1: leaf.x1 };
      groups.push(cur);
    }
    (isLabel ? cur.labels : cur.values).push(leaf);
    cur.x1 = leaf.x1;
  }
  return groups;
}

const centre = (a: { x0: number; x1: number }) => (a.x0 + a.x1) / 2;
const leafCentre = (l: LeafColumn) => (l.tx0 + l.tx1) / 2;

/** True when the segment reads as a value: a decimal figure, a dash, or a number right of the label columns. */
function isValue(s: Seg, group: Group | undefined): boolean {
  if (isDecimalFigure(s.text) || isDash(s.text)) return true;
  if (!isFigure(s.text) || !group) return false;
  return centre(s) > labelEndOf(group);
}

function labelEndOf(g: Group): number {
  const lastLabel = g.labels.at(-1);
  const firstValue = g.values[0];
  if (!lastLabel) return -Infinity;
  return firstValue ? (lastLabel.tx1 + firstValue.tx0) / 2 : lastLabel.x1;
}

/** Values go to the group of the nearest value column; text to the group whose label columns it starts in. */
function groupOf(groups: readonly Group[], s: Seg): Group | undefined {
  const textGroup = (): Group | undefined => {
    let g = groups[0];
    for (let i = 1; i < groups.length; i++) {
      const prevLast = groups[i - 1]?.values.at(-1);
      if (prevLast && s.x0 + 0.5 * s.size >= prevLast.tx1) g = groups[i];
    }
    return g;
  };
  const tg = textGroup();
  if (!isValue(s, tg)) return tg;
  let best: Group | undefined;
  let bestD = Infinity;
  for (const g of groups)
    for (const v of g.values) {
      const d = Math.abs(leafCentre(v) - centre(s));
      if (d < bestD) [best, bestD] = [g, d];
    }
  return best ?? tg;
}

interface RowContext {
  file: string;
  unit: Unit;
  def: TableDef;
  template: Template;
  table: Table;
}

interface Band {
  anchor: Seg;
  lineNo?: Seg;
  codeParts: Seg[];
  names: Seg[];
  values: Map<string, Seg>;
  /** Cells printed with more than one value: why they are unread. */
  clashes: Map<string, string>;
}

function buildRows(
  ctx: RowContext,
  segs: readonly Seg[],
  group: Group,
  cols: readonly ColRef[],
  side: Side | undefined,
): Row[] {
  // Text starting right of the label columns, apart from the name before it, sits in a value cell: kept there as
  // printed, not added to a name.
  const runsOn = (s: Seg) =>
    segs.some(
      (o) =>
        o !== s &&
        !isValue(o, group) &&
        o.page === s.page &&
        Math.abs(o.y - s.y) < 0.5 * s.size &&
        o.x1 <= s.x0 + 0.5 &&
        s.x0 - o.x1 < s.size,
    );
  // It fits in one value cell and reads as no row label (a 合计 spanning the columns, a code, an ordinal).
  const fitsCell = (s: Seg) => group.values.some((v) => s.x0 >= v.x0 - 0.5 * s.size && s.x1 <= v.x1 + 0.5 * s.size);
  const labelLike = (s: Seg) =>
    TOTAL_LABEL.test(squash(s.text)) || ORDINAL.test(s.text) || codeOf(s.text) !== undefined;
  const inValueColumns = (s: Seg) =>
    group.labels.length > 0 &&
    group.values.length > 0 &&
    s.x0 >= labelEndOf(group) &&
    fitsCell(s) &&
    !labelLike(s) &&
    !runsOn(s);
  const valueSegs = segs.filter((s) => isValue(s, group) || inValueColumns(s));
  const labelSegs = segs.filter((s) => !valueSegs.includes(s));
  const fixed = ctx.def.rows === 'fixed';
  const codeX = Math.min(Infinity, ...labelSegs.filter((s) => codeOf(s.text) !== undefined).map((s) => s.x0));
  const nameX = Math.min(
    Infinity,
    ...labelSegs.filter((s) => /\p{Script=Han}/u.test(s.text) && codeOf(s.text) === undefined).map((s) => s.x0),
  );
  const isAnchor = (s: Seg): boolean => {
    const t = squash(s.text);
    if (PLACEHOLDER.test(t)) return true;
    if (TOTAL_LABEL.test(t) || /^总计$/.test(t)) return true;
    if (fixed) return ORDINAL.test(t) || fixedRowFor(ctx.def, side, t, -1) !== undefined;
    return codeOf(s.text) !== undefined && s.x0 <= codeX + 1.5 * s.size;
  };
  const bands: Band[] = [];
  const ordered = [...labelSegs].sort((a, b) => a.page - b.page || a.y - b.y || a.x0 - b.x0);
  for (const s of ordered)
    if (isAnchor(s)) bands.push({ anchor: s, codeParts: [], names: [], values: new Map(), clashes: new Map() });
  const onPage = (p: number) => bands.filter((b) => b.anchor.page === p);
  const nearest = (s: Seg): Band | undefined => {
    let best: Band | undefined;
    for (const b of onPage(s.page)) if (!best || Math.abs(b.anchor.y - s.y) < Math.abs(best.anchor.y - s.y)) best = b;
    return best;
  };
  const sameLine = (a: Seg, b: Seg) => Math.abs(a.y - b.y) < 0.5 * Math.max(a.size, b.size);
  // 行次: small integers printed in the 行次 column are the row's line number.
  const lineNoLeaf = group.labels.find((l) => l.path.some((p) => squash(p) === '行次'));
  const isLineNo = (s: Seg) =>
    lineNoLeaf !== undefined &&
    /^\d{1,3}$/.test(s.text.trim()) &&
    centre(s) >= lineNoLeaf.x0 &&
    centre(s) < lineNoLeaf.x1;
  const nameSegs: Seg[] = [];
  for (const s of ordered) {
    if (isLineNo(s)) {
      const b = nearest(s);
      if (b) b.lineNo = s;
      continue;
    }
    if (bands.some((b) => b.anchor === s)) continue;
    // Digits are a code part only left of the names ("201 06 01"); further right they belong to a name.
    const inCodeColumn = s.x0 < nameX - 0.5 * s.size;
    if (inCodeColumn && codeOf(s.text) !== undefined && /^\d+$/.test(s.text.trim())) {
      const b = nearest(s);
      if (b) b.codeParts.push(s);
      continue;
    }
    if (inCodeColumn && /^\d{2}$/.test(s.text.trim())) {
      const b = nearest(s);
      if (b) b.codeParts.push(s);
      continue;
    }
    nameSegs.push(s);
  }
  assignNames(nameSegs, bands, fixed, sameLine);
  for (const s of valueSegs) {
    const col = nearestColumn(cols, s);
    const b = nearest(s);
    if (!col || !b) {
      ctx.table.unread.push({
        reason: `无法归入行列的内容 / text outside the grid: ${s.text}`,
        src: srcOf(ctx.file, s),
      });
      continue;
    }
    if (col.unknown) {
      ctx.table.unread.push({
        reason: `未识别列中的数字 / figure under an unrecognised column: ${s.text}`,
        src: srcOf(ctx.file, s),
      });
      continue;
    }
    if (b.values.has(col.column.id)) {
      const reason = `同一单元格有两个值 / two values in one cell: ${b.values.get(col.column.id)?.text} ${s.text}`;
      ctx.table.unread.push({ reason, src: srcOf(ctx.file, s) });
      // neither value is taken for the cell
      if (!b.clashes.has(col.column.id)) b.clashes.set(col.column.id, reason);
      continue;
    }
    b.values.set(col.column.id, s);
  }
  const rows: Row[] = [];
  let lastFixed = -1;
  for (const b of bands) {
    const anchorText = squash(b.anchor.text);
    if (PLACEHOLDER.test(anchorText) && b.values.size === 0) continue;
    const parts = [b.anchor, ...b.codeParts].sort((a, c) => a.x0 - c.x0);
    let code = '';
    const nameParts: Seg[] = [];
    for (const p of parts) {
      if (p !== b.anchor && /^\d{2}$/.test(p.text.trim())) {
        code += p.text.trim();
        continue;
      }
      const split = splitCode(p.text);
      if (split) {
        code += split.code;
        if (split.rest) nameParts.push({ ...p, text: split.rest });
      } else nameParts.push(p);
    }
    const names = [...nameParts, ...b.names].sort((a, c) => a.y - c.y || a.x0 - c.x0);
    const printed = tidyLabel(names.map((n) => n.text.trim()).join(''));
    // summary tables: the ordinal ("一、") is dropped, as the text importer does
    const label = fixed ? stripNumbering(printed) : printed;
    if (code && !isCode(code)) {
      ctx.table.unread.push({ reason: `科目编码无法识别 / unreadable code: ${code}`, src: srcOf(ctx.file, b.anchor) });
    }
    const row: Row = { key: '', label, cells: {}, src: srcOf(ctx.file, b.anchor) };
    if (side) row.side = side;
    if (b.lineNo) row.lineNo = b.lineNo.text.trim();
    if (code) {
      row.code = code;
      row.key = code;
    } else if (fixed) {
      const idx = fixedRowFor(ctx.def, side, squash(label), lastFixed);
      const rd = idx === undefined ? undefined : ctx.def.fixedRows?.[idx];
      if (idx !== undefined && rd) {
        lastFixed = idx;
        row.key = rd.key;
        if (rd.code) row.code = rd.code;
      } else row.key = `${side ?? 'row'}.${stripOrdinal(label)}`;
    } else row.key = TOTAL_LABEL.test(squash(label)) ? totalKey(squash(label)) : squash(label);
    for (const { column, unknown } of cols) {
      if (unknown) continue;
      const s = b.values.get(column.id);
      const clash = b.clashes.get(column.id);
      if (clash) {
        row.cells[column.id] = unreadCell(clash, s ? srcOf(ctx.file, s) : undefined);
        continue;
      }
      row.cells[column.id] = amountCell(ctx, s);
    }
    rows.push(row);
  }
  return rows;
}

/**
 * Name lines → rows. In a fixed table a label wraps downwards from its ordinal line. Elsewhere a cell's lines are
 * centred on their row (or offset from it by the table's usual offset): the run of lines for each row is chosen so
 * that every run's centre sits closest to its row's line (dynamic programming, in reading order, per page).
 */
function assignNames(
  names: readonly Seg[],
  bands: readonly Band[],
  fixed: boolean,
  sameLine: (a: Seg, b: Seg) => boolean,
) {
  const pages = new Set(names.map((n) => n.page));
  for (const page of pages) {
    const ls = names.filter((n) => n.page === page).sort((a, b) => a.y - b.y);
    const as = bands.filter((b) => b.anchor.page === page);
    if (as.length === 0) continue;
    if (fixed) {
      for (const l of ls) {
        const b = as.find((x) => sameLine(x.anchor, l)) ?? as.filter((x) => x.anchor.y < l.y).at(-1) ?? as[0];
        b?.names.push(l);
      }
      continue;
    }
    const pinned = ls.map((l) => as.findIndex((x) => sameLine(x.anchor, l)));
    const nearestIdx = (l: Seg) => {
      let bi = 0;
      for (let j = 1; j < as.length; j++)
        if (Math.abs((as[j] as Band).anchor.y - l.y) < Math.abs((as[bi] as Band).anchor.y - l.y)) bi = j;
      return bi;
    };
    const offsets = ls.map((l) => l.y - (as[nearestIdx(l)] as Band).anchor.y).sort((x, y) => x - y);
    const offset = offsets[Math.floor(offsets.length / 2)] ?? 0;
    const n = ls.length;
    const m = as.length;
    // cost[j][i]: best cost with the first i lines given to the first j anchors.
    const INF = Number.POSITIVE_INFINITY;
    const cost: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(INF));
    const from: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
    (cost[0] as number[])[0] = 0;
    for (let j = 1; j <= m; j++) {
      const anchor = (as[j - 1] as Band).anchor;
      const target = anchor.y + (pinned.includes(j - 1) ? 0 : offset);
      for (let i = 0; i <= n; i++) {
        for (let k = 0; k <= i; k++) {
          const prev = (cost[j - 1] as number[])[k] as number;
          if (prev === INF) continue;
          let ok = true;
          for (let t = k; t < i && ok; t++) {
            const p = pinned[t] as number;
            if (p >= 0 && p !== j - 1) ok = false;
          }
          for (let t = 0; t < k && ok; t++) if (pinned[t] === j - 1) ok = false;
          if (!ok) continue;
          let c = 0;
          if (i > k) {
            const top = (ls[k] as Seg).y;
            const bottom = (ls[i - 1] as Seg).y;
            if (bottom - anchor.y > 4 * anchor.size || anchor.y - top > 4 * anchor.size) continue;
            c = Math.abs((top + bottom) / 2 - target);
          } else c = anchor.size * 0.5;
          const total = prev + c;
          if (total < ((cost[j] as number[])[i] as number)) {
            (cost[j] as number[])[i] = total;
            (from[j] as number[])[i] = k;
          }
        }
      }
    }
    if (((cost[m] as number[])[n] as number) === INF) {
      for (const l of ls) (as[nearestIdx(l)] as Band).names.push(l);
      continue;
    }
    let i = n;
    for (let j = m; j >= 1; j--) {
      const k = (from[j] as number[])[i] as number;
      for (let t = k; t < i; t++) (as[j - 1] as Band).names.push(ls[t] as Seg);
      i = k;
    }
  }
}

function singleRow(ctx: RowContext, segs: readonly Seg[], cols: readonly ColRef[]): Row[] {
  // Whatever is printed under a value column is the row's: a figure, a dash, or text kept as printed.
  const fitsCell = (s: Seg) => cols.some((c) => s.x0 >= c.leaf.x0 - 0.5 * s.size && s.x1 <= c.leaf.x1 + 0.5 * s.size);
  const values = segs.filter((s) => isDecimalFigure(s.text) || isDash(s.text) || fitsCell(s));
  for (const s of segs)
    if (!values.includes(s))
      ctx.table.unread.push({
        reason: `无法归入行列的内容 / text outside the grid: ${s.text}`,
        src: srcOf(ctx.file, s),
      });
  if (values.length === 0) return [];
  const row: Row = { key: 'total', label: '', cells: {}, src: srcOf(ctx.file, values[0] as Seg) };
  for (const { leaf, column, unknown } of cols) {
    const mine = values.filter((v) => nearestColumn(cols, v)?.leaf === leaf);
    const s = mine[0];
    if (unknown) {
      for (const v of mine)
        ctx.table.unread.push({
          reason: `未识别列中的数字 / figure under an unrecognised column: ${v.text}`,
          src: srcOf(ctx.file, v),
        });
      continue;
    }
    if (mine.length > 1) {
      // neither value is taken for the cell
      const reason = `同一单元格有两个值 / two values in one cell: ${mine.map((v) => v.text).join(' ')}`;
      ctx.table.unread.push({ reason, src: srcOf(ctx.file, mine[1] as Seg) });
      row.cells[column.id] = unreadCell(reason, srcOf(ctx.file, s as Seg));
      continue;
    }
    row.cells[column.id] = amountCell(ctx, s);
  }
  return [row];
}

/** The cell printed under an amount column (blank when nothing is); text that is no amount is kept and reported. */
function amountCell(ctx: RowContext, s: Seg | undefined): Cell {
  const cell = s ? toCell(s.text, ctx.unit, srcOf(ctx.file, s)) : blank();
  if (cell.kind === 'text')
    ctx.table.unread.push({
      reason: `金额栏中不是金额，按原文保留 / not an amount in an amount column, kept as printed: ${cell.text}`,
      ...(cell.src ? { src: cell.src } : {}),
    });
  return cell;
}

/** Removes spaces a justified cell puts between CJK characters ("公 务 用 车" → "公务用车"). */
export function tidyLabel(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/(?<=[\p{Script=Han}（）“”、，：])\s+|\s+(?=[\p{Script=Han}（）“”、，：])/gu, '')
    .trim();
}

function nearestColumn<C extends { leaf: LeafColumn }>(cols: readonly C[], s: Seg): C | undefined {
  let best: C | undefined;
  let bestD = Infinity;
  for (const c of cols) {
    const d = Math.abs(leafCentre(c.leaf) - centre(s));
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best;
}

function codeOf(text: string): string | undefined {
  return splitCode(text)?.code;
}

/** A leading classification code ("201", "2010601", "201 06 01", "30207邮电费"), with the rest of the text. */
function splitCode(text: string): { code: string; rest: string } | undefined {
  const t = text.trim();
  const m = /^(\d{3}(?:\s*\d{2}){0,2})(?![\d.,])\s*(.*)$/.exec(t);
  if (!m?.[1]) return undefined;
  const code = m[1].replace(/\s+/g, '');
  if (!isCode(code)) return undefined;
  return { code, rest: (m[2] ?? '').trim() };
}

function fixedRowFor(def: TableDef, side: Side | undefined, printed: string, after: number): number | undefined {
  const rows = def.fixedRows ?? [];
  const name = stripOrdinal(printed);
  const matches = (r: RowDef) => (side === undefined || r.side === side) && r.labels.some((l) => squash(l) === name);
  for (let i = after + 1; i < rows.length; i++) if (matches(rows[i] as RowDef)) return i;
  for (let i = 0; i < rows.length; i++) if (matches(rows[i] as RowDef)) return i;
  return undefined;
}

function stripOrdinal(label: string): string {
  return squash(label).replace(/^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/, '');
}

/** Key of a total row: the shared footer keys ("total", "total.personnel", "total.public"), "grand" for 总计. */
function totalKey(label: string): string {
  const footer = ECONOMIC_FOOTERS.find((f) => f.match.test(labelKey(label)));
  if (footer) return footer.key;
  return labelKey(label) === '总计' ? 'grand' : labelKey(label);
}

function blank(): Cell {
  return { kind: 'blank' };
}

function srcOf(file: string, s: Seg): Source {
  return { file, page: s.page, box: [round1(s.x0), round1(s.y - s.size), round1(s.x1), round1(s.y)] };
}

const round1 = (v: number) => Math.round(v * 10) / 10;

function medianSize(lines: readonly Line[], from: number, to: number): number {
  const sizes = lines
    .slice(from, to)
    .map((l) => l.size)
    .sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)] ?? 12;
}

function joinNotes(file: string, lines: readonly Line[], idx: number[]): Table['notes'] {
  const notes: Table['notes'] = [];
  for (const i of idx) {
    const l = lines[i] as Line;
    const t = l.text.trim();
    const last = notes.at(-1);
    if (last && !NOTE.test(squash(t)) && !/[。：:]$/.test(last.text)) last.text += t;
    else
      notes.push({
        text: t,
        src: { file, page: l.page, box: [round1(l.x0), round1(l.y - l.size), round1(l.x1), round1(l.y)] },
      });
  }
  return notes;
}
