// 绩效自评 annexes read from PDF geometry, on made-up layouts unlike the one the project prints:
// A: no 一级/二级 weights, 分值/实际值/得分 headers, a 数据来源 column, top-aligned merged cells, wrapped names,
//    the sheet running over a page break with its header repeated, 资金 in 万元 under a two-row header, 综合结论.
// B: 一级/二级 weights, middle-aligned merged cells, a 三级 name wrapped over two lines.
// A also prints 项目支出内容 (title as the header's first cell, two header rows, wrapped names, blank and 0.00 cells);
// C prints it alone (one header row wrapped in narrow cells, middle-aligned rows, a figure wrapped in its cell,
//   a row of blank cells, a note under the table);
// D prints it under a header the importer does not know.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layoutOf } from '../../src/import/pdf/document.ts';
import { extractPdfText } from '../../src/import/pdf/extract.ts';
import { readPerformanceAnnexes } from '../../src/import/pdf/performance.ts';
import type { PerformanceEvaluation } from '../../src/model/disclosure.ts';
import { pdfmakeWith, SANS } from '../fixtures/pdf/pdfmake.ts';

async function pdf(content: unknown[], landscape = false): Promise<Buffer> {
  return pdfmakeWith('Sans', SANS)
    .createPdf({
      pageSize: 'A4',
      pageOrientation: landscape ? 'landscape' : 'portrait',
      pageMargins: [36, 36, 36, 36],
      defaultStyle: { font: 'Sans', fontSize: 8 },
      info: { title: 't', creationDate: new Date(Date.UTC(2000, 0, 1)), modDate: new Date(Date.UTC(2000, 0, 1)) },
      content,
    })
    .getBuffer();
}

async function read(bytes: Buffer): Promise<PerformanceEvaluation[]> {
  const text = await extractPdfText('annex.pdf', new Uint8Array(bytes));
  return readPerformanceAnnexes('annex.pdf', layoutOf(text).lines);
}

const c = (text: string, more: Record<string, unknown> = {}) => ({ text, ...more });
const r = (text: string) => ({ text, alignment: 'right' });

/** Layout A's sheet rows: 一级, 二级, 三级, 分值, 目标值, 实际值, 得分, 评分标准, 数据来源. */
const A_ROWS: [string, string, string, string, string, string, string, string, string][] = [];
const A_GROUPS: [string, [string, number][]][] = [
  [
    '产出指标',
    [
      ['数量指标', 12],
      ['质量指标', 8],
      ['时效指标', 4],
    ],
  ],
  [
    '效益指标',
    [
      ['社会效益指标', 8],
      ['可持续影响指标', 3],
    ],
  ],
  ['满意度指标', [['服务对象满意度指标', 2]]],
];
let n = 0;
for (const [l1, subs] of A_GROUPS) {
  for (const [l2, count] of subs) {
    for (let k = 0; k < count; k++) {
      n++;
      const long = n % 4 === 1;
      A_ROWS.push([
        l1,
        l2,
        long ? `第${n}项重点工作任务完成数量及其覆盖范围的综合情况` : `指标${n}`,
        '4',
        `≥${n * 10}个`,
        `${n * 10 + 1}个`,
        n === 7 ? '3.5' : '4',
        long ? `完成目标值得满分，每少一个扣0.5分，扣完为止；本项按年末台账核定。` : '达标得满分',
        n % 3 === 0 ? `台账第${n}册` : '',
      ]);
    }
  }
}

function aSheet(): unknown {
  const head = [
    '一级指标',
    '二级指标',
    '三级指标',
    '分值',
    '目标值',
    '实际值',
    '得分',
    '评分标准',
    '数据来源及支持材料',
  ];
  const body: unknown[][] = [head.map((h) => c(h, { alignment: 'center' }))];
  A_ROWS.forEach((row, i) => {
    const prev = A_ROWS[i - 1];
    const span = (k: 0 | 1) => A_ROWS.slice(i).findIndex((x) => x[k] !== row[k] || (k === 1 && x[0] !== row[0]));
    const len = (k: 0 | 1) => (span(k) < 0 ? A_ROWS.length - i : span(k));
    const cells: unknown[] = [];
    cells.push(!prev || prev[0] !== row[0] ? c(row[0], { rowSpan: len(0) }) : '');
    cells.push(!prev || prev[1] !== row[1] || prev[0] !== row[0] ? c(row[1], { rowSpan: len(1) }) : '');
    cells.push(c(row[2]), r(row[3]), c(row[4]), c(row[5]), r(row[6]), c(row[7]), c(row[8]));
    body.push(cells);
  });
  body.push([c('合计', { colSpan: 3, alignment: 'center' }), '', '', r('92'), '', '', r('91.50'), c(''), c('')]);
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: [44, 50, 90, 24, 46, 46, 26, 110, 60], body },
  };
}

/** Layout A's 项目支出内容 (万元): name, 实际支出数 合计/财政/其他, 专款专用数; "" is a blank cell. */
const A_SPENDING: [string, string, string, string, string][] = [
  ['道路日常养护及路面病害处治（含人行道）', '800.25', '780.25', '20.00', '780.25'],
  ['桥梁检测', '200.00', '200.00', '', '0.00'],
  ['应急抢修', '100.00', '80.00', '20.00', '80.00'],
  ['合计', '1,100.25', '1,060.25', '40.00', '1,060.25'],
];

/** Layout A's 项目支出内容 as read: key, name, then 分 (万元 × 1,000,000) or "blank" per column. */
const aSpendingWant = () =>
  A_SPENDING.map(([name, ...fig], i) => [
    name === '合计' ? 'total' : `item${i + 1}`,
    name,
    ...fig.map((f) => (f ? BigInt(Math.round(Number(f.replace(/,/g, '')) * 100)) * 10_000n : 'blank')),
  ]);

/**
 * The part's title is the header's first cell (two header rows), names wrap in a narrow column. Top-aligned, the
 * title shares a line with the headings; middle-aligned, it prints below "实际支出数".
 */
function spendingA(middle = false): unknown {
  const mid = { alignment: 'center', ...(middle ? { verticalAlignment: 'middle' } : {}) };
  return {
    margin: [0, 10, 0, 0],
    table: {
      widths: [70, '*', '*', '*', '*'],
      body: [
        [
          c('项目支出内容', { rowSpan: 2, ...mid }),
          c('实际支出数', { colSpan: 3, ...mid }),
          '',
          '',
          c('财政资金专款专用数', { rowSpan: 2, ...mid }),
        ],
        ['', ...['合计', '财政资金支出数', '其他资金支出数'].map((h) => c(h, mid)), ''],
        ...A_SPENDING.map(([name, ...fig]) => [name, ...fig.map((f) => r(f))]),
      ],
    },
  };
}

async function layoutA(middle = false): Promise<Buffer> {
  return pdf([
    { text: '附件2  城区道路养护项目支出绩效自评表', fontSize: 13, margin: [0, 0, 0, 8] },
    { text: '项目概况', fontSize: 12, alignment: 'center', margin: [0, 0, 0, 4] },
    {
      table: {
        widths: [70, 150, 70, '*'],
        body: [
          ['项目名称', c('城区道路养护', { colSpan: 3 }), '', ''],
          ['申报单位', c('测试市样例局', { colSpan: 3 }), '', ''],
          ['项目负责人', '李四', '联系电话', '010-12345678'],
          [
            '年度绩效目标',
            c('完成城区主次干道日常养护，路面完好率保持在较高水平，保障市民出行安全便利。', { colSpan: 3 }),
            '',
            '',
          ],
        ],
      },
    },
    { text: '资金安排和使用情况表', fontSize: 12, alignment: 'center', margin: [0, 10, 0, 2] },
    { text: '单位：万元', alignment: 'right' },
    {
      table: {
        widths: [80, 30, '*', '*', '*', '*', '*', '*'],
        body: [
          [
            c('项目', { rowSpan: 2, alignment: 'center' }),
            c('行次', { rowSpan: 2, alignment: 'center' }),
            c('合计', { rowSpan: 2, alignment: 'center' }),
            c('财政资金', { colSpan: 3, alignment: 'center' }),
            '',
            '',
            c('其他资金', { colSpan: 2, alignment: 'center' }),
            '',
          ],
          ['', '', '', ...['小计', '中央级', '市级', '小计', '单位自有'].map((h) => c(h, { alignment: 'center' }))],
          ['预算安排', '(1)', r('1,250.50'), r('1,200.50'), r('200.00'), r('1,000.50'), r('50.00'), r('50.00')],
          ['实际支出', '(4)', r('1,100.25'), r('1,060.25'), r('180.00'), r('880.25'), r('40.00'), r('40.00')],
          ['预算执行率(%)', '(6)=(4)/(1)', r('87.98'), r('88.32'), r('90.00'), r('87.98'), r('80.00'), r('80.00')],
        ],
      },
    },
    spendingA(middle),
    { text: '自评价评分表', fontSize: 12, alignment: 'center', margin: [0, 10, 0, 4], pageBreak: 'before' },
    aSheet(),
    { text: '评价等级：良好', margin: [0, 4, 0, 0] },
    { text: '综合结论', fontSize: 12, alignment: 'center', margin: [0, 10, 0, 4] },
    {
      table: {
        widths: [120, '*'],
        body: [
          ['评价结论', '项目总体完成年度目标，个别指标未达预期。'],
          ['改进建议', '加强养护计划管理，提前安排资金。'],
        ],
      },
    },
  ]);
}

describe('PDF 绩效自评 annex, layout A (no heading weights, sheet over a page break)', async () => {
  const bytes = await layoutA();
  const [ev, ...more] = await read(bytes);
  const text = await extractPdfText('annex.pdf', new Uint8Array(bytes));

  it('is one annex with its label and project facts', () => {
    assert.equal(more.length, 0);
    assert.ok(ev);
    assert.equal(ev.annex, '附件2');
    assert.equal(ev.project.name, '城区道路养护');
    assert.equal(ev.project.department, '测试市样例局');
    assert.equal(ev.project.manager, '李四');
    assert.equal(ev.project.phone, '010-12345678');
    assert.equal(ev.project.annualGoal, '完成城区主次干道日常养护，路面完好率保持在较高水平，保障市民出行安全便利。');
  });

  it('the sheet really runs over a page break with the header repeated', () => {
    const pagesWithHeader = text.pages.filter((p) => p.items.some((i) => i.str.includes('三级指标')));
    assert.ok(pagesWithHeader.length >= 2, `header on ${pagesWithHeader.length} page(s)`);
  });

  it('reads every indicator row with its 一级/二级 headings, wrapped names joined', () => {
    assert.ok(ev);
    const got = ev.indicators.map((i) => [
      i.level1,
      i.level2,
      i.name,
      i.weight?.text,
      i.target,
      i.actual,
      i.score?.text,
      i.standard,
      i.dataSource,
    ]);
    const want = A_ROWS.map((x) => [x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8] || undefined]);
    assert.deepEqual(got, want);
    assert.deepEqual(
      (ev.groups ?? []).map((g) => [g.level, g.name, g.parent]),
      A_GROUPS.flatMap(([l1, subs]) => [[1, l1, undefined], ...subs.map(([l2]) => [2, l2, l1])]),
    );
  });

  it('reads the total, the grade and the conclusions', () => {
    assert.ok(ev);
    assert.equal(ev.totalWeight?.text, '92');
    assert.equal(ev.totalScore?.text, '91.50');
    assert.equal(ev.totalScore?.value, 9150n);
    assert.equal(ev.grade, '良好');
    assert.deepEqual(
      ev.conclusions.map((x) => [x.label, x.text]),
      [
        ['评价结论', '项目总体完成年度目标，个别指标未达预期。'],
        ['改进建议', '加强养护计划管理，提前安排资金。'],
      ],
    );
  });

  it('reads the funds table in 万元 under a two-row header, amounts exact', () => {
    assert.ok(ev?.funds);
    const f = ev.funds;
    assert.equal(f.unit, '万元');
    assert.deepEqual(
      f.columns.map((x) => x.header.join('/')),
      ['合计', '财政资金/小计', '财政资金/中央级', '财政资金/市级', '其他资金/小计', '其他资金/单位自有'],
    );
    const budget = f.rows.find((x) => x.key === 'budget');
    const spent = f.rows.find((x) => x.key === 'spent');
    const rate = f.rows.find((x) => x.key === 'executionRate');
    assert.equal(budget?.lineNo, '(1)');
    const fen = (row: (typeof f.rows)[number] | undefined, id: string) => {
      const cell = row?.cells[id];
      return cell?.kind === 'amount' ? cell.fen : cell?.kind;
    };
    assert.equal(fen(budget, 'total'), 1_250_500_000n); // 1,250.50 万元 in 分
    assert.equal(fen(budget, 'fiscal.municipal'), 1_000_500_000n);
    assert.equal(fen(spent, 'other.own'), 40_000_000n); // 40.00 万元
    const rateCell = rate?.cells['fiscal.subtotal'];
    assert.equal(rateCell?.kind === 'text' ? rateCell.text : rateCell?.kind, '88.32');
    assert.deepEqual(f.unread, []);
  });

  it('reads 项目支出内容 under its two-row header: wrapped names, 合计, a blank cell apart from 0.00', () => {
    assert.ok(ev);
    assert.deepEqual(
      ev.spending.map((x) => [x.key, x.label, ...spendingCells(x)]),
      aSpendingWant(),
    );
    // The long name really wraps.
    const name = A_SPENDING[0]?.[0] ?? '';
    assert.ok(!text.pages.some((p) => p.items.some((i) => i.str.includes(name))));
    assert.equal(ev.spending[1]?.cells.earmarked?.kind, 'amount'); // 0.00 printed
    assert.equal(ev.spending[1]?.cells['actual.other']?.kind, 'blank'); // nothing printed
  });

  it('reports only what it could not read (here: nothing)', () => {
    assert.deepEqual(ev?.unread, []);
  });
});

describe('PDF 绩效自评 annex, layout A with middle-aligned 项目支出内容 header cells', async () => {
  const bytes = await layoutA(true);
  const [ev] = await read(bytes);
  const { lines } = layoutOf(await extractPdfText('annex.pdf', new Uint8Array(bytes)));

  it('reads the same rows though "实际支出数" prints above the title', () => {
    const title = lines.findIndex((l) => l.segments[0]?.text === '项目支出内容');
    assert.equal(lines[title - 1]?.text, '实际支出数');
    assert.ok(ev);
    assert.deepEqual(
      ev.spending.map((x) => [x.key, x.label, ...spendingCells(x)]),
      aSpendingWant(),
    );
    assert.deepEqual(ev.unread, []);
    assert.equal(ev.funds?.rows.length, 3);
  });
});

/** Spending cells in template column order: 分 for amounts, else the cell kind. */
function spendingCells(row: PerformanceEvaluation['spending'][number]): (bigint | string | undefined)[] {
  return ['actual.total', 'actual.fiscal', 'actual.other', 'earmarked'].map((id) => {
    const cell = row.cells[id];
    return cell?.kind === 'amount' ? cell.fen : cell?.kind;
  });
}

/** Layout B: 一级/二级 weights, middle-aligned merged cells. */
const B_ROWS: [string, string, string, string, string][] = [
  ['成本指标', '经济成本指标', '单位养护成本', '10.00', '10.00'],
  ['成本指标', '经济成本指标', '设备购置成本控制在预算以内的情况', '10.00', '8.00'],
  ['产出指标', '数量指标', '养护里程', '20.00', '20.00'],
  ['产出指标', '数量指标', '修补坑槽面积', '10.00', '10.00'],
  ['产出指标', '时效指标', '按期完工率', '20.00', '19.00'],
  ['满意度指标', '服务对象满意度', '市民满意度', '30.00', '28.00'],
];
const B_WEIGHTS: Record<string, string> = {
  成本指标: '20.00',
  经济成本指标: '20.00',
  产出指标: '50.00',
  数量指标: '30.00',
  时效指标: '20.00',
  满意度指标: '30.00',
  服务对象满意度: '30.00',
};

async function layoutB(weights = true): Promise<Buffer> {
  const mid = { verticalAlignment: 'middle' };
  const head = ['一级指标', '权重', '二级指标', '权重', '三级指标', '权重', '目标值', '业绩值', '评分结果'];
  const body: unknown[][] = [head.map((h) => c(h, { alignment: 'center' }))];
  B_ROWS.forEach((row, i) => {
    const prev = B_ROWS[i - 1];
    const run = (k: 0 | 1) => {
      let m = 0;
      while (B_ROWS[i + m]?.[k] === row[k]) m++;
      return m;
    };
    const cells: unknown[] = [];
    if (!prev || prev[0] !== row[0]) cells.push(c(row[0], { rowSpan: run(0), ...mid }), r(B_WEIGHTS[row[0]] ?? ''));
    else cells.push('', '');
    if (!prev || prev[1] !== row[1]) cells.push(c(row[1], { rowSpan: run(1), ...mid }), r(B_WEIGHTS[row[1]] ?? ''));
    else cells.push('', '');
    cells.push(c(row[2]), r(row[3]), c('达标'), c('达标'), r(row[4]));
    body.push(cells);
  });
  // Weight cells of merged headings span as their names do.
  for (const row of body.slice(1)) {
    const cells = row as { rowSpan?: number }[];
    if (cells[0] && typeof cells[0] === 'object' && cells[0].rowSpan)
      (cells[1] as object as Record<string, unknown>).rowSpan = cells[0].rowSpan;
    if (cells[2] && typeof cells[2] === 'object' && cells[2].rowSpan)
      (cells[3] as object as Record<string, unknown>).rowSpan = cells[2].rowSpan;
    for (const k of [1, 3]) if (typeof cells[k] === 'object') Object.assign(cells[k] as object, mid);
  }
  body.push([c('总分', { colSpan: 5, alignment: 'center' }), '', '', '', '', r('100.00'), '', '', r('95.00')]);
  // Without heading weights: the 一级/二级 权重 columns left out.
  const keep = (_: unknown, k: number) => weights || (k !== 1 && k !== 3);
  const rows = body.map((row, i) =>
    i === body.length - 1 && !weights ? [c('总分', { colSpan: 3 }), '', '', ...row.slice(5)] : row.filter(keep),
  );
  const widths = [50, 30, 60, 30, 80, 30, 40, 40, 36].filter(keep);
  return pdf([
    { text: '附件1', fontSize: 12 },
    { text: '桥梁检测项目绩效自评表', fontSize: 13, alignment: 'center', margin: [0, 0, 0, 6] },
    { text: '自评价评分表', fontSize: 12, alignment: 'center', margin: [0, 0, 0, 4] },
    { table: { headerRows: 1, widths, body: rows } },
    { text: '评价等级：优秀', margin: [0, 4, 0, 0] },
  ]);
}

describe('PDF 绩效自评 annex, layout B (heading weights, middle-aligned merged cells)', async () => {
  const [ev] = await read(await layoutB());

  it('gives every row its headings and weights, the wrapped name whole', () => {
    assert.ok(ev);
    assert.deepEqual(
      ev.indicators.map((i) => [
        i.level1,
        i.level1Weight?.text,
        i.level2,
        i.level2Weight?.text,
        i.name,
        i.weight?.text,
        i.score?.text,
      ]),
      B_ROWS.map((x) => [x[0], B_WEIGHTS[x[0]], x[1], B_WEIGHTS[x[1]], x[2], x[3], x[4]]),
    );
  });

  it('reads the total, grade and the project name from the annex title', () => {
    assert.ok(ev);
    assert.equal(ev.annex, '附件1');
    assert.equal(ev.project.name, '桥梁检测项目');
    assert.equal(ev.totalWeight?.text, '100.00');
    assert.equal(ev.totalScore?.text, '95.00');
    assert.equal(ev.grade, '优秀');
  });

  it('reports the sections it did not find as unread', () => {
    assert.ok(ev);
    const what = (ev.unread ?? []).map((u) => u.what);
    assert.ok(what.includes('项目概况'), what.join(', '));
    assert.ok(what.includes('资金安排和使用情况表'), what.join(', '));
  });
});

describe('PDF 绩效自评 annex, layout B without heading weights (rows to middle-aligned headings by position)', async () => {
  const [ev] = await read(await layoutB(false));

  it('gives every row its 一级/二级 heading from where the merged cell is printed', () => {
    assert.ok(ev);
    assert.deepEqual(
      ev.indicators.map((i) => [
        i.level1,
        i.level1Weight?.text,
        i.level2,
        i.level2Weight?.text,
        i.name,
        i.weight?.text,
      ]),
      B_ROWS.map((x) => [x[0], undefined, x[1], undefined, x[2], x[3]]),
    );
    assert.equal(ev.totalScore?.text, '95.00');
    assert.ok(!(ev.unread ?? []).some((u) => /权重合计/.test(u.reason)));
  });
});

/**
 * Layout C: 项目支出内容 only, under a centred heading; one header row with the group word in every cell
 * ("实际支出数合计"), wrapped within narrow cells; middle-aligned rows; a long figure wrapped in its cell.
 */
async function layoutC(): Promise<Buffer> {
  const mid = { verticalAlignment: 'middle' };
  const head = ['项目', '实际支出数合计', '实际支出数财政资金支出数', '实际支出数其他资金支出数', '财政资金专款专用数'];
  const rows: string[][] = [
    ['城区主干道路面修补及附属设施维护', '66115071.53', '66115071.53', '', '0.00'],
    ['绿化养护', '1234.50', '1234.50', '0.00', ''],
    ['其他', '', '', '', ''],
    ['合计', '66116306.03', '66116306.03', '0.00', '0.00'],
  ];
  return pdf([
    { text: '附件3  城区养护项目绩效自评表', fontSize: 13 },
    { text: '项目支出内容', fontSize: 12, alignment: 'center', margin: [0, 6, 0, 4] },
    {
      table: {
        widths: [60, 40, 40, 40, 40],
        body: [
          head.map((h) => c(h, { alignment: 'center' })),
          ...rows.map(([name, ...fig]) => [c(name ?? '', mid), ...fig.map((f) => ({ ...r(f), ...mid }))]),
        ],
      },
    },
    { text: '注：其他支出本年未发生。', margin: [0, 4, 0, 0] },
  ]);
}

describe('PDF 绩效自评 annex, layout C (项目支出内容: one header row, middle-aligned, a figure wrapped)', async () => {
  const bytes = await layoutC();
  const [ev] = await read(bytes);
  const text = await extractPdfText('annex.pdf', new Uint8Array(bytes));

  it('the long figure and the name really wrap', () => {
    const items = text.pages.flatMap((p) => p.items.map((i) => i.str));
    assert.ok(!items.some((i) => i.includes('66115071.53')), items.join(' '));
    assert.ok(!items.some((i) => i.includes('城区主干道路面修补及附属设施维护')));
  });

  it('joins wrapped names and figures, keeps blank apart from 0.00, reads 合计 (元 when no funds table)', () => {
    assert.ok(ev);
    assert.deepEqual(
      ev.spending.map((x) => [x.key, x.label, ...spendingCells(x)]),
      [
        ['item1', '城区主干道路面修补及附属设施维护', 6611507153n, 6611507153n, 'blank', 0n],
        ['item2', '绿化养护', 123450n, 123450n, 0n, 'blank'],
        ['item3', '其他', 'blank', 'blank', 'blank', 'blank'],
        ['total', '合计', 6611630603n, 6611630603n, 0n, 0n],
      ],
    );
    const cell = ev.spending[0]?.cells['actual.total'];
    assert.equal(cell?.kind === 'amount' ? cell.text : cell?.kind, '66115071.53');
  });

  it('reports the note under the table as unread, nothing else', () => {
    assert.deepEqual(
      (ev?.unread ?? []).filter((u) => u.what === '项目支出内容').map((u) => u.reason),
      ['表下注释未读 / note under the table not read: 注：其他支出本年未发生。'],
    );
  });
});

/** Layout D: a 项目支出内容 header the importer does not know (财政拨款, 备注). */
async function layoutD(): Promise<Buffer> {
  const mid = { alignment: 'center' };
  return pdf([
    { text: '附件4  样例项目绩效自评表', fontSize: 13, margin: [0, 0, 0, 6] },
    {
      table: {
        widths: [80, '*', '*', '*', 60],
        body: [
          [
            c('项目支出内容', { rowSpan: 2, ...mid }),
            c('实际支出数', { colSpan: 3, ...mid }),
            '',
            '',
            c('备注', { rowSpan: 2, ...mid }),
          ],
          ['', ...['合计', '财政拨款', '其他资金'].map((h) => c(h, mid)), ''],
          ['设备购置', r('10.00'), r('10.00'), r('0.00'), ''],
          ['合计', r('10.00'), r('10.00'), r('0.00'), ''],
        ],
      },
    },
  ]);
}

describe('PDF 绩效自评 annex, layout D (项目支出内容 header not recognised)', async () => {
  const [ev] = await read(await layoutD());

  it('reads no row and says why, naming the header', () => {
    assert.ok(ev);
    assert.deepEqual(ev.spending, []);
    const u = (ev.unread ?? []).filter((x) => x.what === '项目支出内容');
    assert.equal(u.length, 1);
    assert.match(u[0]?.reason ?? '', /表头无法识别.*header not recognised/);
    assert.match(u[0]?.reason ?? '', /备注/);
  });
});
