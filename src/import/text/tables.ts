// One table of extracted text: its title line and the lines up to the next part → a Table of the model.
import type { Column, Table, TextBlock } from '../../model/disclosure.ts';
import type { Unit } from '../../model/money.ts';
import { squash, type TableDef } from '../../model/templates.ts';
import { isCode, splitCodeLabel } from '../recognise/codes.ts';
import {
  columnsFromHeaderText,
  mapColumns,
  type PrintedColumn,
  threePublicColumnsFromText,
} from '../recognise/columns.ts';
import { readColumnNumbers, readTableNo, readUnitLine } from '../recognise/header.ts';
import {
  fixedLabelKeys,
  labelKey,
  type RowsResult,
  readCodedRows,
  readEconomicItems,
  readFixedRows,
  readSingleRow,
} from '../recognise/rows.ts';
import { isPageMark, joinParagraphs } from '../recognise/sections.ts';
import { recogniseTitle } from '../recognise/titles.ts';
import type { TextLine } from './lines.ts';
import { lineSource, tokenize } from './tokens.ts';

const NOTE = /^(?:注|说明|备注)\s*[：:]/;
const TABLE_NO = /公\s*开\s*\d{1,2}\s*表/;
/** Text tables print amounts with decimals: bare integers are code parts or stray numbers. */
const TEXT = { figures: 'decimal' } as const;
const DECIMAL = /\d\.\d/;

/** True when a body line starts: a code, a fixed row label, a line with figures (a 合计 row has them too). */
function startsBody(text: string, def: TableDef): boolean {
  if (def.rows === 'single') return DECIMAL.test(text) || /^[—–\-－]+(\s|$)/.test(text.trim());
  const first = text.trim().split(/\s+/)[0] ?? '';
  if (isCode(first) || splitCodeLabel(first).code !== undefined) return true;
  if (/^(合\s*计|总\s*计)\s+[—–\-－]/.test(text.trim())) return true; // a total row of dashes
  if (DECIMAL.test(text)) return true;
  return fixedLabelKeys(def).has(labelKey(first)); // exact: header words can start a label too
}

export interface TableText {
  def: TableDef;
  title: TextLine;
  lines: TextLine[];
}

/**
 * Reads one table. Header lines (up to the 栏次 line or the first body line) name the columns; body lines are
 * tokenised and read by the template's row scheme; "注：" lines and what follows are the notes. Repeated headers
 * on continuation pages are skipped.
 */
export function readTable(t: TableText, defaultUnit: Unit): Table {
  const { def } = t;
  const header: string[] = [];
  const body: TextLine[] = [];
  const noteLines: TextLine[] = [];
  // The title line may also carry the table number and the unit ("收入支出决算总表 公开01表 单位：万元").
  const titleLine = t.title.text.trim();
  const onTitle = readUnitLine(titleLine.replace(/^.*?(?=(?:金额)?单位[：:])/, ''));
  let tableNo: string | undefined = TABLE_NO.exec(titleLine)?.[0].replace(/\s+/g, '');
  let department: string | undefined;
  let unit: Unit | undefined = onTitle?.unit;
  const printedTitle = titleLine
    .replace(TABLE_NO, '')
    .replace(/(?:金额)?单位[：:]\s*(?:万元|元)/, '')
    .trim();
  let numbers: string[] | undefined;
  let mode: 'header' | 'body' | 'notes' = 'header';
  for (const l of t.lines) {
    const text = l.text.trim();
    if (isPageMark(text)) continue;
    if (mode !== 'notes' && NOTE.test(text)) mode = 'notes';
    if (mode === 'notes') {
      noteLines.push(l);
      continue;
    }
    const title = recogniseTitle(text, { numbered: true });
    if (title && title.kind === def.kind) {
      mode = 'header'; // continuation page
      continue;
    }
    const no = readTableNo(text);
    if (no) {
      tableNo ??= no;
      continue;
    }
    const u = readUnitLine(text);
    if (u) {
      department ??= u.department;
      unit ??= u.unit;
      continue;
    }
    const nums = readColumnNumbers(text);
    if (nums && !(mode === 'body' && def.rows === 'single')) {
      numbers ??= nums;
      mode = 'body';
      continue;
    }
    if (mode === 'header' && !startsBody(text, def)) {
      if (body.length === 0) header.push(text);
      continue;
    }
    const lastBody = body[body.length - 1];
    if (
      mode === 'body' &&
      lastBody !== undefined &&
      l.page !== lastBody.page &&
      !startsBody(text, def) &&
      squash(header.join('')).includes(squash(text))
    ) {
      continue; // the header repeated at the top of a continuation page
    }
    mode = 'body';
    body.push(l);
  }

  const tableUnit = unit ?? defaultUnit;
  const headerText = header.join(' ');
  const unread: Table['unread'] = [];
  const printed: PrintedColumn[] =
    def.rows === 'single'
      ? threePublicColumnsFromText(headerText, def)
      : def.rows === 'economic'
        ? [{ path: ['决算数'] }]
        : columnsFromHeaderText(headerText, def);
  if (numbers && numbers.length === printed.length) {
    printed.forEach((p, i) => {
      p.number = numbers?.[i];
    });
  }
  let { columns } = mapColumns(printed, def);
  if (columns.length === 0) {
    columns = def.columns.map((c) => {
      const col: Column = { id: c.id, header: (c.headers[0] ?? c.id).split('/') };
      if (c.side) col.side = c.side;
      return col;
    });
    unread.push({
      reason: '表头未识别，按模板列序读取 / header not recognised; columns taken in template order',
      src: lineSource(t.title),
    });
  }

  const stream = tokenize(body);
  let result: RowsResult;
  switch (def.rows) {
    case 'fixed':
      result = readFixedRows(stream, def, columns, tableUnit, /行次/.test(squash(headerText)), TEXT);
      break;
    case 'economic':
      result = readEconomicItems(stream, columns[0] ?? { id: 'amount', header: ['决算数'] }, tableUnit, TEXT);
      break;
    case 'single':
      result = readSingleRow(stream, columns, tableUnit, TEXT);
      break;
    default:
      result = readCodedRows(stream, columns, tableUnit, TEXT);
  }
  unread.push(...result.unread);
  if (result.rows.length === 0) {
    unread.push({ reason: '表中未读到数据行 / no data rows read', src: lineSource(t.title) });
  }

  const notes: TextBlock[] = joinParagraphs(noteLines.map((l) => ({ text: l.text, src: lineSource(l) }))).map((p) =>
    p.src ? { text: p.text, src: p.src } : { text: p.text },
  );
  const table: Table = {
    kind: def.kind,
    number: def.number,
    title: printedTitle,
    unit: tableUnit,
    columns,
    rows: result.rows,
    notes,
    src: lineSource(t.title),
    unread,
  };
  if (tableNo) table.tableNo = tableNo;
  if (department) table.department = department;
  return table;
}
