// The department data workbook as XLSX: reading (with sheet/row/column in every message) and writing.
import type ExcelJS from 'exceljs';
import { InputError } from '../../model/errors.ts';
import { FIXED_DATE, normaliseZip, STORED_ZIP } from '../../util/deterministic-zip.ts';
import { Workbook } from '../../util/excel-workbook.ts';
import { decodeDepartment, encodeDepartment } from './json.ts';
import type { DepartmentData, DepartmentDataJson } from './schema.ts';
import {
  type FieldKind,
  FUND_LABELS,
  INSTRUCTIONS,
  LIST_SHEETS,
  type ListSheet,
  type PairSheet,
  RULE_LABELS,
  SHEET_INFO,
  SHEET_OTHER,
  SHEET_THREE_PUBLIC,
  TEXT_KINDS,
} from './sheets.ts';

const PAIR_SHEETS = [SHEET_INFO, SHEET_THREE_PUBLIC, SHEET_OTHER];

type Json = Record<string, unknown>;

function getPath(o: unknown, path: string): unknown {
  let cur: unknown = o;
  for (const k of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Json)[k];
  }
  return cur;
}

function setPath(o: Json, path: string, v: unknown): void {
  const keys = path.split('.');
  let cur = o;
  for (const k of keys.slice(0, -1)) {
    if (typeof cur[k] !== 'object' || cur[k] === null) cur[k] = {};
    cur = cur[k] as Json;
  }
  cur[keys[keys.length - 1] ?? ''] = v;
}

function colLetter(i: number): string {
  let n = i;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// ---------- reading ----------

/** Cell value as trimmed text, or undefined when empty. Numbers keep their shortest exact decimal form. */
function cellText(v: ExcelJS.CellValue): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v)
      return (
        v.richText
          .map((r) => r.text)
          .join('')
          .trim() || undefined
      );
    if ('result' in v && v.result !== undefined) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text).trim() || undefined;
  }
  return undefined;
}

class Locations {
  readonly map = new Map<string, string>();
  set(path: (string | number)[], sheet: string, row: number, col?: number): void {
    this.map.set(path.join('.'), `工作表“${sheet}” 第 ${row} 行${col ? ` ${colLetter(col)} 列` : ''}`);
  }
  /** The cell of the path or of its nearest parent; for a group (三公经费, 政府采购…), its first cell. */
  find(path: readonly PropertyKey[]): string | undefined {
    for (let n = path.length; n > 0; n--) {
      const hit = this.map.get(path.slice(0, n).map(String).join('.'));
      if (hit) return hit;
    }
    const prefix = `${path.map(String).join('.')}.`;
    for (const [key, at] of this.map) if (key.startsWith(prefix)) return `${at}起`;
    return undefined;
  }
}

function convert(text: string, kind: FieldKind, fail: (msg: string) => never): unknown {
  switch (kind) {
    case 'int': {
      if (!/^\d+$/.test(text)) fail(`应为非负整数 / expected a whole number, got "${text}"`);
      return Number(text);
    }
    case 'yuan':
    case 'decimal':
      return text.replace(/,/g, '');
    default:
      return text;
  }
}

export async function readWorkbook(buf: Uint8Array | ArrayBuffer, file: string): Promise<DepartmentData> {
  const wb = new Workbook();
  try {
    await wb.xlsx.load(buf as ArrayBuffer);
  } catch (e) {
    throw new InputError(file, `不是有效的 XLSX 工作簿 / not a valid XLSX workbook: ${(e as Error).message}`);
  }
  const loc = new Locations();
  const raw: Json = { version: 1, department: { duties: [], structure: [], units: [] } };
  const fail = (sheet: string, row: number, col: number, msg: string): never => {
    throw new InputError(file, `工作表“${sheet}” 第 ${row} 行 ${colLetter(col)} 列：${msg}`);
  };
  const need = (name: string): ExcelJS.Worksheet => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new InputError(file, `缺少工作表“${name}” / missing sheet "${name}"`);
    return ws;
  };
  for (const spec of PAIR_SHEETS) readPairs(need(spec.name), spec, raw, loc, fail);
  const lists = new Map<string, Json[]>();
  for (const spec of LIST_SHEETS) lists.set(spec.name, readList(need(spec.name), spec, loc, fail));
  const take = (name: string): Json[] => lists.get(name) ?? [];

  raw.income = take('收入明细');
  raw.expense = take('支出明细').map((r) => ({ ...r, fund: fundId(r.fund) }));
  raw.carryIn = take('年初结转').map((r) => ({ ...r, fund: fundId(r.fund) }));
  raw.items = take('科目说明');
  raw.basicEconomic = take('基本支出经济分类');
  setPath(raw, 'department.units', take('决算单位'));
  raw.names = Object.fromEntries(take('科目名称').map((r) => [String(r.code), r.name]));
  setPath(raw, 'assets.vehicles', take('车辆'));
  readText(take('文字说明'), raw, file);
  readPerformance(take('绩效项目'), take('绩效指标'), raw, loc, file);
  return decodeDepartment(raw, file, (p) => loc.find(p));
}

function fundId(label: unknown): unknown {
  if (typeof label !== 'string') return label;
  for (const [id, l] of Object.entries(FUND_LABELS)) if (l === label || id === label) return id;
  return label;
}

type Fail = (sheet: string, row: number, col: number, msg: string) => never;

function readPairs(ws: ExcelJS.Worksheet, spec: PairSheet, raw: Json, loc: Locations, fail: Fail): void {
  const byLabel = new Map(spec.rows.map((r) => [r.label, r]));
  ws.eachRow((row, n) => {
    const label = cellText(row.getCell(1).value);
    if (!label) return;
    const def = byLabel.get(label);
    if (!def) return;
    const text = cellText(row.getCell(2).value);
    loc.set(def.path.split('.'), spec.name, n, 2);
    if (text === undefined) return;
    setPath(
      raw,
      def.path,
      convert(text, def.kind, (m) => fail(spec.name, n, 2, m)),
    );
  });
}

function readList(ws: ExcelJS.Worksheet, spec: ListSheet, loc: Locations, fail: Fail): Json[] {
  const header = ws.getRow(2);
  const colOf = new Map<string, number>();
  header.eachCell((c, i) => {
    const t = cellText(c.value);
    if (t) colOf.set(t, i);
  });
  for (const c of spec.columns) {
    if (!colOf.has(c.header)) {
      throw new InputError(
        ws.name,
        `工作表“${spec.name}”第 2 行缺少列“${c.header}” / missing column "${c.header}" in the header row`,
      );
    }
  }
  const out: Json[] = [];
  ws.eachRow((row, n) => {
    if (n <= 2) return;
    const rec: Json = {};
    let any = false;
    for (const c of spec.columns) {
      const col = colOf.get(c.header) ?? 0;
      const text = cellText(row.getCell(col).value);
      if (text === undefined) continue;
      any = true;
      setPath(
        rec,
        c.key,
        convert(text, c.kind, (m) => fail(spec.name, n, col, m)),
      );
    }
    if (!any) return;
    const idx = out.length;
    const base = spec.path.split('.');
    loc.set([...base, idx], spec.name, n);
    for (const c of spec.columns) loc.set([...base, idx, ...c.key.split('.')], spec.name, n, colOf.get(c.header));
    rec.__row = n;
    out.push(rec);
  });
  return out;
}

function strip(r: Json): Json {
  const { __row: _, ...rest } = r;
  return rest;
}

function readText(rows: Json[], raw: Json, file: string): void {
  const text: Json = { incomeSources: {}, classUses: {}, economicUses: {}, performanceWork: [], otherMatters: [] };
  raw.text = text;
  for (const r of rows) {
    const kind = String(r.kind ?? '');
    const path = TEXT_KINDS[kind];
    if (!path) {
      throw new InputError(
        file,
        `工作表“文字说明” 第 ${r.__row} 行 A 列：未知类别“${kind}” / unknown category; use one of ${Object.keys(TEXT_KINDS).join('、')}`,
      );
    }
    const content = String(r.text ?? '');
    const cur = getPath(raw, path);
    if (Array.isArray(cur)) cur.push(content);
    else if (
      path === 'department.duties' ||
      path === 'department.structure' ||
      path.endsWith('performanceWork') ||
      path.endsWith('otherMatters')
    )
      setPath(raw, path, [content]);
    else if (['text.incomeSources', 'text.classUses', 'text.economicUses'].includes(path)) {
      (getPath(raw, path) as Json)[String(r.code ?? '')] = content;
    } else setPath(raw, path, content);
  }
}

function readPerformance(projects: Json[], indicators: Json[], raw: Json, loc: Locations, file: string): void {
  const byName = new Map<string, Json[]>();
  for (const ind of indicators) {
    const p = String(ind.project ?? '');
    if (!projects.some((x) => x.name === p)) {
      throw new InputError(
        file,
        `工作表“绩效指标” 第 ${ind.__row} 行 A 列：项目“${p}”不在“绩效项目”中 / unknown project`,
      );
    }
    const list = byName.get(p) ?? [];
    list.push(ind);
    byName.set(p, list);
  }
  raw.performance = projects.map((p, i) => {
    const inds = byName.get(String(p.name)) ?? [];
    inds.forEach((ind, j) => {
      loc.set(['performance', i, 'indicators', j], '绩效指标', Number(ind.__row));
      loc.set(['performance', i, 'indicators', j, 'rule'], '绩效指标', Number(ind.__row), 8);
    });
    return { ...strip(p), indicators: inds.map((ind) => indicatorFromRow(ind, file)) };
  });
}

function indicatorFromRow(r: Json, file: string): Json {
  const label = String(r.rule ?? '');
  const type = Object.entries(RULE_LABELS).find(([id, l]) => l === label || id === label)?.[0];
  if (!type) {
    throw new InputError(
      file,
      `工作表“绩效指标” 第 ${r.__row} 行 H 列：未知评分规则“${label}” / unknown scoring rule; use one of ${Object.values(RULE_LABELS).join('、')}`,
    );
  }
  const rule: Json = { type };
  const param = r.param === undefined ? undefined : String(r.param);
  if (type === 'pass') rule.met = param !== '否';
  if (['threshold', 'proportional', 'capped', 'floor', 'perUnit'].includes(type)) {
    rule.target = r.ruleTarget;
    rule.actual = r.ruleActual;
  }
  if (type === 'threshold' && param === '越低越好') rule.lowerIsBetter = true;
  if (type === 'floor') rule.floor = param;
  if (type === 'perUnit') rule.percent = param;
  if (type === 'discretionary') {
    rule.score = r.score;
    rule.reason = r.reason;
  }
  if (type === 'default' && param) rule.reason = param;
  const out: Json = { level1: r.level1, level2: r.level2, weight: r.weight, rule };
  for (const k of ['name', 'target', 'actual', 'standard', 'dataSource']) if (r[k] !== undefined) out[k] = r[k];
  if (r.reason !== undefined && type !== 'discretionary') out.reason = r.reason;
  return out;
}

// ---------- writing ----------

const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

function writeValue(cell: ExcelJS.Cell, v: unknown, kind: FieldKind): void {
  if (v === undefined || v === null) return;
  if (kind === 'yuan') {
    cell.value = Number(v);
    cell.numFmt = '0.00';
  } else if (kind === 'int') cell.value = Number(v);
  else if (kind === 'code') cell.value = String(v);
  else cell.value = String(v);
}

function addPairs(wb: ExcelJS.Workbook, spec: PairSheet, data: DepartmentDataJson | undefined): void {
  const ws = wb.addWorksheet(spec.name);
  ws.columns = [{ width: 48 }, { width: 60 }];
  ws.getCell('A1').value = spec.help;
  spec.rows.forEach((r, i) => {
    const row = ws.getRow(i + 2);
    row.getCell(1).value = r.label;
    row.getCell(1).fill = HEAD_FILL;
    writeValue(row.getCell(2), data ? getPath(data, r.path) : undefined, r.kind);
  });
}

function addList(wb: ExcelJS.Workbook, spec: ListSheet, rows: Json[]): void {
  const ws = wb.addWorksheet(spec.name);
  ws.columns = spec.columns.map((c) => ({ width: c.width ?? 16 }));
  ws.getCell('A1').value = spec.help;
  const head = ws.getRow(2);
  spec.columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEAD_FILL;
  });
  rows.forEach((r, n) => {
    const row = ws.getRow(n + 3);
    spec.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      writeValue(cell, getPath(r, c.key), c.kind);
      if (c.kind === 'code') cell.numFmt = '@';
    });
  });
  ws.views = [{ state: 'frozen', ySplit: 2 }];
}

function listRows(data: DepartmentDataJson | undefined, spec: ListSheet): Json[] {
  if (!data) return [];
  const d = data as unknown as Json;
  switch (spec.name) {
    case '支出明细':
    case '年初结转':
      return ((getPath(d, spec.path) as Json[] | undefined) ?? []).map((r) => ({
        ...r,
        fund: FUND_LABELS[String(r.fund)],
      }));
    case '科目名称':
      return Object.entries((d.names as Record<string, string> | undefined) ?? {}).map(([code, name]) => ({
        code,
        name,
      }));
    case '文字说明':
      return textRows(data);
    case '绩效指标':
      return (data.performance ?? []).flatMap((p) =>
        p.indicators.map((ind) => indicatorRow(p.name, ind as unknown as Json)),
      );
    default:
      return (getPath(d, spec.path) as Json[] | undefined) ?? [];
  }
}

function textRows(data: DepartmentDataJson): Json[] {
  const out: Json[] = [];
  for (const [kind, path] of Object.entries(TEXT_KINDS)) {
    const v = getPath(data, path);
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const t of v) out.push({ kind, text: t });
    else if (typeof v === 'object' && v !== null)
      for (const [code, t] of Object.entries(v)) out.push({ kind, code, text: t });
    else out.push({ kind, text: v });
  }
  return out;
}

function indicatorRow(project: string, ind: Json): Json {
  const rule = ind.rule as Json;
  const type = String(rule.type);
  const row: Json = { ...ind, project, rule: RULE_LABELS[type] };
  if (rule.target !== undefined) row.ruleTarget = rule.target;
  if (rule.actual !== undefined) row.ruleActual = rule.actual;
  if (type === 'pass') row.param = rule.met ? '是' : '否';
  if (type === 'threshold' && rule.lowerIsBetter) row.param = '越低越好';
  if (type === 'floor') row.param = rule.floor;
  if (type === 'perUnit') row.param = rule.percent;
  if (type === 'discretionary') {
    row.score = rule.score;
    row.reason = rule.reason;
  }
  if (type === 'default' && rule.reason) row.param = rule.reason;
  return row;
}

/** Writes the workbook; without data, an empty one with headers and instructions. */
export async function writeWorkbook(d?: DepartmentData): Promise<Buffer> {
  const data = d ? encodeDepartment(d) : undefined;
  const wb = new Workbook();
  wb.creator = 'juesuan';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const help = wb.addWorksheet('说明');
  help.columns = [{ width: 140 }];
  INSTRUCTIONS.forEach((t, i) => {
    const c = help.getCell(`A${i + 1}`);
    c.value = t;
    c.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) c.font = { bold: true, size: 14 };
  });
  for (const spec of PAIR_SHEETS) addPairs(wb, spec, data);
  for (const spec of LIST_SHEETS) addList(wb, spec, listRows(data, spec));
  return normaliseZip(await wb.xlsx.writeBuffer(STORED_ZIP));
}
