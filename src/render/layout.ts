// Every table of a disclosure laid out once as a grid of cells with spans, in the template's official shape.
// HTML, PDF, DOCX and XLSX all draw from this grid.
import type { Cell, Disclosure, PerformanceEvaluation, Row, Table } from '../model/disclosure.ts';
import { formatScaled } from '../model/money.ts';
import { chineseNumber } from '../model/numerals.ts';
import { SPENDING_COLUMNS } from '../model/performance.ts';
import { type Template, templateById } from '../model/templates.ts';

export interface GridCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  /** Text indentation in characters (class → item hierarchy). */
  indent?: number;
  /** True for money cells. */
  amount?: boolean;
}

/** A grid row: a cell, or null where a span from the left or above covers the position. */
export type GridRow = (GridCell | null)[];

export interface Grid {
  title: string;
  tableNo?: string;
  department?: string;
  unit: string;
  header: GridRow[];
  body: GridRow[];
  notes: string[];
  /** Relative column widths. */
  widths: number[];
  /** Orientation the template fixes for this table; otherwise the outline picks it by width. */
  landscape?: boolean;
  /** False: the header is printed once, not again on each page the table runs onto (default true). */
  repeatHeader?: boolean;
  /** False: a long table keeps the usual type size and runs over pages (default true: it prints smaller). */
  shrinkLong?: boolean;
}

export function cellText(c: Cell | undefined): string {
  if (!c) return '';
  switch (c.kind) {
    case 'amount':
      return c.text;
    case 'blank':
      return '';
    case 'dash':
      return c.text;
    case 'text':
      return c.text;
    case 'unread':
      return '（无法读取）';
  }
}

/** 分 → printed figure in 万元 with thousands separators. */
function amount(c: Cell | undefined): GridCell {
  if (!c) return { text: '', align: 'right', amount: true };
  if (c.kind === 'amount') return { text: formatScaled(c.fen, 6, 2, true), align: 'right', amount: true };
  return { text: cellText(c), align: 'right' };
}

function fill(row: GridRow, n: number): GridRow {
  while (row.length < n) row.push({ text: '' });
  return row;
}

/** Header rows from column header paths: equal prefixes merge across, short paths merge down. */
export function headerRows(paths: string[][], lead: GridCell[][] = []): GridRow[] {
  const depth = Math.max(1, ...paths.map((p) => p.length));
  const rows: GridRow[] = Array.from({ length: depth }, () => []);
  lead.forEach((col) => {
    col.forEach((c, r) => {
      rows[r]?.push(c);
    });
    for (let r = col.length; r < depth; r++) rows[r]?.push(null);
  });
  for (let level = 0; level < depth; level++) {
    let i = 0;
    while (i < paths.length) {
      const p = paths[i] ?? [];
      if (level >= p.length) {
        rows[level]?.push(null);
        i++;
        continue;
      }
      let j = i + 1;
      while (
        j < paths.length &&
        level < p.length - 1 &&
        (paths[j]?.length ?? 0) > level + 1 &&
        paths[j]?.slice(0, level + 1).join('/') === p.slice(0, level + 1).join('/')
      ) {
        j++;
      }
      const span = j - i;
      const last = level === p.length - 1;
      const cell: GridCell = { text: p[level] ?? '', align: 'center', bold: true };
      if (span > 1) cell.colSpan = span;
      if (last && depth - level > 1) cell.rowSpan = depth - level;
      rows[level]?.push(cell);
      for (let k = 1; k < span; k++) rows[level]?.push(null);
      i = j;
    }
  }
  return rows;
}

function indentOf(code: string | undefined): number {
  if (!code) return 0;
  return code.length === 3 ? 0 : code.length === 5 ? 1 : 2;
}

/** Printed header path of an amount column: T5 prints 本年支出 over 小计 / 基本支出 / 项目支出, as T8/T9 do. */
function amountPath(t: Table, header: string[]): string[] {
  if (t.kind === 'general_budget_expense' && header[0] !== '本年支出') return ['本年支出', ...header];
  return header;
}

const CODE_LEVELS = ['类', '款', '项'];

type Align = NonNullable<GridCell['align']>;

/**
 * Code columns of a 功能分类 or 经济分类 table: one column, left-aligned, or where the template splits codes one per
 * level (类 | 款 | 项) under `heading`, each level aligned as `aligns` says (one entry a level).
 */
function codeColumns(split: boolean, aligns: Align[], heading: string[], single: string[], width: number) {
  const levels = aligns.length;
  const names = CODE_LEVELS.slice(0, levels);
  return {
    paths: split ? names.map((p) => [...heading, p]) : [single],
    /** One column `width` wide, or 0.6 a level. */
    widths: split ? names.map(() => 0.6) : [width],
    /** "2010601" → 201 | 06 | 01, a 类 row "201" → 201 | | ; unsplit the code as printed. */
    cells: (code: string | undefined, style: Partial<GridCell> = {}): GridCell[] => {
      const c = code ?? '';
      const parts = split ? [c.slice(0, 3), c.slice(3, 5), c.slice(5, 7)].slice(0, levels) : [c];
      return parts.map((text, i): GridCell => ({ text, align: split ? (aligns[i] ?? 'left') : 'left', ...style }));
    },
  };
}

/**
 * 功能分类 tables (T2, T3, T5, T8, T9): 项目 over code and name, then the amount columns with their full paths. The
 * code is one column, or three (类 / 款 / 项 under 支出功能分类科目编码) where the template splits it. A table with no
 * 科目 line prints the template's empty lines above its 合计.
 */
function functionalGrid(t: Table, template: Template | undefined): Grid {
  const split = template?.splitCodes ?? false;
  // Putuo 2024 prints the 类 at the left of its cell, the 款 and 项 centred (tables 2, 3 and 5).
  const codes = codeColumns(
    split,
    ['left', 'center', 'center'],
    ['项目', '支出功能分类科目编码'],
    ['项目', '支出功能分类科目编码'],
    1.4,
  );
  const paths = [...codes.paths, ['项目', '科目名称'], ...t.columns.map((c) => amountPath(t, c.header))];
  const header = headerRows(paths);
  const lead = codes.paths.length + 1;
  const body: GridRow[] = t.rows.map((r) => {
    const row: GridRow =
      r.key === 'total'
        ? [
            { text: r.label, colSpan: lead, align: 'center', bold: true },
            ...Array.from({ length: lead - 1 }, () => null),
          ]
        : [...codes.cells(r.code), { text: r.label, align: 'left', indent: split ? 0 : indentOf(r.code) }];
    for (const c of t.columns) row.push(amount(r.cells[c.id]));
    return row;
  });
  const n = lead + t.columns.length;
  if (t.rows.every((r) => r.key === 'total'))
    body.unshift(...Array.from({ length: template?.emptyTableLines ?? 0 }, (): GridRow => fill([], n)));
  return base(t, header, body, [...codes.widths, 3.2, ...t.columns.map(() => 1.3)]);
}

function base(t: Table, header: GridRow[], body: GridRow[], widths: number[]): Grid {
  const g: Grid = { title: t.title, unit: t.unit, header, body, notes: t.notes.map((n) => n.text), widths };
  if (t.tableNo) g.tableNo = t.tableNo;
  if (t.department) g.department = t.department;
  return g;
}

/** Two-sided summary tables (T1, T4): income rows on the left, expense rows on the right. */
function twoSidedGrid(t: Table, template: string): Grid {
  const income = t.rows.filter((r) => r.side === 'income');
  const expense = t.rows.filter((r) => r.side === 'expense');
  const expCols = t.columns.filter((c) => c.side === 'expense');
  const incCol = t.columns.find((c) => c.side === 'income');
  const fiscal = t.kind === 'fiscal_summary';
  // 收入 over 项目 / 决算数 (2019 T4: 金额); 支出 over 项目 and every expense column's full path (T4: 合计 / …).
  const header = headerRows([
    ['收入', '项目'],
    ['收入', fiscal && template === 'national-2019' ? '金额' : '决算数'],
    ['支出', '项目'],
    ...expCols.map((c) => ['支出', ...(fiscal ? c.header : ['决算数'])]),
  ]);
  // Income totals line up with expense totals, as in the template.
  const incBody = income.filter((r) => !/\.(total|reserve|carryIn|grand)$/.test(r.key) && !r.key.includes('carryIn.'));
  const incTail = income.filter((r) => !incBody.includes(r));
  const expBody = expense.filter((r) => r.code !== undefined);
  const expTail = expense.filter((r) => r.code === undefined);
  const n = Math.max(incBody.length, expBody.length);
  const m = Math.max(incTail.length, expTail.length);
  const left = [...pad(incBody, n), ...padTail(incTail, m)];
  const right = [...pad(expBody, n), ...padTail(expTail, m)];
  const body: GridRow[] = left.map((l, i) => {
    const r = right[i];
    const row: GridRow = [
      { text: l ? numbered(l, income) : '', align: 'left', bold: isTotal(l) },
      incCol && l ? amount(l.cells[incCol.id]) : { text: '' },
      { text: r ? numbered(r, expense) : '', align: 'left', bold: isTotal(r) },
    ];
    for (const c of expCols) row.push(r ? amount(r.cells[c.id]) : { text: '' });
    return row;
  });
  return base(t, header, body, [3.2, 1.4, 3.2, ...expCols.map(() => 1.4)]);
}

const ORDINAL_ROW =
  /^(income\.(general|fund|capital|superior|business|operating|affiliated|other)|(income\.carryIn|expense\.carryOut)\.(general|fund|capital))$/;

/** Label with its printed ordinal ("一、一般公共服务支出") for source, class and fund rows. */
function numbered(r: Row, side: Row[]): string {
  const group = (x: Row) =>
    x.code !== undefined ? 'class' : ORDINAL_ROW.test(x.key) ? x.key.replace(/\.[^.]+$/, '') : undefined;
  const g = group(r);
  if (g === undefined) return r.label;
  const peers = side.filter((x) => group(x) === g);
  return `${chineseNumber(peers.indexOf(r) + 1)}、${r.label}`;
}

function isTotal(r: Row | undefined): boolean {
  return r !== undefined && /\.(total|grand)$/.test(r.key);
}

function pad<T>(rows: T[], n: number): (T | undefined)[] {
  return [...rows, ...Array.from({ length: n - rows.length }, () => undefined)];
}

/** Closing lines padded before the last one, so that 总计 faces 总计 (2024 T4 has no fund lines under 年末). */
function padTail<T>(rows: T[], n: number): (T | undefined)[] {
  return rows.length === 0 ? pad(rows, n) : [...pad(rows.slice(0, -1), n - 1), ...rows.slice(-1)];
}

/**
 * 基本支出表 (T6): 经济分类 in side-by-side groups; footer 人员经费合计 / 公用经费合计. Where the template splits codes,
 * 类 | 款 under 经济分类 / 科目编码 with plain names, as Putuo 2024; otherwise one code column, 类 lines bold.
 */
function basicGrid(t: Table, groupsOf: string[][], template: Template | undefined): Grid {
  const split = template?.splitCodes ?? false;
  // Putuo 2024 centres both the 类 and the 款 of table 6.
  const codes = codeColumns(split, ['center', 'center'], ['经济分类', '科目编码'], ['经济分类科目编码'], 0.9);
  const rows = t.rows.filter((r) => r.code !== undefined);
  const groups = groupsOf.map((prefixes) => rows.filter((r) => prefixes.some((p) => (r.code ?? '').startsWith(p))));
  const n = Math.max(...groups.map((g) => g.length));
  const header = headerRows(groups.flatMap(() => [...codes.paths, ['科目名称'], ['决算数']]));
  const lead = codes.paths.length + 1;
  const per = lead + 1;
  const body: GridRow[] = [];
  for (let i = 0; i < n; i++) {
    body.push(
      groups.flatMap((g): GridRow => {
        const r = g[i];
        if (!r) return fill([], per);
        const cls = !split && (r.code ?? '').length === 3;
        return [
          ...codes.cells(r.code, { bold: cls }),
          { text: r.label, align: 'left', indent: split || cls ? 0 : 1, bold: cls },
          amount(r.cells.amount),
        ];
      }),
    );
  }
  const personnel = t.rows.find((r) => r.key === 'total.personnel');
  const pub = t.rows.find((r) => r.key === 'total.public');
  const width = groups.length * per;
  const foot: GridRow = [
    { text: personnel?.label ?? '人员经费合计', colSpan: lead, align: 'center', bold: true },
    ...Array.from({ length: lead - 1 }, () => null),
    amount(personnel?.cells.amount),
    { text: pub?.label ?? '公用经费合计', colSpan: width - lead - 2, align: 'center', bold: true },
    ...Array.from({ length: width - lead - 3 }, () => null),
    amount(pub?.cells.amount),
  ];
  body.push(foot);
  return base(
    t,
    header,
    body,
    groups.flatMap(() => [...codes.widths, 3.3, 1]),
  );
}

const THREE_PUBLIC_WEIGHT: Record<string, number> = {
  total: 0.8,
  abroad: 1.1,
  vehicle: 0.8,
  'vehicle.purchase': 1.1,
  'vehicle.operation': 1.1,
  reception: 0.9,
};
const THREE_PUBLIC_ORDER = ['total', 'abroad', 'vehicle', 'vehicle.purchase', 'vehicle.operation', 'reception'];

/** Printed path of one 三公 item: the vehicle columns sit under 公务用车购置及运行费 (小计 / 购置费 / 运行费). */
function threePublicItemPath(item: string, leaf: string): string[] {
  if (item === 'vehicle') return [leaf, '小计'];
  if (item.startsWith('vehicle.')) return ['公务用车购置及运行费', leaf];
  return [leaf];
}

/**
 * Header of item columns each over its own 预算数 / 决算数 pair, under one heading over all columns (财政拨款“三公”
 * 经费), four rows deep. A one-level item heading spans the two middle rows, so it is never printed on the same line
 * as a two-level one (公务用车购置及运行费 over 小计 / 购置费 / 运行费), and each heading stays centred over exactly
 * its own columns.
 */
function pairedHeader(scope: string, cols: { itemPath: string[]; group: string }[]): GridRow[] {
  const cell = (text: string, colSpan: number, rowSpan = 1): GridCell => {
    const c: GridCell = { text, align: 'center', bold: true };
    if (colSpan > 1) c.colSpan = colSpan;
    if (rowSpan > 1) c.rowSpan = rowSpan;
    return c;
  };
  const rows: GridRow[] = [[], [], []];
  let i = 0;
  while (i < cols.length) {
    const p = cols[i]?.itemPath ?? [];
    const top = p[0] ?? '';
    let j = i;
    while (j < cols.length && cols[j]?.itemPath[0] === top) j++;
    const span = j - i;
    if (p.length === 1) {
      rows[0]?.push(cell(top, span, 2), ...Array.from({ length: span - 1 }, () => null));
      rows[1]?.push(...Array.from({ length: span }, () => null));
    } else {
      rows[0]?.push(cell(top, span), ...Array.from({ length: span - 1 }, () => null));
      let k = i;
      while (k < j) {
        const sub = cols[k]?.itemPath[1] ?? '';
        let m = k;
        while (m < j && cols[m]?.itemPath[1] === sub) m++;
        rows[1]?.push(cell(sub, m - k), ...Array.from({ length: m - k - 1 }, () => null));
        k = m;
      }
    }
    for (let k = i; k < j; k++) rows[2]?.push(cell(cols[k]?.group ?? '', 1));
    i = j;
  }
  return [[cell(scope, cols.length), ...Array.from({ length: cols.length - 1 }, () => null)], ...rows];
}

/**
 * 三公 table (T7). 2019: 预算数 block then 决算数 block, each over the six items. 2024: the title's scope
 * (财政拨款“三公”经费) over all items, each item over its own 预算数 / 决算数 pair, twelve equal columns across the
 * page. Column ids are the template's; only the printed order and header nesting differ.
 */
function threePublicGrid(t: Table, template: string): Grid {
  const parts = t.columns.map((c) => {
    const dot = c.id.indexOf('.');
    const group = c.id.slice(0, dot);
    const item = c.id.slice(dot + 1);
    const groupText = c.header.length > 1 ? (c.header[0] ?? '') : group === 'budget' ? '预算数' : '决算数';
    const leaf = c.header[c.header.length - 1] ?? item;
    return { c, group, item, groupText, itemPath: threePublicItemPath(item, leaf) };
  });
  const paired = template !== 'national-2019';
  const rank = (x: (typeof parts)[number]) => {
    const i = THREE_PUBLIC_ORDER.indexOf(x.item);
    const g = x.group === 'budget' ? 0 : 1;
    return paired ? i * 2 + g : g * THREE_PUBLIC_ORDER.length + i;
  };
  const cols = [...parts].sort((a, b) => rank(a) - rank(b));
  const header = paired
    ? pairedHeader(
        t.title.replace(/支出决算表$/, ''),
        cols.map((x) => ({ itemPath: x.itemPath, group: x.groupText })),
      )
    : headerRows(cols.map((x) => [x.groupText, ...x.itemPath]));
  const body: GridRow[] = t.rows.map((r) => cols.map((x) => amount(r.cells[x.c.id])));
  return base(
    t,
    header,
    body,
    cols.map((x) => (paired ? 1 : (THREE_PUBLIC_WEIGHT[x.item] ?? 1))),
  );
}

export function tableGrid(t: Table, template: string): Grid {
  const g = kindGrid(t, template);
  const tpl = templateById(template);
  const landscape = tpl?.tables.find((d) => d.kind === t.kind)?.landscape;
  if (landscape !== undefined) g.landscape = landscape;
  if (tpl && !tpl.repeatTableHeader) g.repeatHeader = false;
  if (tpl && !tpl.shrinkLongTables) g.shrinkLong = false;
  return g;
}

function kindGrid(t: Table, template: string): Grid {
  switch (t.kind) {
    case 'income_expense_summary':
    case 'fiscal_summary':
      return twoSidedGrid(t, template);
    case 'general_budget_basic':
      return basicGrid(
        t,
        template === 'national-2019'
          ? [['301', '303'], ['302'], ['307', '309', '310', '311', '312', '313', '399']]
          : [
              ['301', '303'],
              ['302', '307', '309', '310', '311', '312', '313', '399'],
            ],
        templateById(template),
      );
    case 'three_public':
      return threePublicGrid(t, template);
    default:
      return functionalGrid(t, templateById(template));
  }
}

export function columnCount(g: Grid): number {
  return g.widths.length;
}

/** Performance annex tables: project facts, funds (元), indicator tree with spans. */
/** 项目支出内容: 实际支出数 over its three parts, 财政资金专款专用数 beside; item rows and the 合计 row. */
function spendingGrid(p: PerformanceEvaluation, unit: string): Grid {
  const h = (text: string, span: Partial<GridCell> = {}): GridCell => ({ text, bold: true, align: 'center', ...span });
  const actual = SPENDING_COLUMNS.filter((c) => c.header.length > 1);
  const header: GridRow[] = [
    [
      h('项目支出内容', { rowSpan: 2 }),
      h(actual[0]?.header[0] ?? '', { colSpan: actual.length }),
      ...actual.slice(1).map(() => null),
      ...SPENDING_COLUMNS.filter((c) => c.header.length === 1).map((c) => h(c.header[0] ?? '', { rowSpan: 2 })),
    ],
    [
      null,
      ...actual.map((c) => h(c.header[1] ?? '')),
      ...SPENDING_COLUMNS.filter((c) => c.header.length === 1).map(() => null),
    ],
  ];
  const body: GridRow[] = p.spending.map((r) => [
    { text: r.label },
    ...SPENDING_COLUMNS.map((c): GridCell => {
      const cell = r.cells[c.id];
      return cell?.kind === 'amount'
        ? { text: formatScaled(cell.fen, 2, 2, true), align: 'right', amount: true }
        : { text: cellText(cell), align: 'right' };
    }),
  ]);
  return { title: '项目支出内容', unit, header, body, notes: [], widths: [2.4, 1.5, 1.5, 1.5, 1.5] };
}

export function performanceGrids(d: Disclosure): { annex: string; name: string; grids: Grid[] }[] {
  return d.performance.map((p, i) => {
    const pr = p.project;
    const info: GridRow[] = [
      [{ text: '项目名称', bold: true }, { text: pr.name, colSpan: 3 }, null, null],
      [{ text: '主管部门', bold: true }, { text: pr.department ?? '', colSpan: 3 }, null, null],
      [
        { text: '项目类别', bold: true },
        { text: pr.category ?? '' },
        { text: '资金用途', bold: true },
        { text: pr.purpose ?? '' },
      ],
      [
        { text: '项目负责人', bold: true },
        { text: pr.manager ?? '' },
        { text: '联系人 / 电话', bold: true },
        { text: `${pr.contact ?? ''} ${pr.phone ?? ''}`.trim() },
      ],
      [
        { text: '起始日期', bold: true },
        { text: pr.start ?? '' },
        { text: '结束日期', bold: true },
        { text: pr.end ?? '' },
      ],
      [{ text: '项目概况', bold: true }, { text: pr.overview ?? '', colSpan: 3 }, null, null],
      [{ text: '年度绩效目标', bold: true }, { text: pr.annualGoal ?? '', colSpan: 3 }, null, null],
    ];
    const infoGrid: Grid = { title: '项目概况', unit: '', header: [], body: info, notes: [], widths: [1.3, 3, 1.3, 3] };
    const grids: Grid[] = [infoGrid];
    if (p.funds) {
      const f = p.funds;
      const header: GridRow[] = [
        [
          { text: '项目', bold: true, align: 'center' },
          { text: '行次', bold: true, align: 'center' },
          ...f.columns.map((c): GridCell => ({ text: c.header.join(''), bold: true, align: 'center' })),
        ],
      ];
      const body: GridRow[] = f.rows.map((r) => [
        { text: r.label },
        { text: r.lineNo ?? '', align: 'center' },
        ...f.columns.map((c): GridCell => {
          const cell = r.cells[c.id];
          return cell?.kind === 'amount'
            ? { text: formatScaled(cell.fen, 2, 2, true), align: 'right', amount: true }
            : { text: cellText(cell), align: 'right' };
        }),
      ]);
      grids.push({ title: f.title, unit: f.unit, header, body, notes: [], widths: [2, 1.4, 1.6, 1.6, 1.2] });
    }
    if (p.spending.length > 0) grids.push(spendingGrid(p, p.funds?.unit ?? '元'));
    const head: GridRow[] = [
      ['一级指标', '权重', '二级指标', '权重', '三级指标', '权重', '目标值', '业绩值', '评分结果', '评分标准'].map(
        (text): GridCell => ({ text, bold: true, align: 'center' }),
      ),
    ];
    const body: GridRow[] = [];
    const inds = withPlaceholders(p);
    inds.forEach((ind, k) => {
      const prev = inds[k - 1];
      const row: GridRow = [];
      if (!prev || prev.level1 !== ind.level1) {
        const span = countRun(inds, k, (x) => x.level1);
        row.push(
          { text: ind.level1, rowSpan: span, bold: true },
          { text: ind.level1Weight?.text ?? '', rowSpan: span, align: 'right' },
        );
      } else row.push(null, null);
      if (!prev || prev.level1 !== ind.level1 || prev.level2 !== ind.level2) {
        const span = countRun(inds, k, (x) => `${x.level1}/${x.level2}`);
        row.push(
          { text: ind.level2, rowSpan: span },
          { text: ind.level2Weight?.text ?? '', rowSpan: span, align: 'right' },
        );
      } else row.push(null, null);
      row.push(
        { text: ind.name },
        { text: ind.name ? (ind.weight?.text ?? '') : '', align: 'right' },
        { text: ind.target ?? '' },
        { text: ind.actual ?? '' },
        { text: ind.name ? (ind.score?.text ?? '') : '', align: 'right' },
        { text: ind.standard ?? '' },
      );
      body.push(row);
    });
    body.push([
      { text: '总计', colSpan: 5, bold: true, align: 'center' },
      null,
      null,
      null,
      null,
      { text: p.totalWeight?.text ?? '', align: 'right', bold: true },
      { text: '', colSpan: 2 },
      null,
      { text: p.totalScore?.text ?? '', align: 'right', bold: true },
      { text: `评价等级：${p.grade ?? ''}`, bold: true },
    ]);
    grids.push({
      title: '自评价评分表',
      unit: '',
      header: head,
      body,
      notes: [],
      widths: [1.2, 0.8, 1, 0.8, 2.6, 0.8, 1.2, 1.2, 0.9, 3],
    });
    return { annex: p.annex ?? `附件${i + 1}`, name: pr.name, grids };
  });
}

type IndicatorRow = PerformanceEvaluation['indicators'][number];

/** Indicators in printed order, with an empty row for each 二级 heading that has no 三级 indicator (weight 0). */
function withPlaceholders(p: PerformanceEvaluation): IndicatorRow[] {
  const groups = p.groups ?? [];
  if (groups.length === 0) return p.indicators;
  const out: IndicatorRow[] = [];
  const weightOf = (level: 1 | 2, name: string, parent?: string) =>
    groups.find((g) => g.level === level && g.name === name && (parent === undefined || g.parent === parent))?.weight;
  for (const g of groups.filter((x) => x.level === 2)) {
    const parent = g.parent ?? '';
    const under = p.indicators.filter((i) => i.level1 === parent && i.level2 === g.name);
    if (under.length > 0) out.push(...under);
    else {
      const row: IndicatorRow = { level1: parent, level2: g.name, name: '' };
      const w1 = weightOf(1, parent);
      if (w1) row.level1Weight = w1;
      if (g.weight) row.level2Weight = g.weight;
      out.push(row);
    }
  }
  // Any indicator whose 二级 heading is not listed keeps its place at the end.
  for (const i of p.indicators) if (!out.includes(i)) out.push(i);
  return out;
}

function countRun<T>(xs: T[], from: number, key: (x: T) => string): number {
  const k = key(xs[from] as T);
  let n = 0;
  for (let i = from; i < xs.length && key(xs[i] as T) === k; i++) n++;
  return n;
}

export { fill };
