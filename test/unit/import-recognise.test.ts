import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PrintedCell } from '../../src/import/recognise/index.ts';
import {
  buildSections,
  classify,
  columnsFromHeaderText,
  headsTable,
  joinParagraphs,
  joinSpacedCodes,
  mapColumns,
  matchColumn,
  nameAgrees,
  numberingOf,
  readCodedRows,
  readColumnNumbers,
  readEconomicItems,
  readFacts,
  readFixedRows,
  readGlossary,
  readTableNo,
  readUnitLine,
  recogniseTitle,
  splitCodeLabel,
  threePublicColumnsFromText,
  toCell,
} from '../../src/import/recognise/index.ts';
import type { Column } from '../../src/model/disclosure.ts';
import { NATIONAL_2019, SHANGHAI_2024 } from '../../src/model/templates.ts';

const def = (n: number, tpl = NATIONAL_2019) => {
  const d = tpl.tables.find((t) => t.number === n);
  assert.ok(d);
  return d;
};
/** A row of printed cells, as the PDF importer would pass them (first cell starts the line). */
const cellsOf = (...rows: string[][]): PrintedCell[] =>
  rows.flatMap((r, i) => r.map((text, j) => ({ text, lineStart: j === 0, src: { page: 1, line: i + 1 } })));
const tokens = (...lines: string[]): PrintedCell[] => cellsOf(...lines.map((l) => l.split(/\s+/).filter(Boolean)));
const cols = (...ids: string[]): Column[] => ids.map((id) => ({ id, header: [id] }));

describe('recognise: titles', () => {
  it('matches titles exactly after whitespace removal, never by substring', () => {
    assert.equal(recogniseTitle('收入支出决算总表')?.kind, 'income_expense_summary');
    assert.equal(recogniseTitle('财政拨款收入支出决算总表')?.kind, 'fiscal_summary');
    assert.equal(recogniseTitle('财 政 拨 款 收 入 支 出 决 算 总 表')?.kind, 'fiscal_summary');
    assert.equal(recogniseTitle('一般公共预算财政拨款支出决算表')?.kind, 'general_budget_expense');
    assert.equal(recogniseTitle('四、财政拨款收入支出决算总表'), undefined, 'a contents line is not a title');
    assert.equal(recogniseTitle('收入支出决算总表说明'), undefined);
  });

  it('accepts a department prefix, a table number and the unit around the title, nothing else', () => {
    assert.equal(recogniseTitle('深圳市扶贫协作和合作交流办公室收入支出决算总表')?.kind, 'income_expense_summary');
    assert.equal(recogniseTitle('公开01表 收入支出决算总表')?.kind, 'income_expense_summary');
    assert.equal(recogniseTitle('表1：收入决算表')?.kind, 'income');
    assert.deepEqual(recogniseTitle('收入支出决算总表 公开01表 单位：万元'), {
      title: '收入支出决算总表',
      kind: 'income_expense_summary',
      continued: false,
      after: '公开01表单位：万元',
    });
    assert.equal(recogniseTitle('一般公共预算财政拨款收入支出决算总表'), undefined);
    assert.equal(recogniseTitle('详见附表1：收入支出决算总表'), undefined);
    assert.equal(recogniseTitle('（七）一般公共预算财政拨款“三公”经费支出决算表'), undefined);
  });

  it('accepts a numbered title only when asked, marking the number for the caller to check a header follows', () => {
    const n = { numbered: true };
    for (const [text, kind, numbered] of [
      ['附件1 收入支出决算总表', 'income_expense_summary', '附件1'],
      ['附件1：收入支出决算总表', 'income_expense_summary', '附件1：'],
      ['附表1：收入决算表', 'income', '附表1：'],
      ['表一 支出决算表', 'expense', '表一'],
      ['一、收入支出决算总表', 'income_expense_summary', '一、'],
      ['四、财政拨款收入支出决算总表', 'fiscal_summary', '四、'],
      ['七、财政拨款“三公”经费支出决算表', 'three_public', '七、'],
      ['附件2 上海市普陀区财政局2024年度收入决算表', 'income', '附件2'],
    ] as const) {
      const r = recogniseTitle(text, n);
      assert.equal(r?.kind, kind, text);
      assert.equal(r?.numbered, numbered, text);
    }
    // without the option: as before (a contents line is no title)
    assert.equal(recogniseTitle('一、收入支出决算总表'), undefined);
    assert.equal(recogniseTitle('附件1 收入支出决算总表'), undefined);
    assert.equal(recogniseTitle('收入支出决算总表', n)?.numbered, undefined);
    // never by substring, nor with page numbers or other words around
    assert.equal(recogniseTitle('一、财政拨款收入支出决算总表', n)?.kind, 'fiscal_summary');
    assert.equal(recogniseTitle('一、收入支出决算总表 …………… 5', n), undefined);
    assert.equal(recogniseTitle('一、收入支出决算总表说明', n), undefined);
    assert.equal(recogniseTitle('一般公共预算财政拨款收入支出决算总表', n), undefined);
    assert.equal(recogniseTitle('详见附件1 收入支出决算总表', n), undefined);
    assert.equal(recogniseTitle('（一）收入支出决算总表', n), undefined);
    assert.equal(recogniseTitle('附件 收入支出决算总表', n), undefined);
  });

  it('tells a header of the table from a list of titles', () => {
    assert.ok(headsTable(['项目', '本年收入合计', '财政拨款收入'], def(2)));
    assert.ok(headsTable(['科目编码', '科目名称', '本年支出合计', '基本支出'], def(3)));
    assert.ok(headsTable(['收入', '支出', '项目', '行次', '金额'], def(1)));
    assert.ok(headsTable(['预算数', '决算数', '合计', '公务接待费'], def(7)));
    assert.ok(!headsTable(['二、收入决算表……6', '三、支出决算表'], def(2)));
    assert.ok(!headsTable(['项目', '本年支出合计', '基本支出'], def(2)), 'another table’s header');
    assert.ok(!headsTable(['合计'], def(2)));
  });

  it('accepts ASCII quotes, a year prefix and a continuation mark', () => {
    assert.equal(recogniseTitle('一般公共预算财政拨款"三公"经费支出决算表')?.kind, 'three_public');
    assert.equal(recogniseTitle('财政拨款‘三公’经费支出决算表')?.kind, 'three_public');
    assert.equal(recogniseTitle('上海市普陀区财政局2024年度收入决算表')?.kind, 'income');
    const c = recogniseTitle('支出决算表（续）');
    assert.equal(c?.kind, 'expense');
    assert.equal(c?.continued, true);
  });
});

describe('recognise: header lines', () => {
  it('reads 部门 and 单位', () => {
    assert.deepEqual(readUnitLine('部门：深圳市扶贫协作和合作交流办公室 单位：万元'), {
      department: '深圳市扶贫协作和合作交流办公室',
      unit: '万元',
    });
    assert.deepEqual(readUnitLine('单位：万元'), { unit: '万元' });
    assert.deepEqual(readUnitLine('编制部门：某某局    金额单位：元'), { department: '某某局', unit: '元' });
    assert.equal(readUnitLine('一般公共服务支出 2,697.08'), undefined);
    // letters spread over their cell
    assert.deepEqual(readUnitLine('单 位 ： 万 元'), { unit: '万元' });
    assert.deepEqual(readUnitLine('部 门 ：某 某 局    金 额 单 位 ：元'), { department: '某某局', unit: '元' });
  });

  it('reads the table number and the 栏次 line', () => {
    assert.equal(readTableNo('公开 01 表'), '公开01表');
    assert.equal(readTableNo('公 开06 表'), '公开06表');
    assert.equal(readTableNo('收入决算表'), undefined);
    assert.deepEqual(readColumnNumbers('栏 次 1 栏 次 2 3 4'), ['1', '2', '3', '4']);
    assert.deepEqual(readColumnNumbers('栏次 1 2 3'), ['1', '2', '3']);
    assert.deepEqual(readColumnNumbers('1 2 3 4 5 6'), ['1', '2', '3', '4', '5', '6']);
    assert.equal(readColumnNumbers('20 45'), undefined);
  });
});

describe('recognise: cells', () => {
  it('keeps blank, dash, zero, text and unread apart', () => {
    assert.equal(classify(''), 'blank');
    for (const d of ['—', '-', '－', '——']) assert.equal(toCell(d, '万元').kind, 'dash', d);
    const zero = toCell('0.00', '万元');
    assert.equal(zero.kind === 'amount' && zero.fen, 0n);
    const a = toCell('87,628.42', '万元', { page: 3 });
    assert.deepEqual(a, { kind: 'amount', fen: 87_628_420_000n, text: '87628.42', src: { page: 3 } });
    assert.deepEqual(toCell('无', '万元'), { kind: 'text', text: '无' });
    assert.equal(toCell('1.0000001', '万元').kind, 'unread', 'finer than 分 cannot be exact');
  });

  it('reads full-width digits, padded figures and negatives in every printed form', () => {
    const cases: [string, string, bigint][] = [
      ['１，２３４．５６', '1234.56', 123_456n],
      ['１２００．００', '1200.00', 120_000n],
      [' 12.30 ', '12.30', 1_230n],
      ['12.30\u3000', '12.30', 1_230n],
      ['-12.30', '-12.30', -1_230n],
      ['－12.30', '-12.30', -1_230n],
      ['−1,012.30', '-1012.30', -101_230n],
      ['（12.30）', '-12.30', -1_230n],
      ['(1,012.30)', '-1012.30', -101_230n],
      ['（０．５０）', '-0.50', -50n],
    ];
    for (const [printed, text, fen] of cases) {
      assert.deepEqual(toCell(printed, '元'), { kind: 'amount', fen, text }, printed);
      assert.equal(classify(printed), 'amount', printed);
    }
    // A numbering in parentheses is no figure; nor is a sign without digits.
    for (const t of ['（1）', '(12)', '（一）', '(12.30', '12.30）']) assert.equal(classify(t), 'text', t);
  });
});

describe('recognise: codes', () => {
  it('splits codes glued to names and joins codes printed in parts', () => {
    assert.deepEqual(splitCodeLabel('302商品和服务支出'), { code: '302', label: '商品和服务支出' });
    assert.deepEqual(splitCodeLabel('30212因公出国（境）费用'), { code: '30212', label: '因公出国（境）费用' });
    assert.deepEqual(splitCodeLabel('87,628.42'), { label: '87,628.42' });
    assert.deepEqual(
      joinSpacedCodes(tokens('208 05 05 机关事业单位基本养老保险缴费支出 160.75')).map((c) => c.text),
      ['2080505', '机关事业单位基本养老保险缴费支出', '160.75'],
    );
  });
});

describe('recognise: columns by header text', () => {
  it('maps printed header paths to template ids, generic leaves to their parent', () => {
    const t7 = def(7);
    assert.equal(matchColumn(['预算数', '公务用车购置及运行费', '小计'], t7)?.id, 'budget.vehicle');
    assert.equal(matchColumn(['决算数', '公务用车购置及运行费', '公务用车购置费'], t7)?.id, 'actual.vehicle.purchase');
    assert.equal(matchColumn(['决算数', '合计'], t7)?.id, 'actual.total');
    assert.equal(matchColumn(['本年支出', '小计'], def(5))?.id, 'total');
    const { columns, unmatched } = mapColumns(
      [{ path: ['其他收入'] }, { path: ['本年收入合计'] }, { path: ['备注'] }],
      def(2),
    );
    assert.deepEqual(
      columns.map((c) => c.id),
      ['other', 'total'],
    );
    assert.equal(unmatched.length, 1);
  });

  it('orders columns by where their headers are printed, not by the template', () => {
    const found = columnsFromHeaderText('项目 本年支出合计 项目支出 基本支出 功能分类科目编码 科目名称', def(3));
    assert.deepEqual(
      found.map((c) => c.path.join('/')),
      ['本年支出合计', '项目支出', '基本支出'],
    );
    const split = columnsFromHeaderText('项目 支出功能分类 合计 基本支出 项目支出 科目编码 科目名称', def(5));
    assert.deepEqual(
      split.map((c) => c.path.join('/')),
      ['合计', '基本支出', '项目支出'],
      '"项目" + "支出功能分类" is not 项目支出',
    );
    const fund = columnsFromHeaderText(
      '年初结转和结余 本年收入 本年支出 年末结转和结余 小计 基本支出 项目支出',
      def(8),
    );
    assert.deepEqual(
      fund.map((c) => c.path.join('/')),
      ['年初结转和结余', '本年收入', '本年支出/小计', '本年支出/基本支出', '本年支出/项目支出', '年末结转和结余'],
    );
  });

  it('reads the “三公” header as two blocks or as pairs per item', () => {
    const blocks = threePublicColumnsFromText('预算数 决算数 合计 因公出国（境）费 …', def(7));
    assert.equal(blocks[0]?.path.join('/'), '预算数/合计');
    assert.equal(blocks[6]?.path.join('/'), '决算数/合计');
    const pairs = threePublicColumnsFromText(
      '合计 预算数 决算数 因公出国（境）费 预算数 决算数',
      def(7, SHANGHAI_2024),
    );
    assert.equal(pairs[0]?.path.join('/'), '预算数/合计');
    assert.equal(pairs[1]?.path.join('/'), '决算数/合计');
  });
});

describe('recognise: rows', () => {
  it('reads coded rows whose name wraps, codes in parts, and the 合计 row last', () => {
    const { rows, unread } = readCodedRows(
      tokens(
        '208 社会保障和就业支出 326.72 326.72 0.00',
        '208 05 05',
        '机关事业单位基本养老保险',
        '缴费支出 160.75 160.75',
        '—',
        '合计 326.72 326.72 0.00',
      ),
      cols('total', 'basic', 'project'),
      '万元',
    );
    assert.deepEqual(unread, []);
    assert.deepEqual(
      rows.map((r) => [r.key, r.code, r.label]),
      [
        ['208', '208', '社会保障和就业支出'],
        ['2080505', '2080505', '机关事业单位基本养老保险缴费支出'],
        ['total', undefined, '合计'],
      ],
    );
    assert.equal(rows[1]?.cells.project?.kind, 'dash');
  });

  it('never guesses where figures go when blank cells were lost', () => {
    const { rows, unread } = readCodedRows(
      tokens('201 一般公共服务支出 2,112.86 2,106.66 6.20'),
      cols('total', 'fiscal', 'superior', 'business', 'operating', 'affiliated', 'other'),
      '万元',
    );
    assert.ok(Object.values(rows[0]?.cells ?? {}).every((c) => c.kind === 'unread'));
    assert.match(unread[0]?.reason ?? '', /3 figures for 7 columns.*2,112\.86 2,106\.66 6\.20/);
  });

  it('refuses a figure whose row name does not fit its code (a layout not understood)', () => {
    const { rows, unread } = readEconomicItems(
      tokens('301 2,082.85 302', '基本工资 1,238.58'),
      { id: 'amount', header: ['决算数'] },
      '万元',
      { figures: 'decimal' },
    );
    assert.equal(rows.find((r) => r.key === '301')?.cells.amount?.kind, 'amount', 'no name printed: figure kept');
    assert.equal(rows.find((r) => r.key === '302')?.cells.amount?.kind, 'unread', '302 is not 基本工资');
    assert.match(unread[0]?.reason ?? '', /name does not fit code 302/);
    assert.equal(nameAgrees('行政事业单位养老支出', ['行政事业单位离退休']), true);
    assert.equal(nameAgrees('住房公积金', ['行政运行']), false);
  });

  it('takes only decimal figures as amounts when told (text import)', () => {
    const { rows } = readCodedRows(tokens('201 01 一般公共服务支出 10.00'), cols('total'), '万元', {
      figures: 'decimal',
    });
    assert.equal(rows[0]?.code, '20101');
    const loose = readCodedRows(tokens('2011301 行政运行 12 10.00'), cols('total', 'basic'), '万元');
    assert.equal(loose.rows[0]?.cells.total?.kind, 'amount');
    const strict = readCodedRows(tokens('2011301 行政运行 12 10.00'), cols('total'), '万元', { figures: 'decimal' });
    assert.equal(strict.rows[0]?.label, '行政运行12');
  });

  it('reads explicit blank cells from a rebuilt grid (the PDF path)', () => {
    const { rows } = readCodedRows(
      cellsOf(['201', '一般公共服务支出', '2,112.86', '2,106.66', '', '6.20']),
      cols('total', 'fiscal', 'business', 'other'),
      '万元',
    );
    assert.deepEqual(
      Object.values(rows[0]?.cells ?? {}).map((c) => c.kind),
      ['amount', 'amount', 'blank', 'amount'],
    );
  });

  it('reads a two-sided summary without 行次, blank sides and class rows', () => {
    const t1 = def(1, SHANGHAI_2024);
    const columns: Column[] = [
      { id: 'amount', header: ['收入', '决算数'], side: 'income' },
      { id: 'amount', header: ['支出', '决算数'], side: 'expense' },
    ];
    const { rows, unread } = readFixedRows(
      tokens(
        '一、一般公共预算财政拨款收入 2,940.05 一、一般公共服务支出 2,106.66',
        '二、政府性基金预算财政拨款收入 二、外交支出',
        '九、卫生健康支出 60.99',
        '本年收入合计 2,946.25 本年支出合计 2,940.05',
        '总计 2,995.39 总计 2,995.39',
      ),
      t1,
      columns,
      '万元',
      false,
    );
    assert.deepEqual(unread, []);
    const get = (k: string) => rows.find((r) => r.key === k);
    assert.equal(get('income.general')?.cells.amount?.kind, 'amount');
    assert.equal(get('income.fund')?.cells.amount?.kind, 'blank');
    assert.equal(get('expense.202')?.cells.amount?.kind, 'blank');
    assert.equal(get('expense.210')?.code, '210');
    const grand = get('expense.grand')?.cells.amount;
    assert.equal(grand?.kind === 'amount' && grand.text, '2995.39');
    assert.equal(rows[0]?.key, 'income.general', 'rows in template order');
  });

  it('reports summary rows that are not in the template', () => {
    const { unread } = readFixedRows(tokens('九、不存在的收入 1 5.00'), def(1), [], '万元', true);
    assert.match(unread[0]?.reason ?? '', /不存在的收入/);
  });

  it('reads 经济分类 groups with blanks inferred from the token order', () => {
    const { rows } = readEconomicItems(
      tokens(
        '30310 个人农业生产补贴 30231',
        '公务用车运行维',
        '护费',
        '1.00 39999 其他支出',
        '301 工资福利支出 5.00 302商品和服务支出 1.00',
        '人员经费合计 5.00 公用经费合计 1.00',
      ),
      { id: 'amount', header: ['决算数'] },
      '万元',
    );
    assert.deepEqual(
      rows.map((r) => [r.key, r.label, r.cells.amount?.kind === 'amount' ? r.cells.amount.text : r.cells.amount?.kind]),
      [
        ['301', '工资福利支出', '5.00'],
        ['302', '商品和服务支出', '1.00'],
        ['30231', '公务用车运行维护费', '1.00'],
        ['30310', '个人农业生产补贴', 'blank'],
        ['39999', '其他支出', 'blank'],
        ['total.personnel', '人员经费合计', '5.00'],
        ['total.public', '公用经费合计', '1.00'],
      ],
    );
  });
});

describe('recognise: narrative', () => {
  it('knows the numbering styles, ASCII-bracket variants included', () => {
    const n = (t: string) => {
      const x = numberingOf(t);
      return x && [x.numbering, x.level, x.rest];
    };
    assert.deepEqual(n('一、部门概况'), ['一、', 1, '部门概况']);
    assert.deepEqual(n('（一）部门职责'), ['（一）', 2, '部门职责']);
    assert.deepEqual(n('(二）收入决算情况说明'), ['(二）', 2, '收入决算情况说明']);
    assert.deepEqual(n('1.收入总计87,628.45万元'), ['1.', 3, '收入总计87,628.45万元']);
    assert.deepEqual(n('（1 )扶贫协作'), ['（1 )', 4, '扶贫协作']);
    assert.deepEqual(n('(1)财政拨款收入'), ['(1)', 4, '财政拨款收入']);
    assert.deepEqual(n('第三部分 情况说明'), ['第三部分', 0, '情况说明']);
    assert.equal(n('1.00 万元'), undefined);
    assert.equal(n('2019年度'), undefined);
  });

  it('joins wrapped lines into paragraphs and nests sections', () => {
    const lines = [
      '一、部门概况',
      '（一）部门职责',
      '负责全市对口支援、东西部扶贫协作和省内全面对口帮扶的统',
      '筹协调、督促落实和服务保障工作，以及其他交办的事项。',
      '（二）机构设置',
      '内设 5 个处室。',
      '二、情况说明',
      '1.收入总计10.00万元',
      '(1)财政拨款收入10.00万元。',
    ].map((text, i) => ({ text, src: { line: i + 1 } }));
    const s = buildSections(joinParagraphs(lines));
    assert.equal(s.length, 2);
    assert.equal(s[0]?.children[0]?.heading, '部门职责');
    assert.equal(
      s[0]?.children[0]?.paragraphs[0]?.text.endsWith(
        '协作和省内全面对口帮扶的统筹协调、督促落实和服务保障工作，以及其他交办的事项。',
      ),
      true,
    );
    assert.equal(s[1]?.children[0]?.children[0]?.numbering, '(1)');
  });

  it('reads glossary entries and continues a wrapped definition', () => {
    const { entries, rest } = readGlossary([
      { text: '（一）财政拨款收入：指本级财政当年拨付的资金。' },
      { text: '（二）“三公”经费：反映因公出国（境）费、' },
      { text: '公务用车购置及运行费和公务接待费。' },
      { text: '以上为名词解释' },
    ]);
    assert.deepEqual(
      entries.map((e) => e.term),
      ['财政拨款收入', '“三公”经费'],
    );
    assert.equal(entries[1]?.definition, '反映因公出国（境）费、公务用车购置及运行费和公务接待费。以上为名词解释');
    assert.deepEqual(rest, []);
  });

  it('reads the 2024 Shanghai procurement and asset wording', () => {
    const facts = readFacts([
      {
        text: '上海市普陀区财政局2024年度政府采购金额（以合同签订为准）为251.25万元，其中：货物采购金额4.79万元、工程采购金额0万元、服务采购金额246.47万元。',
      },
      {
        text: '2024年度本部门面向中小企业预留政府采购项目预算金额246.47万元，面向小微企业预留政府采购项目预算金额0万元。',
      },
      { text: '截至2024年12月31日，共有车辆0辆。单价100万元（含）以上设备（不含车辆）2台（套）。' },
    ]);
    const f = Object.fromEntries(facts.map((x) => [x.key, `${x.value.text}${x.unit}`]));
    assert.deepEqual(f, {
      'procurement.total': '251.25万元',
      'procurement.goods': '4.79万元',
      'procurement.works': '0万元',
      'procurement.services': '246.47万元',
      'procurement.sme.reserved': '246.47万元',
      'procurement.micro.reserved': '0万元',
      'assets.vehicles.total': '0辆',
      'assets.equipment.large': '2台（套）',
    });
  });

  it('reads facts from 2024-style sentences', () => {
    const facts = readFacts([
      { text: '2024年度本部门机关运行经费支出 123.45 万元，比上年减少。' },
      {
        text: '2024年度政府采购支出总额 50.00 万元，其中：政府采购货物支出 20.00 万元、政府采购工程支出 0 万元、政府采购服务支出 30.00 万元。授予中小企业合同金额 40.00 万元，占政府采购支出总额的 80%，其中：授予小微企业合同金额 10.00 万元，占政府采购支出总额的 20%。',
      },
      { text: '截至2024年12月31日，本部门共有车辆 3 辆；单价100万元（含）以上设备 2 台（套）。' },
      { text: '公务接待 12 批次、80 人次；公务用车保有量 2 辆。' },
      { text: '一般公共服务支出 100.00 万元。' },
    ]);
    const f = Object.fromEntries(facts.map((x) => [x.key, `${x.value.text}${x.unit}`]));
    assert.deepEqual(f, {
      'operating_cost.amount': '123.45万元',
      'procurement.total': '50.00万元',
      'procurement.goods': '20.00万元',
      'procurement.works': '0万元',
      'procurement.services': '30.00万元',
      'procurement.sme.amount': '40.00万元',
      'procurement.sme.share': '80%',
      'procurement.micro.amount': '10.00万元',
      'procurement.micro.share': '20%',
      'assets.vehicles.total': '3辆',
      'assets.equipment.large': '2台（套）',
      'three_public.reception.batches': '12批次',
      'three_public.reception.persons': '80人次',
      'three_public.vehicles.held': '2辆',
    });
    const op = facts.find((x) => x.key === 'operating_cost.amount');
    assert.deepEqual(op?.value, { text: '123.45', value: 12345n, scale: 2 });
  });
});
