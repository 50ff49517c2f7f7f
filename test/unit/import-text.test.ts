import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAnnexStart } from '../../src/import/text/document.ts';
import { importText } from '../../src/import/text/index.ts';
import { splitGlued, tokenize } from '../../src/import/text/tokens.ts';
import type { Disclosure, Row } from '../../src/model/disclosure.ts';
import { InputError } from '../../src/model/errors.ts';

/** Made-up text in the seed's extraction style (a leading space starts a page), laid out like a 2024 Shanghai one. */
const SHANGHAI_2024_STYLE = [
  ' 上海市某某局',
  '2024年度部门决算',
  '第一部分 上海市某某局概况',
  '一、主要职能',
  '负责本区某某事务。',
  ' 第二部分 上海市某某局2024年度部门决算表',
  '收入支出决算总表',
  '单位：万元',
  '收入 支出',
  '项目 决算数 项目 决算数',
  '一、一般公共预算财政拨款收入 100.00 一、一般公共服务支出 90.00',
  '二、政府性基金预算财政拨款收入 二、外交支出',
  '八、其他收入 0.50 八、社会保障和就业支出 10.00',
  '本年收入合计 100.50 本年支出合计 100.00',
  '使用非财政拨款结余（含专用结余） 结余分配',
  '年初结转和结余 5.00 年末结转和结余 5.50',
  '总计 105.50 总计 105.50',
  ' 收入决算表',
  '单位：万元',
  '项目 本年收入合计 财政拨款收入 上级补助收入 事业收入 经营收入 附属单位上缴收入 其他收入',
  '支出功能分类科目编码 科目名称',
  '201 一般公共服务支出 90.50 90.00 0.00 0.00 0.00 0.00 0.50',
  '201 06 财政事务 90.50 90.00 0.00 0.00 0.00 0.00 0.50',
  ' 收入决算表（续）',
  '单位：万元',
  '项目 本年收入合计 财政拨款收入 上级补助收入 事业收入 经营收入 附属单位上缴收入 其他收入',
  '201 06 01 行政运行 90.50 90.00 0.00 0.00 0.00 0.00 0.50',
  '208 社会保障和就业支出 10.00 10.00 — — — — —',
  '合计 100.50 100.00 0.00 0.00 0.00 0.00 0.50',
  ' 一般公共预算财政拨款支出决算表',
  '单位：万元',
  '项目 本年支出',
  '科目编码 科目名称 小计 基本支出 项目支出',
  '201 一般公共服务支出 90.00 60.00 30.00',
  '合计 100.00 70.00 30.00',
  ' 财政拨款“三公”经费支出决算表',
  '单位：万元',
  '合计 因公出国（境）费 公务用车购置及运行费 公务接待费',
  '预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数',
  '3.00 2.00 0.00 0.00 2.00 1.50 0.00 0.00 2.00 1.50 1.00 0.50',
  ' 政府性基金预算财政拨款收入支出决算表',
  '单位：万元',
  '项目 年初结转和结余 本年收入 本年支出 年末结转和结余',
  '功能分类科目编码 科目名称 小计 基本支出 项目支出',
  '说明：上海市某某局本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。',
  ' 第三部分 上海市某某局2024年度部门决算情况说明',
  '一、其他重要事项的情况说明',
  '（一）机关运行经费支出情况',
  '2024年度机关运行经费支出 12.34 万元。',
  '（二）政府采购支出情况',
  '2024年度政府采购支出总额 5.00 万元，其中：政府采购货物支出 5.00 万元、政府采购工程支出 0 万元、政府采购服务支出 0 万元。',
  ' 第四部分 名词解释',
  '一、财政拨款收入：指本年度从本级财政部门取得的财政拨款。',
  '二、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和',
  '公用支出。',
  '',
].join('\n\n');

const row = (d: Disclosure, n: number, key: string): Row | undefined =>
  d.tables.find((t) => t.number === n)?.rows.find((r) => r.key === key);
const printed = (r: Row | undefined, col: string) => {
  const c = r?.cells[col];
  return c?.kind === 'amount' ? c.text : c?.kind;
};

describe('text import: a 2024 Shanghai-style document (made up)', () => {
  const d = importText(SHANGHAI_2024_STYLE, 'made-up.txt');

  it('finds department, year, region and the 2024 template', () => {
    assert.equal(d.meta.department, '上海市某某局');
    assert.equal(d.meta.fiscalYear, 2024);
    assert.equal(d.meta.template, 'shanghai-2024');
    assert.equal(d.meta.region, '上海市');
  });

  it('reads the tables it has, numbered by the template, and leaves missing ones missing', () => {
    assert.deepEqual(
      d.tables.map((t) => t.number),
      [1, 2, 5, 7, 8],
    );
  });

  it('reads a summary without 行次, with printed-blank cells', () => {
    assert.equal(printed(row(d, 1, 'income.general'), 'amount'), '100.00');
    assert.equal(printed(row(d, 1, 'income.fund'), 'amount'), 'blank');
    assert.equal(printed(row(d, 1, 'income.reserve'), 'amount'), 'blank');
    assert.equal(printed(row(d, 1, 'expense.202'), 'amount'), 'blank');
    assert.equal(printed(row(d, 1, 'expense.carryOut'), 'amount'), '5.50');
    assert.equal(printed(row(d, 1, 'income.grand'), 'amount'), '105.50');
    assert.deepEqual(d.tables[0]?.unread, []);
  });

  it('joins a table continued on the next page, codes printed in parts, dashes kept', () => {
    const t2 = d.tables.find((t) => t.number === 2);
    assert.deepEqual(
      t2?.rows.map((r) => r.key),
      ['201', '20106', '2010601', '208', 'total'],
    );
    assert.equal(printed(row(d, 2, '208'), 'superior'), 'dash');
    assert.equal(printed(row(d, 2, 'total'), 'other'), '0.50');
    assert.deepEqual(t2?.unread, []);
  });

  it('reads the “三公” table printed as 预算数/决算数 pairs per item', () => {
    const r = row(d, 7, 'total');
    assert.equal(printed(r, 'budget.total'), '3.00');
    assert.equal(printed(r, 'actual.total'), '2.00');
    assert.equal(printed(r, 'actual.vehicle'), '1.50');
    assert.equal(printed(r, 'actual.reception'), '0.50');
  });

  it('keeps an empty table with its explanation', () => {
    const t8 = d.tables.find((t) => t.number === 8);
    assert.equal(t8?.rows.length, 0);
    assert.match(t8?.notes[0]?.text ?? '', /故本表无数据。$/);
    assert.match(t8?.unread[0]?.reason ?? '', /no data rows read/);
  });

  it('reads narrative parts, glossary and facts', () => {
    assert.deepEqual(
      d.narrative.map((s) => s.numbering || s.paragraphs[0]?.text),
      ['上海市某某局', '2024年度部门决算', '第一部分', '第二部分', '第三部分'],
    );
    assert.deepEqual(
      d.glossary.map((g) => g.term),
      ['财政拨款收入', '基本支出'],
    );
    assert.equal(d.glossary[1]?.definition, '指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。');
    const f = Object.fromEntries(d.facts.map((x) => [x.key, x.value.text]));
    assert.equal(f['operating_cost.amount'], '12.34');
    assert.equal(f['procurement.goods'], '5.00');
  });
});

/** Made-up 2019-style text: a contents page of bare titles, 行次, a wrapped label, an unknown table, 类/款/项 headers. */
const VARIANT_2019 = [
  ' 某某县审计局2019年度部门决算',
  '目录',
  '收入支出决算总表',
  '支出决算表',
  ' 收入支出决算总表',
  '公开01表',
  '部门：某某县审计局 单位：万元',
  '项目 行次 决算数 项目 行次 决算数',
  '栏次 1 栏次 2',
  '一、一般公共预算财政拨款收入 1 10.00 一、一般公共服务支出 26 10.00',
  '本年收入合计 21 10.00 本年支出合计 46 10.00',
  '用事业基金弥补收支差',
  '额 22 0.00 结余分配 47 0.00',
  '总计 25 10.00 总计 50 10.00',
  ' 支出决算表',
  '公开03表',
  '部门：某某县审计局 单位：万元',
  '项目 本年支出合计 基本支出 项目支出 上缴上级支出 经营支出 对附属单位补助支出',
  '科目编码 科目名称',
  '类 款 项 合计 10.00 10.00 0.00 0.00 0.00 0.00',
  '201 一般公共服务支出 10.00 10.00 0.00 0.00 0.00 0.00',
  ' 一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表',
  '单位：万元',
  '1.00 2.00 3.00',
  ' 二、某某县审计局2019年度部门决算情况说明',
  '（一）收入支出决算总体情况说明',
  '收入总计10.00万元。',
].join('\n\n');

describe('text import: amounts printed as full-width digits, padded or negative (made up)', () => {
  const text = SHANGHAI_2024_STYLE.replace(
    '208 社会保障和就业支出 10.00 10.00 — — — — —',
    '208 社会保障和就业支出 （10.00） (10.00) －1.00 -1.00 １．００ 0.00\u3000 —',
  );
  const d = importText(text, 'negatives.txt');

  it('reads negatives in parentheses and with minus signs, and full-width digits', () => {
    const r = row(d, 2, '208');
    assert.deepEqual(
      ['total', 'fiscal', 'superior', 'business', 'operating', 'affiliated'].map((c) => printed(r, c)),
      ['-10.00', '-10.00', '-1.00', '-1.00', '1.00', '0.00'],
    );
    const c = r?.cells.total;
    assert.equal(c?.kind === 'amount' && c.fen, -10_000_000n);
    assert.equal(printed(r, 'other'), 'dash');
  });
});

describe('text import: a 2019-style variant (made up)', () => {
  const d = importText(VARIANT_2019, 'variant.txt');

  it('does not take a contents page of bare titles for tables', () => {
    assert.deepEqual(
      d.tables.map((t) => [t.number, t.rows.length > 0]),
      [
        [1, true],
        [3, true],
      ],
    );
    assert.equal(d.unread.filter((u) => /contents\?/.test(u.reason)).length, 2);
  });

  it('reads a summary label wrapped over two lines, with its 行次', () => {
    const r = row(d, 1, 'income.reserve');
    assert.equal(r?.label, '用事业基金弥补收支差额');
    assert.equal(r?.lineNo, '22');
    assert.equal(printed(r, 'amount'), '0.00');
  });

  it('reads a 合计 row printed after the 类/款/项 header words', () => {
    assert.equal(row(d, 3, 'total')?.label, '合计');
    assert.equal(printed(row(d, 3, 'total'), 'basic'), '10.00');
    assert.deepEqual(d.tables.find((t) => t.number === 3)?.unread, []);
  });

  it('reports a table that is in no template as unread, without mixing it into the narrative', () => {
    const u = d.unread.find((x) => x.what.includes('会议费'));
    assert.match(u?.reason ?? '', /table not in any template, 2 lines not read/);
    assert.equal(
      d.narrative.some((s) => s.paragraphs.some((p) => p.text.includes('1.00 2.00'))),
      false,
    );
  });
});

describe('text import: 2024 rows outside Shanghai (made up)', () => {
  it('reads the 2024 summary rows with the national template', () => {
    const d = importText(
      [
        ' 重庆市某某县林业局2024年度部门决算',
        '收入支出决算总表',
        '部门：重庆市某某县林业局 单位：万元',
        '项目 决算数 项目 决算数',
        '一、一般公共预算财政拨款收入 10.00 一、一般公共服务支出 10.00',
        '三、国有资本经营预算财政拨款收入 1.00 二十四、债务还本支出 1.00',
        '注：本表反映部门本年度的总收支和年末结转结余情况。',
      ].join('\n\n'),
      'cq.txt',
    );
    assert.equal(d.meta.template, 'national-2019');
    assert.equal(printed(row(d, 1, 'income.capital'), 'amount'), '1.00');
    assert.equal(row(d, 1, 'expense.231')?.code, '231');
    assert.deepEqual(d.tables[0]?.unread, []);
  });

  it('reads the 年末 fund lines of the 2019 财政拨款收入支出决算总表 beside the 2024 rows', () => {
    const d = importText(
      [
        ' 重庆市某某县林业局2024年度部门决算',
        '财政拨款收入支出决算总表',
        '部门：重庆市某某县林业局 单位：万元',
        '项目 金额 项目 合计 一般公共预算财政拨款 政府性基金预算财政拨款',
        '一、一般公共预算财政拨款 10.00 一、一般公共服务支出 9.00 9.00 0.00',
        '本年收入合计 10.00 本年支出合计 9.00 9.00 0.00',
        '年初财政拨款结转和结余 年末财政拨款结转和结余 1.00 1.00 0.00',
        '一、一般公共预算财政拨款 一、一般公共预算财政拨款 1.00 1.00 0.00',
        '总计 10.00 总计 10.00 10.00 0.00',
        '注：本表反映部门本年度财政拨款的总收支和年末结转结余情况。',
      ].join('\n\n'),
      'cq4.txt',
    );
    assert.equal(printed(row(d, 4, 'expense.carryOut.general'), 'total'), '1.00');
    assert.equal(printed(row(d, 4, 'expense.grand'), 'total'), '10.00');
    assert.deepEqual(d.tables[0]?.unread, []);
  });
});

describe('text import: glossary under an unnumbered heading (made up)', () => {
  it('reads the entries', () => {
    const d = importText(
      [
        ' 某某局2021年度部门决算',
        '收入决算表',
        '单位：万元',
        '项目 本年收入合计 财政拨款收入',
        '合计 1.00 1.00',
        '注：本表反映部门本年度取得的各项收入情况。',
        ' 名词解释',
        '1.财政拨款收入：指本级财政当年拨付的资金。',
        '2.基本支出：指为保障机构正常运转的支出。',
      ].join('\n\n'),
      'g.txt',
    );
    assert.deepEqual(
      d.glossary.map((g) => g.term),
      ['财政拨款收入', '基本支出'],
    );
  });
});

describe('text import: table number and unit on the title line (made up)', () => {
  it('reads them and keeps the bare title', () => {
    const d = importText(
      [
        ' 某某局2020年度部门决算',
        '收入决算表 公开02表 单位：万元',
        '项目 本年收入合计 财政拨款收入',
        '合计 1.00 1.00',
        '注：本表反映部门本年度取得的各项收入情况。',
      ].join('\n\n'),
      't.txt',
    );
    assert.equal(d.tables[0]?.title, '收入决算表');
    assert.equal(d.tables[0]?.tableNo, '公开02表');
    assert.equal(printed(row(d, 2, 'total'), 'fiscal'), '1.00');
  });
});

describe('text import: bad input', () => {
  it('rejects text that is no disclosure', () => {
    assert.throws(() => importText('你好\n\n世界\n', 'x.txt'), InputError);
    assert.throws(() => importText('   \n\n', 'x.txt'), /文件为空/);
  });

  it('rejects a text that ends in the middle of a sentence', () => {
    const cut = SHANGHAI_2024_STYLE.split('\n\n')
      .slice(0, 46)
      .concat([
        '一、收入支出决算总体情况说明',
        '2024年度收入总计105.50万元，比上年增加10.00万元，增长10.5%，主要原因是本年',
        '度人员经费增加，以及信息化建设项目经费增加所致，另外还有部分专项资金增加',
      ])
      .join('\n\n');
    assert.throws(() => importText(cut, 'cut.txt'), /file is truncated: it ends inside a sentence/);
  });
});

describe('text import: annex start', () => {
  it('knows an annex label alone or with its title, not a reference in a sentence', () => {
    assert.equal(isAnnexStart('附件1-1'), true);
    assert.equal(isAnnexStart('附件 2'), true);
    assert.equal(isAnnexStart('附件1：2019年度项目支出绩效自评表'), true);
    assert.equal(isAnnexStart('具体各项目绩效情况自评表（详见附件1-1、1-2）。'), false);
  });
});

describe('text tokens', () => {
  it('splits figures glued to names', () => {
    assert.deepEqual(splitGlued('87,628.42一、一般公共服务支出'), ['87,628.42', '一、一般公共服务支出']);
    assert.deepEqual(splitGlued('302商品和服务支出'), ['302', '商品和服务支出']);
    assert.deepEqual(splitGlued('护费1.00'), ['护费', '1.00']);
    assert.deepEqual(splitGlued('2,697.08'), ['2,697.08']);
  });

  it('joins a figure cut at the end of a line', () => {
    const t = tokenize([
      { text: '预算 83768000.0', line: 1, page: 1 },
      { text: '0', line: 2, page: 1 },
    ]);
    assert.deepEqual(
      t.map((x) => x.text),
      ['预算', '83768000.00'],
    );
  });
});

describe('text import: numbered titles and a contents page listing them (made up)', () => {
  it('reads the tables under their numbered titles, never the contents lines', () => {
    const d = importText(
      [
        ' 某某局2020年度部门决算',
        '目录',
        '一、收入决算表 …………………… 2',
        '附表2：支出决算表',
        '表三 收入决算表',
        ' 附件1 收入决算表',
        '单位：万元',
        '项目 本年收入合计 财政拨款收入',
        '合计 1.00 1.00',
        ' 二、支出决算表',
        '单位：万元',
        '项目 本年支出合计 基本支出',
        '合计 2.00 2.00',
        '注：本表反映部门本年度的各项支出情况。',
      ].join('\n\n'),
      'n.txt',
    );
    assert.deepEqual(
      d.tables.map((t) => [t.kind, t.src?.page]),
      [
        ['income', 2],
        ['expense', 3],
      ],
    );
    assert.equal(printed(row(d, 2, 'total'), 'fiscal'), '1.00');
    assert.equal(printed(row(d, 3, 'total'), 'basic'), '2.00');
    for (const t of d.tables) assert.deepEqual(t.unread, [], t.title);
  });
});
