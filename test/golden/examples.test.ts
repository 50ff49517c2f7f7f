// Golden test: the seed department's data, compiled, reproduces the figures printed in the seed document
// (test/fixtures/seed/shenzhen-fupin-2019.txt), except where the seed contradicts itself (listed below).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { compile } from '../../src/compile/index.ts';
import { parseDepartmentJson } from '../../src/import/workbook/json.ts';
import type { Disclosure, Table, TableKind } from '../../src/model/disclosure.ts';

const FILE = 'examples/shenzhen-fupin-2019/data.json';
const d = compile(parseDepartmentJson(fs.readFileSync(FILE, 'utf8'), FILE), { file: FILE });

function table(x: Disclosure, kind: TableKind): Table {
  const t = x.tables.find((t) => t.kind === kind);
  assert.ok(t, `table ${kind}`);
  return t;
}

function printed(t: Table, key: string, col: string): string {
  const c = t.rows.find((r) => r.key === key)?.cells[col];
  assert.ok(c, `${t.title} ${key} ${col}`);
  assert.equal(c.kind, 'amount');
  return c.kind === 'amount' ? c.text : '';
}

/** Expected figures as printed in the seed (万元, separators removed). */
const T2: Record<string, string[]> = {
  total: ['87628.45', '87628.42', '0.00', '0.00', '0.00', '0.00', '0.03'],
  '201': ['2698.59', '2698.56', '0.00', '0.00', '0.00', '0.00', '0.03'],
  '20113': ['2172.21', '2172.21', '0.00', '0.00', '0.00', '0.00', '0.00'],
  '2011301': ['324.32', '324.32', '0.00', '0.00', '0.00', '0.00', '0.00'],
  '2011399': ['1847.89', '1847.89', '0.00', '0.00', '0.00', '0.00', '0.00'],
  '20199': ['526.38', '526.35', '0.00', '0.00', '0.00', '0.00', '0.03'],
  '2019999': ['526.38', '526.35', '0.00', '0.00', '0.00', '0.00', '0.03'],
  '208': ['88.10', '88.10', '0.00', '0.00', '0.00', '0.00', '0.00'],
  '20805': ['88.10', '88.10', '0.00', '0.00', '0.00', '0.00', '0.00'],
  '2080505': ['58.72', '58.72', '0.00', '0.00', '0.00', '0.00', '0.00'],
  '2080506': ['29.38', '29.38', '0.00', '0.00', '0.00', '0.00', '0.00'],
  '210': ['21.60', '21.60', '0.00', '0.00', '0.00', '0.00', '0.00'],
  '21011': ['21.60', '21.60', '0.00', '0.00', '0.00', '0.00', '0.00'],
  '2101101': ['21.60', '21.60', '0.00', '0.00', '0.00', '0.00', '0.00'],
  '219': ['84635.47', '84635.47', '0.00', '0.00', '0.00', '0.00', '0.00'],
  '21999': ['84635.47', '84635.47', '0.00', '0.00', '0.00', '0.00', '0.00'],
  '2199900': ['84635.47', '84635.47', '0.00', '0.00', '0.00', '0.00', '0.00'],
  '221': ['184.70', '184.70', '0.00', '0.00', '0.00', '0.00', '0.00'],
  '22102': ['184.70', '184.70', '0.00', '0.00', '0.00', '0.00', '0.00'],
  '2210201': ['13.25', '13.25', '0.00', '0.00', '0.00', '0.00', '0.00'],
  '2210203': ['171.44', '171.44', '0.00', '0.00', '0.00', '0.00', '0.00'],
};

/** 公开05表 (小计, 基本支出, 项目支出); 公开03表 has the same rows plus three zero columns. */
const T5: Record<string, string[]> = {
  total: ['87618.63', '608.92', '87009.71'],
  '201': ['2697.07', '322.84', '2374.24'],
  '20113': ['2170.72', '322.84', '1847.89'],
  '2011301': ['322.84', '322.84', '0.00'],
  '2011399': ['1847.89', '0.00', '1847.89'],
  '20199': ['526.35', '0.00', '526.35'],
  '2019999': ['526.35', '0.00', '526.35'],
  '208': ['79.79', '79.79', '0.00'],
  '20805': ['79.79', '79.79', '0.00'],
  '2080505': ['50.41', '50.41', '0.00'],
  '2080506': ['29.38', '29.38', '0.00'],
  '210': ['21.60', '21.60', '0.00'],
  '21011': ['21.60', '21.60', '0.00'],
  '2101101': ['21.60', '21.60', '0.00'],
  '219': ['84635.47', '0.00', '84635.47'],
  '21999': ['84635.47', '0.00', '84635.47'],
  '2199900': ['84635.47', '0.00', '84635.47'],
  '221': ['184.70', '184.70', '0.00'],
  '22102': ['184.70', '184.70', '0.00'],
  '2210201': ['13.25', '13.25', '0.00'],
  '2210203': ['171.44', '171.44', '0.00'],
};

/** Where the seed contradicts itself, the example follows the majority figure (see the example README). */
const SEED_CONTRADICTIONS = {
  't1.expense.201': { seed: '2697.08', built: '2697.07', because: '公开04/05表 print 2,697.07' },
  't3.201.total': { seed: '2697.08', built: '2697.07', because: '公开01表 2,697.08 vs 公开04/05表 2,697.07' },
  't3.total.basic': { seed: '608.93', built: '608.92', because: '公开05表 608.92 = 公开06表 人员 551.06 + 公用 57.86' },
};

describe('seed example (深圳市扶贫协作和合作交流办公室 2019) reproduces the seed tables', () => {
  it('公开01表 收入支出决算总表: every printed income and expense row', () => {
    const t = table(d, 'income_expense_summary');
    const expected: Record<string, string> = {
      'income.general': '87628.42',
      'income.fund': '0.00',
      'income.superior': '0.00',
      'income.business': '0.00',
      'income.operating': '0.00',
      'income.affiliated': '0.00',
      'income.other': '0.03',
      'income.total': '87628.45',
      'income.reserve': '0.00',
      'income.carryIn': '0.00',
      'income.grand': '87628.45',
      'expense.202': '0.00',
      'expense.208': '79.79',
      'expense.210': '21.60',
      'expense.219': '84635.47',
      'expense.221': '184.70',
      'expense.total': '87618.63',
      'expense.distribution': '0.00',
      'expense.carryOut': '9.81',
      'expense.grand': '87628.45',
    };
    for (const [key, v] of Object.entries(expected)) assert.equal(printed(t, key, 'amount'), v, key);
    const c = SEED_CONTRADICTIONS['t1.expense.201'];
    assert.equal(printed(t, 'expense.201', 'amount'), c.built);
  });

  it('公开02表 收入决算表: 21 rows × 7 columns', () => {
    const t = table(d, 'income');
    assert.deepEqual(
      t.rows.map((r) => r.key),
      Object.keys(T2).sort((a, b) => (a === 'total' ? -1 : b === 'total' ? 1 : a.localeCompare(b))),
    );
    for (const [key, values] of Object.entries(T2)) {
      t.columns.forEach((c, i) => {
        assert.equal(printed(t, key, c.id), values[i], `${key} ${c.id}`);
      });
    }
  });

  it('公开03表 支出决算表: 21 rows × 6 columns (two seed contradictions resolved)', () => {
    const t = table(d, 'expense');
    for (const [key, [total, basic, project]] of Object.entries(T5)) {
      if (key !== '201') assert.equal(printed(t, key, 'total'), total, `${key} total`);
      if (key !== 'total') assert.equal(printed(t, key, 'basic'), basic, `${key} basic`);
      assert.equal(printed(t, key, 'project'), project, `${key} project`);
      for (const col of ['remitted', 'operating', 'subsidy']) assert.equal(printed(t, key, col), '0.00');
    }
    assert.equal(printed(t, '201', 'total'), SEED_CONTRADICTIONS['t3.201.total'].built);
    assert.equal(printed(t, 'total', 'basic'), SEED_CONTRADICTIONS['t3.total.basic'].built);
  });

  it('公开04表 财政拨款收入支出决算总表', () => {
    const t = table(d, 'fiscal_summary');
    assert.equal(printed(t, 'income.general', 'amount'), '87628.42');
    assert.equal(printed(t, 'income.fund', 'amount'), '0.00');
    assert.equal(printed(t, 'income.total', 'amount'), '87628.42');
    assert.equal(printed(t, 'income.carryIn', 'amount'), '0.00');
    assert.equal(printed(t, 'income.grand', 'amount'), '87628.42');
    const rows: Record<string, string> = {
      'expense.201': '2697.07',
      'expense.208': '79.79',
      'expense.210': '21.60',
      'expense.219': '84635.47',
      'expense.221': '184.70',
      'expense.229': '0.00',
      'expense.total': '87618.63',
      'expense.carryOut': '9.79',
      'expense.grand': '87628.42',
    };
    for (const [key, v] of Object.entries(rows)) {
      assert.equal(printed(t, key, 'total'), v, key);
      assert.equal(printed(t, key, 'general'), v, key);
      assert.equal(printed(t, key, 'fund'), '0.00', key);
    }
  });

  it('公开05表 一般公共预算财政拨款支出决算表: 21 rows × 3 columns', () => {
    const t = table(d, 'general_budget_expense');
    for (const [key, values] of Object.entries(T5)) {
      ['total', 'basic', 'project'].forEach((c, i) => {
        assert.equal(printed(t, key, c), values[i], `${key} ${c}`);
      });
    }
  });

  it('公开06表 基本支出: every non-zero 款, the 类 rows and both footers', () => {
    const t = table(d, 'general_budget_basic');
    const expected: Record<string, string> = {
      '301': '531.00',
      '30101': '61.88',
      '30102': '355.62',
      '30108': '33.97',
      '30109': '16.98',
      '30110': '13.36',
      '30112': '1.11',
      '30113': '48.08',
      '302': '57.56',
      '30201': '7.40',
      '30202': '6.12',
      '30207': '2.27',
      '30211': '11.36',
      '30216': '0.81',
      '30217': '2.22',
      '30226': '0.95',
      '30229': '1.26',
      '30231': '1.00',
      '30239': '20.73',
      '30299': '3.45',
      '303': '20.06',
      '30309': '20.06',
      '307': '0.00',
      '310': '0.30',
      '31002': '0.30',
      '399': '0.00',
      'total.personnel': '551.06',
      'total.public': '57.86',
    };
    for (const [key, v] of Object.entries(expected)) assert.equal(printed(t, key, 'amount'), v, key);
  });

  it('公开07表 “三公”经费: 12 cells', () => {
    const t = table(d, 'three_public');
    const values = ['9.00', '0.00', '1.00', '0.00', '1.00', '8.00', '3.22', '0.00', '1.00', '0.00', '1.00', '2.22'];
    const ids = ['total', 'abroad', 'vehicle', 'vehicle.purchase', 'vehicle.operation', 'reception'];
    ids.forEach((id, i) => {
      assert.equal(printed(t, 'total', `budget.${id}`), values[i], `budget.${id}`);
      assert.equal(printed(t, 'total', `actual.${id}`), values[i + 6], `actual.${id}`);
    });
  });

  it('公开08表 政府性基金: only the 合计 row of zeros and a statement why it is empty', () => {
    const t = table(d, 'gov_fund');
    assert.deepEqual(
      t.rows.map((r) => r.key),
      ['total'],
    );
    for (const c of t.columns) assert.equal(printed(t, 'total', c.id), '0.00');
    assert.ok(t.notes.some((n) => n.text.includes('没有政府性基金预算财政拨款收入和支出，故本表无数据')));
  });

  it('adds the rounding note where rounded figures do not add up (公开02/03/05/06表)', () => {
    for (const kind of ['income', 'expense', 'general_budget_expense', 'general_budget_basic'] as const) {
      assert.ok(
        table(d, kind).notes.some((n) => n.text.includes('四舍五入')),
        kind,
      );
    }
    assert.ok(!table(d, 'three_public').notes.some((n) => n.text.includes('四舍五入')));
  });
});

describe('seed example performance self-evaluations', () => {
  it('scores 94.52 and 94.58, both 优秀, weights 100', () => {
    assert.deepEqual(
      d.performance.map((p) => [p.project.name, p.totalScore?.text, p.totalWeight?.text, p.grade]),
      [
        ['扶贫协作和合作交流行政经费', '94.52', '100.00', '优秀'],
        ['深圳市扶贫协作和合作交流（对口帮扶）专项资金', '94.58', '100.00', '优秀'],
      ],
    );
  });

  it('reproduces the seed’s 三级 scores for every rule type used', () => {
    const score = (p: number, name: string) => d.performance[p]?.indicators.find((i) => i.name === name)?.score?.text;
    assert.equal(score(0, '预算执行率'), '1.79'); // proportional 78.93%
    assert.equal(score(0, '派驻干部对我办服务保障工作评价'), '2.00'); // discretionary
    assert.equal(score(0, '干部对工作培训的评价'), '3.00'); // discretionary
    assert.equal(score(1, '预算执行率'), '2.23'); // proportional 98.06%
    assert.equal(score(1, '珠三角转移汕尾项目数量'), '1.42'); // floor 50%
    assert.equal(score(1, '在百色、河池推出深度贫困地区文化和旅游项目'), '1.24'); // capped 5/11
    assert.equal(score(1, '帮扶河源、汕尾落实各类产业项目数量'), '2.08'); // capped 2278/2943
    assert.equal(score(1, '支持汕尾市增加病床数'), '2.37');
    assert.equal(score(1, '协助河源、汕尾市完成危房改造户数'), '2.51');
    assert.equal(score(1, '协助百色、河池推出深度贫困地区文化和旅游项目数量'), '1.22');
    assert.equal(score(1, '喀什市人民医院东城分院新增住院病床数'), '2.69'); // per-unit, not triggered
    assert.equal(score(1, '政府采购规范性'), '2.27'); // default full
  });

  it('funds tables in 元: 执行率 78.93% and 98.06%, 结余 = 到位 − 支出', () => {
    const cell = (p: number, key: string) => {
      const c = d.performance[p]?.funds?.rows.find((r) => r.key === key)?.cells.total;
      return c?.kind === 'amount' || c?.kind === 'text' ? c.text : undefined;
    };
    assert.equal(cell(0, 'executionRate'), '78.93');
    assert.equal(cell(1, 'executionRate'), '98.06');
    assert.equal(cell(0, 'balance'), '17652928.47');
    assert.equal(cell(1, 'balance'), '61035360.20');
  });
});

describe('every example compiles to a disclosure the checker passes', () => {
  for (const dir of ['examples/shenzhen-fupin-2019', 'examples/shanghai-putuo-2024']) {
    it(`${dir}: no error finding`, async () => {
      const { check } = await import('../../src/check/engine.ts');
      const file = `${dir}/data.json`;
      const x = compile(parseDepartmentJson(fs.readFileSync(file, 'utf8'), file), { file });
      const errors = check(x).findings.filter((f) => f.severity === 'error');
      assert.deepEqual(
        errors.map((f) => `${f.rule}: ${f.message}`),
        [],
      );
    });
  }
});

describe('2024 example (上海市普陀区财政局): 名词解释 as the template fixes it', () => {
  it('the eleven terms of the template, in its order, worded as the published Putuo 2024 PDF words them', async () => {
    const { importPdf } = await import('../../src/import/pdf/index.ts');
    const file = 'examples/shanghai-putuo-2024/data.json';
    const built = compile(parseDepartmentJson(fs.readFileSync(file, 'utf8'), file), { file });
    const published = await importPdf('test/fixtures/samples/shanghai-putuo-caizhengju-2024.pdf');
    assert.equal(published.glossary.length, 11);
    assert.deepEqual(
      built.glossary.map((g) => [g.term, g.definition]),
      published.glossary.map((g) => [g.term, g.definition]),
    );
  });

  it('the 2019 example still explains every 类 and 项 it uses beside its fixed terms', () => {
    const terms = d.glossary.map((g) => g.term);
    assert.ok(terms.includes('住房公积金') && terms.includes('机关运行经费') && terms.length > 11, terms.join('、'));
  });
});
