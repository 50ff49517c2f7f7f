// 资金安排和使用情况表 and 项目支出内容 of a performance annex, from extracted text.
// Amounts may be broken over lines ("83768000.0" / "0" = 83768000.00). A row that prints fewer
// figures than the table has columns cannot be placed from text alone: its cells are marked unread.
import type { Cell, Column, Row, Source, Table } from '../../model/disclosure.ts';
import { parseAmount, type Unit } from '../../model/money.ts';
import { FUNDS_COLUMNS, SPENDING_COLUMNS, spendingRowKey } from '../../model/performance.ts';
import { compact, matchLabelAt, type Token } from './performance-tokens.ts';

const FIGURE_RE = /^-?\d[\d,]*(?:\.\d*)?$/;

export interface Figure {
  text: string;
  src: Source;
}

/** Reads figures from tokens, joining a figure wrapped over two lines to its printed number of decimals. */
export function readFigures(tokens: readonly Token[], decimals = 2): Figure[] {
  const out: Figure[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!FIGURE_RE.test(t.text)) continue;
    let text = t.text;
    const dot = text.indexOf('.');
    const have = dot < 0 ? -1 : text.length - dot - 1;
    const next = tokens[i + 1];
    if (have >= 0 && have < decimals && t.lineEnd && next?.lineStart && next.text.length === decimals - have) {
      if (/^\d+$/.test(next.text)) {
        text += next.text;
        i++;
      }
    }
    out.push({ text, src: t.src });
  }
  return out;
}

export function isFigure(text: string): boolean {
  return FIGURE_RE.test(text);
}

interface FundsRowSpec {
  key: string;
  label: string;
  rate: boolean;
}

/** Rows of 资金安排和使用情况表 (template data, Shenzhen style). */
const FUNDS_ROWS: readonly FundsRowSpec[] = [
  { key: 'budget', label: '预算安排', rate: false },
  { key: 'invested', label: '项目实际投入', rate: false },
  { key: 'arrived', label: '资金到位', rate: false },
  { key: 'spent', label: '实际支出', rate: false },
  { key: 'balance', label: '资金结余', rate: false },
  { key: 'executionRate', label: '预算执行率', rate: true },
  { key: 'arrivalRate', label: '资金到位率', rate: true },
  { key: 'spendingRate', label: '资金实际支出率', rate: true },
];

/** Leaf header words of the funds table in reading order (two header rows). */
const FUNDS_HEADER = '合计财政资金其他资金小计中央级省级市级区县转移小计单位自有银行贷款等社会资本';

const SPENDING_HEADER = '实际支出数财政资金专款专用数合计财政资金支出数其他资金支出数';

type Unread = { reason: string; src?: Source };

function amountCell(f: Figure, unit: Unit): Cell {
  try {
    return { kind: 'amount', fen: parseAmount(f.text, unit), text: f.text, src: f.src };
  } catch {
    return { kind: 'unread', reason: `不是金额 / not an amount: "${f.text}"`, src: f.src };
  }
}

/**
 * Places a row's figures in its columns. All columns printed: one figure each. Fewer figures: the first
 * goes to the first column only when `firstAlwaysPrinted` (a 合计 column that every row fills); the
 * others are unread, with the figures quoted.
 */
function placeFigures(
  figures: readonly Figure[],
  columns: readonly Column[],
  make: (f: Figure) => Cell,
  firstAlwaysPrinted: boolean,
  rowSrc: Source,
): Record<string, Cell> {
  const cells: Record<string, Cell> = {};
  if (figures.length === columns.length) {
    columns.forEach((c, i) => {
      cells[c.id] = make(figures[i] as Figure);
    });
    return cells;
  }
  const quoted = figures.map((f) => f.text).join(' ');
  const reason =
    figures.length === 0
      ? '本行未印出数字 / no figures printed on this row'
      : `本行印出 ${figures.length} 个数、${columns.length} 列，文本无法确定各数所在列 / ` +
        `${figures.length} figures for ${columns.length} columns, positions not recoverable from text: ${quoted}`;
  columns.forEach((c, i) => {
    if (i === 0 && firstAlwaysPrinted && figures[0]) cells[c.id] = make(figures[0]);
    else cells[c.id] = { kind: 'unread', reason, src: rowSrc };
  });
  return cells;
}

export type FundsTable = Omit<Table, 'kind' | 'number'>;

/** 资金安排和使用情况表 from the tokens between its title (excluded) and the next section. */
export function parseFundsTable(tokens: readonly Token[], titleSrc: Source): FundsTable {
  const unread: Unread[] = [];
  const all = tokens.map((t) => t.text).join('');
  const unitMatch = /单位[:：]?(万元|元)/.exec(compact(all));
  const unit: Unit = unitMatch?.[1] === '万元' ? '万元' : '元';
  if (!unitMatch) unread.push({ reason: '未找到金额单位，按元读取 / no unit line found, read as 元', src: titleSrc });

  // Locate each row label, in order.
  const starts: { spec: FundsRowSpec; start: number; end: number; rest: string }[] = [];
  let from = 0;
  for (const spec of FUNDS_ROWS) {
    let hit: { start: number; end: number; rest: string } | undefined;
    for (let i = from; i < tokens.length && !hit; i++) {
      if (!(tokens[i] as Token).lineStart) continue; // row labels start a line
      const m = matchLabelAt(tokens, i, spec.label);
      // "资金到位" must not take "资金到位率"
      if (m && !(spec.key === 'arrived' && /^率/.test(m.rest || (tokens[m.end] as Token | undefined)?.text || ''))) {
        hit = m;
      }
    }
    if (!hit) {
      unread.push({ reason: `未找到行“${spec.label}” / row not found: ${spec.label}`, src: titleSrc });
      continue;
    }
    starts.push({ spec, ...hit });
    from = hit.end;
  }

  const headerEnd = starts[0]?.start ?? tokens.length;
  const header = compact(
    tokens
      .slice(0, headerEnd)
      .map((t) => t.text)
      .join(''),
  ).replace(/^.*?行次/, '');
  if (!header.includes(FUNDS_HEADER)) {
    unread.push({
      reason: `表头与模板不符，列按模板顺序读取 / header differs from the template, columns read in template order: ${header}`,
      src: titleSrc,
    });
  }

  const rows: Row[] = starts.map((s, k) => {
    const end = starts[k + 1]?.start ?? tokens.length;
    const body = tokens.slice(s.end, end);
    // 行次 and formula: "(5)=(3)-(4" ")" and the "(%)" of rate labels, up to the first figure.
    let i = 0;
    let marker = s.rest;
    while (i < body.length && !isFigure((body[i] as Token).text)) marker += (body[i++] as Token).text;
    const figures = readFigures(body.slice(i));
    const src = (tokens[s.start] as Token).src;
    const make = s.spec.rate
      ? (f: Figure): Cell => ({ kind: 'text', text: f.text, src: f.src })
      : (f: Figure): Cell => amountCell(f, unit);
    const label = s.spec.rate && /\(%\)|（%）/.test(marker) ? `${s.spec.label}(%)` : s.spec.label;
    const lineNo = marker.replace(/^\(%\)|^（%）/, '');
    const row: Row = { key: s.spec.key, label, cells: placeFigures(figures, FUNDS_COLUMNS, make, true, src), src };
    if (lineNo) row.lineNo = lineNo;
    return row;
  });

  return { title: '资金安排和使用情况表', unit, columns: [...FUNDS_COLUMNS], rows, notes: [], src: titleSrc, unread };
}

/** 项目支出内容: item rows (label lines, then figures) and a 合计 row. */
export function parseSpendingTable(
  tokens: readonly Token[],
  titleSrc: Source,
  unit: Unit,
): { rows: Row[]; unread: Unread[] } {
  const unread: Unread[] = [];
  // Header: the column words, in reading order, before the first row.
  let acc = '';
  let i = 0;
  while (i < tokens.length && SPENDING_HEADER.startsWith(acc + compact((tokens[i] as Token).text))) {
    acc += compact((tokens[i] as Token).text);
    i++;
    if (acc === SPENDING_HEADER) break;
  }
  if (acc !== SPENDING_HEADER) {
    unread.push({
      reason: `项目支出内容表头与模板不符，列按模板顺序读取 / spending header differs from the template: ${acc}`,
      src: titleSrc,
    });
  }
  const rows: Row[] = [];
  let label: Token[] = [];
  let figs: Token[] = [];
  const flush = () => {
    if (label.length === 0 && figs.length === 0) return;
    const text = label.map((t) => t.text).join('');
    const src = (label[0] ?? (figs[0] as Token)).src;
    rows.push({
      key: spendingRowKey(text, rows.length + 1),
      label: text,
      cells: placeFigures(readFigures(figs), SPENDING_COLUMNS, (f) => amountCell(f, unit), false, src),
      src,
    });
    label = [];
    figs = [];
  };
  for (; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (isFigure(t.text)) {
      figs.push(t);
      continue;
    }
    if (figs.length > 0) {
      // A single digit alone at a line start completes a wrapped figure.
      if (/^\d{1,2}$/.test(t.text) && t.lineStart) {
        figs.push(t);
        continue;
      }
      flush();
    }
    label.push(t);
  }
  flush();
  if (rows.length === 0) unread.push({ reason: '项目支出内容无数据行 / no rows found', src: titleSrc });
  return { rows, unread };
}
