// Building table rows from a stream of printed cells: coded rows (功能分类 tables), fixed rows of the summary
// tables (matched by label through the template), 经济分类 items printed in side-by-side groups, single rows.
import { economicEntry, functionalNames, stripNumbering } from '../../model/classification.ts';
import type { Cell, Column, Row, Source } from '../../model/disclosure.ts';
import type { Unit } from '../../model/money.ts';
import type { RowDef, TableDef } from '../../model/templates.ts';
import { type CellClass, classify as classifyText, isDecimalFigure, toCell, unreadCell } from './cells.ts';
import { isCode, joinSpacedCodes, splitCodeLabel } from './codes.ts';
import type { PrintedCell } from './printed.ts';
import { normaliseTitle } from './titles.ts';

export interface ReadOptions {
  /**
   * "decimal": only figures with a decimal point are amounts (text import: the tables print 2 decimals, and a bare
   * "01" or "12" is a code part or a number from elsewhere, never a figure). "any" (default): every figure counts.
   */
  figures?: 'decimal' | 'any';
}

type Classifier = (text: string) => CellClass;

/** How printed text is classed under the options: with "decimal", a bare integer is text, not an amount. */
function classifierFor(opts: ReadOptions | undefined): Classifier {
  if (opts?.figures !== 'decimal') return classifyText;
  return (text) => {
    const k = classifyText(text);
    return k === 'amount' && !isDecimalFigure(text) ? 'text' : k;
  };
}

/** True when a printed name fits the names known for its code (equal, one inside the other, or the same start). */
export function nameAgrees(printed: string, known: readonly string[]): boolean {
  const p = labelKey(printed);
  if (p === '' || known.length === 0) return true;
  return known.some((n) => {
    const k = labelKey(n);
    return k === p || k.includes(p) || p.includes(k) || k.slice(0, 2) === p.slice(0, 2);
  });
}

function mismatch(code: string, label: string, known: readonly string[]): string {
  return `科目名称与编码不符，版式未读懂 / name does not fit code ${code}: "${label}" (known: ${known.join('、')}); layout not understood`;
}

export interface RowsResult {
  rows: Row[];
  unread: { reason: string; src?: Source }[];
}

const TOTAL_LABELS = new Set(['合计', '总计']);
const HEADER_WORDS = /^(?:类|款|项|项目|科目编码|科目名称|(?:支出)?功能分类(?:科目编码)?|栏次)+(?=合计|总计)/;

/** Label text normalised for matching: whitespace removed, leading ordinal removed, quotes unified. */
export function labelKey(label: string): string {
  let k = KEYS.get(label);
  if (k === undefined) {
    k = normaliseTitle(stripNumbering(label));
    if (KEYS.size < 10_000) KEYS.set(label, k);
  }
  return k;
}
const KEYS = new Map<string, string>();

const FIXED_KEYS = new WeakMap<TableDef, Set<string>>();

/** True when a printed label is a fixed row's label or the start of one (a label wrapped over lines). */
export function startsFixedLabel(def: TableDef, label: string): boolean {
  const k = labelKey(label);
  if (k.length < 2) return false;
  for (const l of fixedLabelKeys(def)) if (l.startsWith(k)) return true;
  return false;
}

/** Label keys of a table's fixed rows (computed once per table definition). */
export function fixedLabelKeys(def: TableDef): Set<string> {
  let keys = FIXED_KEYS.get(def);
  if (!keys) {
    keys = new Set((def.fixedRows ?? []).flatMap((r) => r.labels.map(labelKey)));
    FIXED_KEYS.set(def, keys);
  }
  return keys;
}

function srcOf(c: PrintedCell | undefined): Source | undefined {
  return c?.src;
}

function setSrc<T extends object>(o: T, src: Source | undefined): T {
  if (src) (o as { src?: Source }).src = src;
  return o;
}

/**
 * Assigns printed values to columns in order. No figure at all: every cell is printed blank. A count that differs
 * from the columns (text loses where blank cells were): no cell is guessed, all are unread with the figures kept.
 */
function fillCells(
  values: readonly PrintedCell[],
  columns: readonly Column[],
  unit: Unit,
  what: string,
  unread: RowsResult['unread'],
  rowSrc: Source | undefined,
): Record<string, Cell> {
  const cells: Record<string, Cell> = {};
  if (values.length === 0) {
    for (const col of columns) cells[col.id] = toCell('', unit, rowSrc);
    return cells;
  }
  if (values.length !== columns.length) {
    const printed = values.map((v) => v.text).join(' ');
    const reason = `${values.length} 个数字对应 ${columns.length} 栏，无法确定位置 / ${values.length} figures for ${columns.length} columns, cannot place them (${what}: ${printed})`;
    for (const col of columns) cells[col.id] = unreadCell(reason, srcOf(values[0]) ?? rowSrc);
    unread.push(setSrc({ reason }, srcOf(values[0]) ?? rowSrc));
    return cells;
  }
  columns.forEach((col, i) => {
    const v = values[i] as PrintedCell;
    cells[col.id] = toCell(v.text, unit, v.src);
  });
  return cells;
}

function uniqueKey(rows: readonly Row[], key: string): string {
  if (!rows.some((r) => r.key === key)) return key;
  let n = 2;
  while (rows.some((r) => r.key === `${key}#${n}`)) n++;
  return `${key}#${n}`;
}

/**
 * Rows keyed by classification code (收入决算表, 支出决算表, 一般公共预算财政拨款支出决算表, 基金/国资 tables).
 * A code starts a row; text up to the first figure is its name (names may wrap over lines); then one figure per
 * column. A row without a code is kept by its label ("合计").
 */
export function readCodedRows(
  stream: readonly PrintedCell[],
  columns: readonly Column[],
  unit: Unit,
  opts?: ReadOptions,
): RowsResult {
  return readCodedRowsWith(stream, columns, unit, classifierFor(opts));
}

function readCodedRowsWith(
  stream: readonly PrintedCell[],
  columns: readonly Column[],
  unit: Unit,
  classify: Classifier,
): RowsResult {
  const rows: Row[] = [];
  const unread: RowsResult['unread'] = [];
  let cur: { code?: string; label: string[]; values: PrintedCell[]; src?: Source | undefined } | undefined;
  const flush = () => {
    if (!cur) return;
    // Header words caught before a codeless row ("类 款 项 合计") are not part of its name.
    const label = cur.code === undefined ? cur.label.join('').replace(HEADER_WORDS, '') : cur.label.join('');
    if (cur.code === undefined && label === '' && cur.values.length === 0) return;
    if (cur.code === undefined && !TOTAL_LABELS.has(labelKey(label)) && cur.values.length === 0) {
      unread.push(setSrc({ reason: `未识别的文字 / text not understood in table: ${label}` }, cur.src));
      cur = undefined;
      return;
    }
    const what = cur.code ?? label;
    const key = cur.code ?? (TOTAL_LABELS.has(labelKey(label)) ? 'total' : `label:${labelKey(label)}`);
    const row: Row = {
      key: uniqueKey(rows, key),
      label,
      cells: fillCells(cur.values, columns, unit, what, unread, cur.src),
    };
    if (cur.code !== undefined) {
      row.code = cur.code;
      const known = functionalNames(cur.code);
      if (!nameAgrees(label, known)) {
        const reason = mismatch(cur.code, label, known);
        for (const id of Object.keys(row.cells)) row.cells[id] = unreadCell(reason, cur.src);
        unread.push(setSrc({ reason }, cur.src));
      }
    }
    rows.push(setSrc(row, cur.src));
    cur = undefined;
  };
  for (const cell of joinSpacedCodes(stream)) {
    const t = cell.text.trim();
    const k = classify(t);
    const glued = k === 'text' ? splitCodeLabel(t) : undefined;
    if (isCode(t) || glued?.code !== undefined) {
      flush();
      cur = { code: glued?.code ?? t, label: glued?.label ? [glued.label] : [], values: [], src: cell.src };
    } else if (k === 'text') {
      if (!cur || cur.values.length > 0) {
        flush();
        cur = { label: [t], values: [], src: cell.src };
      } else cur.label.push(t);
    } else {
      if (!cur) cur = { label: [], values: [], src: cell.src };
      cur.values.push(cell);
    }
  }
  flush();
  return { rows, unread };
}

interface Segment {
  label: string[];
  lineNo?: string;
  values: PrintedCell[];
  lineStart: boolean;
  src?: Source | undefined;
}

const ORDINAL = /^[一二三四五六七八九十]+[、.．]/;

/**
 * Rows of the two-sided summary tables (收入支出决算总表, 财政拨款收入支出决算总表), matched by label through the
 * template's fixed rows. Each printed line carries an income part then an expense part: label, 行次, figures.
 * A part with figures but no label (a sub-row such as 年末结转 by fund) takes the next template row on its side.
 */
export function readFixedRows(
  stream: readonly PrintedCell[],
  def: TableDef,
  columns: readonly Column[],
  unit: Unit,
  hasLineNo: boolean,
  opts?: ReadOptions,
): RowsResult {
  return readFixedRowsWith(stream, def, columns, unit, hasLineNo, classifierFor(opts));
}

function readFixedRowsWith(
  stream: readonly PrintedCell[],
  def: TableDef,
  columns: readonly Column[],
  unit: Unit,
  hasLineNo: boolean,
  classify: Classifier,
): RowsResult {
  const fixed = def.fixedRows ?? [];
  const labels = fixedLabelKeys(def);
  const complete = (s: string) => labels.has(labelKey(s));
  const prefix = (s: string) => {
    const k = labelKey(s);
    for (const l of labels) if (l.startsWith(k)) return true;
    return false;
  };
  const segments: Segment[] = [];
  let seg: Segment | undefined;
  const start = (c: PrintedCell): Segment => {
    seg = { label: [], values: [], lineStart: c.lineStart === true, src: c.src };
    segments.push(seg);
    return seg;
  };
  for (const cell of stream) {
    const t = cell.text.trim();
    const k = classify(t);
    const isLineNo = hasLineNo && /^\d{1,3}$/.test(t);
    if (isLineNo) {
      const s = !seg || seg.lineNo !== undefined || seg.values.length > 0 ? start(cell) : seg;
      s.lineNo = t;
    } else if (k === 'text') {
      const open = seg && seg.lineNo === undefined && seg.values.length === 0 && seg.label.length > 0;
      const cur = open ? (seg?.label.join('') ?? '') : undefined;
      const ordinal = ORDINAL.test(t);
      const fitsCur = cur !== undefined && !ordinal && prefix(cur + t);
      if (!fitsCur && !ordinal) {
        // The rest of a label wrapped onto a later line, after the other side's label ("二、政府性基金预算财政拨" …
        // "二、外交支出" … "款").
        const pending = segments
          .slice(-4)
          .reverse()
          .find((p) => {
            const l = p.label.join('');
            return (p !== seg || !open) && l !== '' && !complete(l) && prefix(l + t);
          });
        if (pending) {
          pending.label.push(t);
          continue;
        }
      }
      const join = cur !== undefined && !ordinal && (fitsCur || !complete(cur));
      (join && seg ? seg : start(cell)).label.push(t);
    } else {
      (seg ?? start(cell)).values.push(cell);
    }
  }
  // Figures printed before their label (a label over several lines, figures centred): they belong to the next
  // part when that part has a label and no figures of its own.
  segments.forEach((s, i) => {
    const next = segments[i + 1];
    if (s.label.length > 0 || s.lineNo !== undefined || s.values.length === 0 || !next) return;
    if (next.label.length > 0 && next.values.length === 0 && next.lineNo === undefined) {
      next.values.push(...s.values);
      s.values = [];
    }
  });

  const rows: Row[] = [];
  const unread: RowsResult['unread'] = [];
  const cursor = { income: -1, expense: -1 };
  const order = new Map<Row, number>();
  const sideColumns = (side: 'income' | 'expense') => columns.filter((c) => c.side === side);
  for (const s of segments) {
    const label = s.label.join('');
    if (label === '' && s.values.length === 0) continue; // a 行次-only filler line
    let side: 'income' | 'expense';
    let found: { def: RowDef; index: number } | undefined;
    if (label !== '') {
      const key = labelKey(label);
      const cands = fixed
        .map((d, index) => ({ def: d, index }))
        .filter((c) => c.def.labels.map(labelKey).includes(key));
      if (cands.length === 0) {
        unread.push(setSrc({ reason: `未识别的行 / row not in the template: ${label}` }, s.src));
        continue;
      }
      const sides = new Set(cands.map((c) => c.def.side));
      side = sides.size === 1 ? (cands[0]?.def.side ?? 'income') : s.lineStart ? 'income' : 'expense';
      const onSide = cands.filter((c) => c.def.side === side);
      found = onSide.find((c) => c.index > cursor[side]) ?? onSide[0];
    } else {
      // Only a part with its own 行次 is a row without a label (a sub-row such as 年末结转 by fund).
      side = s.lineStart ? 'income' : 'expense';
      const index = s.lineNo === undefined ? -1 : fixed.findIndex((d, i) => i > cursor[side] && d.side === side);
      const d = fixed[index];
      if (d) found = { def: d, index };
      else {
        unread.push(
          setSrc(
            { reason: `无标签的数字 / figures without a row label: ${s.values.map((v) => v.text).join(' ')}` },
            s.src,
          ),
        );
        continue;
      }
    }
    if (!found) continue;
    cursor[side] = found.index;
    const what = label || found.def.labels[0] || found.def.key;
    const row: Row = {
      key: uniqueKey(rows, found.def.key),
      side,
      label: label ? stripNumbering(label) : (found.def.labels[0] ?? ''),
      cells: fillCells(s.values, sideColumns(side), unit, what, unread, s.src),
    };
    if (found.def.code) row.code = found.def.code;
    if (s.lineNo !== undefined) row.lineNo = s.lineNo;
    rows.push(setSrc(row, s.src));
    order.set(row, found.index);
  }
  // Template order: income rows, then expense rows, as the template lists them.
  rows.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { rows, unread };
}

/** Footer rows of the 基本支出 table: 人员经费合计 / 公用经费合计. */
export const ECONOMIC_FOOTERS: { key: string; match: RegExp }[] = [
  { key: 'total.personnel', match: /^人员经费(?:合计)?$/ },
  { key: 'total.public', match: /^(?:日常)?公用经费(?:合计)?$/ },
  { key: 'total', match: /^合计$/ },
];

/**
 * 经济分类 items printed as side-by-side (code, name, amount) groups: a code starts an item, text is its name,
 * the next figure (or dash) is its amount. An item followed directly by another code has a blank amount.
 * Rows come out ordered by 类 code (301, 302, 303, …), each 类 row then its items as printed; footers last.
 */
export function readEconomicItems(
  stream: readonly PrintedCell[],
  column: Column,
  unit: Unit,
  opts?: ReadOptions,
): RowsResult {
  return readEconomicItemsWith(stream, column, unit, classifierFor(opts));
}

function readEconomicItemsWith(
  stream: readonly PrintedCell[],
  column: Column,
  unit: Unit,
  classify: Classifier,
): RowsResult {
  const items: {
    code?: string;
    footer?: string;
    label: string[];
    value?: PrintedCell;
    blank?: PrintedCell;
    src?: Source | undefined;
    seq: number;
  }[] = [];
  const unread: RowsResult['unread'] = [];
  let cur: (typeof items)[number] | undefined;
  let seq = 0;
  for (const cell of joinSpacedCodes(stream)) {
    const t = cell.text.trim();
    const k = classify(t);
    const glued = k === 'text' ? splitCodeLabel(t) : undefined;
    if (isCode(t) || glued?.code !== undefined) {
      cur = { code: glued?.code ?? t, label: glued?.label ? [glued.label] : [], src: cell.src, seq: seq++ };
      items.push(cur);
    } else if (k === 'text') {
      const footer = ECONOMIC_FOOTERS.find((f) => f.match.test(labelKey(t)));
      if (footer || !cur || cur.value) {
        cur = { label: [t], src: cell.src, seq: seq++ };
        if (footer) cur.footer = footer.key;
        items.push(cur);
      } else cur.label.push(t);
    } else if (k === 'blank') {
      if (cur && !cur.value) cur.blank = cell;
    } else if (cur && !cur.value) {
      cur.value = cell;
    } else {
      unread.push(setSrc({ reason: `多出的数字 / figure without an item: ${t}` }, cell.src));
    }
  }
  const rows: Row[] = [];
  const coded = items.filter((i) => i.code !== undefined);
  const classOrder = (code: string) => Number(code.slice(0, 3));
  coded.sort(
    (a, b) =>
      classOrder(a.code ?? '') - classOrder(b.code ?? '') ||
      (a.code?.length ?? 0) - (b.code?.length ?? 0) ||
      a.seq - b.seq,
  );
  for (const it of [...coded, ...items.filter((i) => i.code === undefined)]) {
    const label = it.label.join('');
    if (it.code === undefined && !it.footer) {
      unread.push(setSrc({ reason: `未识别的文字 / text not understood in table: ${label}` }, it.src));
      continue;
    }
    let cell = it.value ? toCell(it.value.text, unit, it.value.src) : toCell('', unit, it.blank?.src ?? it.src);
    const entry = it.code === undefined ? undefined : economicEntry(it.code);
    if (it.code !== undefined && entry && !nameAgrees(label, [entry.name])) {
      const reason = mismatch(it.code, label, [entry.name]);
      cell = unreadCell(reason, it.src);
      unread.push(setSrc({ reason }, it.src));
    }
    const row: Row = { key: uniqueKey(rows, it.code ?? it.footer ?? label), label, cells: { [column.id]: cell } };
    if (it.code !== undefined) row.code = it.code;
    rows.push(setSrc(row, it.src));
  }
  return { rows, unread };
}

/** A table with one unlabelled data row (the “三公” table): every figure in column order. */
export function readSingleRow(
  stream: readonly PrintedCell[],
  columns: readonly Column[],
  unit: Unit,
  opts?: ReadOptions,
): RowsResult {
  return readSingleRowWith(stream, columns, unit, classifierFor(opts));
}

function readSingleRowWith(
  stream: readonly PrintedCell[],
  columns: readonly Column[],
  unit: Unit,
  classify: Classifier,
): RowsResult {
  const unread: RowsResult['unread'] = [];
  const values = stream.filter((c) => classify(c.text) !== 'text');
  for (const c of stream.filter((c) => classify(c.text) === 'text')) {
    unread.push(setSrc({ reason: `未识别的文字 / text not understood in table: ${c.text}` }, c.src));
  }
  if (values.length === 0) return { rows: [], unread };
  const first = values[0];
  const row: Row = {
    key: 'total',
    label: '',
    cells: fillCells(values, columns, unit, '“三公”经费', unread, first?.src),
  };
  return { rows: [setSrc(row, first?.src)], unread };
}
