// Every finding on the seed (深圳市扶贫协作和合作交流办公室 2019), each checked by hand against
// test/fixtures/seed/shenzhen-fupin-2019.txt. [rule, severity, text in the message, justification].
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../src/check/engine.ts';
import { loadSeed } from './seed-findings.fixture.ts';

const EXPECTED: [string, string, string, string][] = [
  // errors
  ['NARR-UNIT', 'error', '支出合计87,618.63元', '（三）prints “支出合计87,618.63元”; 公开01/03表 87,618.63 is 万元'],
  [
    'T4-CARRYOUT-SPLIT',
    'error',
    '年末财政拨款结转和结余',
    '公开04表 年末财政拨款结转和结余 9.79, its rows 55/56 (一般公共预算/政府性基金) print 0.00',
  ],
  ['NARR-RATE', 'error', '执行率5.78%', '三公: 3.22 ÷ 9 = 35.78%, printed 5.78%'],
  [
    'NARR-RATE-WORDING',
    'error',
    '执行率降低29.34%',
    '机关运行经费 57.86 vs budget 57.86+24.03 = 81.89: rate 70.66%; 29.34% is the unspent share',
  ],
  // warnings
  ['FORM-BRACKETS', 'warning', '(…）', 'heading “(二）收入决算情况说明” opens half-width, closes full-width'],
  ['FORM-BRACKETS', 'warning', '（…)', 'heading “（1 )扶贫协作和合作交流行政经费” opens full-width, closes half-width'],
  ['FORM-DEPT-TYPO', 'warning', '扶贫协作和合作流', '（五）5(1) “市扶贫协作和合作流办” for 合作交流办'],
  ['FORM-DEPT-TYPO', 'warning', '扶贫协作和合作流', '（五）5(2) “市扶贫协作和合作流办” again'],
  ['FORM-YEAR-WORD', 'warning', '2019', '（八）“市扶贫协作和合作交流办 2019 没有政府性基金收入” lacks 年度'],
  ['FORM-NUMBERING', 'warning', '4.', '（九）items run 1., 2., 4.: no 3.'],
  [
    'PERF-STANDARD-TARGET',
    'warning',
    '4301万元',
    '附件1-1 项目预算金额: standard gives full marks at 4301万元, target and actual are 8041万元',
  ],
  // reading, not the document: the score sheets print a figure the model has no place for
  ['COMP-UNREAD', 'warning', '附件1-1', '附件1-1 “评价等级 0.00 优秀”: the 0.00 in the grade row is kept as not read'],
  ['COMP-UNREAD', 'warning', '附件1-2', '附件1-2 same grade-row 0.00'],
  // info: differences within 元→万元 rounding (the seed explains them in （十）4(3))
  [
    'T1-EXPENSE-TOTAL',
    'info',
    '本年支出合计',
    '公开01表 Σ classes 2,697.08+79.79+21.60+84,635.47+184.70 = 87,618.64 vs 87,618.63',
  ],
  [
    'X-T1-T4-CLASS',
    'info',
    '201 一般公共服务支出',
    '公开04表 2,697.07 vs 公开01表 2,697.08 (all spending is appropriation: totals tie)',
  ],
  ['T1-EXPENSE-GRAND', 'info', '支出总计', '87,618.63 + 0.00 + 9.81 = 87,628.44 vs 总计 87,628.45'],
  ['T2-SUM-TOTAL', 'info', '财政拨款收入', '公开02表 Σ类 财政拨款 = 87,628.43 vs 合计 87,628.42'],
  ['T2-SUM-TOTAL', 'info', '本年收入合计', '公开02表 Σ类 = 87,628.46 vs 合计 87,628.45'],
  ['T2-SUM-SECTION', 'info', '22102', '公开02表 13.25 + 171.44 = 184.69 vs 22102 184.70 (本年收入合计)'],
  ['T2-SUM-SECTION', 'info', '22102', '公开02表 same for 财政拨款收入'],
  ['T3-ROW', 'info', '20113', '公开03表 20113: 322.84 + 1,847.89 = 2,170.73 vs 2,170.72'],
  ['T3-ROW', 'info', '合计', '公开03表 合计: 608.93 + 87,009.71 = 87,618.64 vs 87,618.63'],
  ['T3-SUM-CLASS', 'info', '201', '公开03表 2,170.72 + 526.35 = 2,697.07 vs 201 2,697.08'],
  ['T3-SUM-SECTION', 'info', '20113', '公开03表 322.84 + 1,847.89 = 2,170.73 vs 20113 2,170.72'],
  ['T3-SUM-TOTAL', 'info', '合计', '公开03表 Σ类 = 87,618.64 vs 合计 87,618.63'],
  ['X-T3-T5-BASIC', 'info', '基本支出', '公开03表 基本支出 608.93 vs 公开05表 608.92 (all spending is appropriation)'],
  ['X-T3-T5-CLASS', 'info', '201', '公开03表 201 2,697.08 vs 公开05表 2,697.07'],
  ['T3-SUM-SECTION', 'info', '22102', '公开03表 184.69 vs 22102 184.70 (基本支出)'],
  ['T3-SUM-SECTION', 'info', '22102', '公开03表 184.69 vs 22102 184.70 (本年支出合计)'],
  ['T5-ROW', 'info', '20113', '公开05表 20113: 322.84 + 1,847.89 = 2,170.73 vs 2,170.72'],
  ['T5-ROW', 'info', '201', '公开05表 201: 322.84 + 2,374.24 = 2,697.08 vs 2,697.07'],
  ['T5-SUM-SECTION', 'info', '20113', '公开05表 2,170.73 vs 20113 2,170.72'],
  ['T5-SUM-TOTAL', 'info', '基本支出', '公开05表 Σ类 基本支出 = 608.93 vs 合计 608.92'],
  ['T5-SUM-SECTION', 'info', '22102', '公开05表 184.69 vs 22102 184.70 (小计)'],
  ['T5-SUM-SECTION', 'info', '22102', '公开05表 184.69 vs 22102 184.70 (基本支出)'],
  ['T6-CLASS', 'info', '302', '公开06表 302 items sum 57.57 vs 302 57.56'],
  ['FORM-AMOUNT-DECIMALS', 'info', '308,315.750', '（九）“执行数 308,315.750 万元” has three decimals'],
];

describe('seed findings (hand-checked)', () => {
  const result = check(loadSeed());

  it('reports exactly the expected findings, no more, no fewer', () => {
    const got = result.findings.map((f) => `${f.rule}|${f.severity}`).sort();
    const want = EXPECTED.map(([r, s]) => `${r}|${s}`).sort();
    assert.deepEqual(got, want);
  });

  it('each expected finding names what it is about', () => {
    const pool = [...result.findings];
    for (const [rule, severity, text, why] of EXPECTED) {
      const i = pool.findIndex((f) => f.rule === rule && f.severity === severity && f.message.includes(text));
      assert.ok(i >= 0, `missing ${rule} (${text}): ${why}`);
      pool.splice(i, 1);
    }
  });

  it('finds the known real errors with evidence on both sides', () => {
    const rate = result.findings.find((f) => f.rule === 'NARR-RATE');
    assert.equal(rate?.expected, '35.78%');
    assert.equal(rate?.actual, '5.78%');
    const unit = result.findings.find((f) => f.rule === 'NARR-UNIT');
    assert.ok(
      unit && unit.evidence.length === 2 && unit.evidence.some((e) => e.tableKind === 'income_expense_summary'),
    );
    const x = result.findings.find((f) => f.rule === 'X-T1-T4-CLASS');
    assert.deepEqual(
      x?.evidence.map((e) => e.value),
      ['2697.07', '2697.08'],
    );
    assert.match(x?.message ?? '', /四舍五入/);
  });

  it('leaves unchecked only figures no table carries (绩效 results, fund volumes, a survey share)', () => {
    // p.19 §九1: 314,927.26万元 (twice) and its 100% — multi-year fund volume, larger than the year's spending;
    // p.20–21: outcomes of the projects (亿元 investments, 500万元 a year); p.23: survey 100%. (p.24 8,376.8万元
    // is bound: the 行政经费 funds table, 预算安排 83,768,000.00 元.)
    const n = result.coverage.narrative;
    assert.deepEqual(
      n.list.map((u) => `p.${u.page} ${u.value}`),
      [
        'p.19 314,927.26万元',
        'p.19 100%',
        'p.19 314,927.26万元',
        'p.20 12亿元',
        'p.21 500万元',
        'p.21 47.45亿元',
        'p.21 572.3亿元',
        'p.21 1161亿元',
        'p.21 199亿元',
        'p.21 51.53亿元',
        'p.21 171亿元',
        'p.23 100%',
      ],
    );
    assert.equal(n.found, n.checked + n.unbound);
  });

  it('gives stable ids across runs', () => {
    const again = check(loadSeed());
    assert.deepEqual(
      again.findings.map((f) => f.id),
      result.findings.map((f) => f.id),
    );
  });

  it('ran every applicable rule', () => {
    assert.equal(
      result.coverage.skipped,
      0,
      JSON.stringify(result.coverage.rules.filter((r) => r.status === 'skipped')),
    );
  });
});
