// Compiling a small made-up department: roll-ups, 万元 rounding and its note, validation messages, empty tables.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../src/check/engine.ts';
import { compile } from '../../src/compile/index.ts';
import { decodeDepartment } from '../../src/import/workbook/json.ts';
import type { DepartmentDataJson } from '../../src/import/workbook/schema.ts';
import type { Disclosure, Section } from '../../src/model/disclosure.ts';
import { InputError } from '../../src/model/errors.ts';

function department(over: Partial<DepartmentDataJson> = {}): DepartmentDataJson {
  return {
    version: 1,
    department: { name: '某市测试局', duties: ['负责测试。'], structure: ['内设2个处室。'], units: [] },
    fiscalYear: 2024,
    template: 'shanghai-2024',
    names: { '20101': '人大事务' },
    income: [
      { code: '2010101', name: '行政运行', general: '1000050.00' },
      { code: '2010102', name: '一般行政管理事务', general: '1000050.00' },
      { code: '2080505', name: '机关事业单位基本养老保险缴费支出', general: '300000.00', other: '1234.56' },
    ],
    expense: [
      { code: '2010101', name: '行政运行', fund: 'general', basic: '1000050.00' },
      { code: '2010102', name: '一般行政管理事务', fund: 'general', project: '1000050.00' },
      { code: '2080505', name: '机关事业单位基本养老保险缴费支出', fund: 'general', basic: '300000.00' },
    ],
    items: [{ code: '2010101', budget: '1200000.00', use: '机关日常运转', reason: '人员减少' }],
    basicEconomic: [
      { code: '30101', name: '基本工资', amount: '1000050.00' },
      { code: '30108', name: '机关事业单位基本养老保险缴费', amount: '250000.00' },
      { code: '30201', name: '办公费', amount: '50000.00' },
    ],
    threePublic: {
      budget: { abroad: '0.00', vehiclePurchase: '0.00', vehicleOperation: '20000.00', reception: '10000.00' },
      actual: { abroad: '0.00', vehiclePurchase: '0.00', vehicleOperation: '15000.00', reception: '5000.00' },
      abroadGroups: 0,
      abroadPeople: 0,
      vehiclesPurchased: 0,
      vehiclesHeld: 2,
      receptionBatches: 3,
      receptionPeople: 20,
    },
    procurement: { goods: '10000.00', works: '0.00', services: '20000.00', sme: '30000.00' },
    assets: { vehicles: [{ type: '执法执勤用车', count: 2 }], generalEquipment: 0, specialEquipment: 1 },
    performance: [
      {
        name: '测试信息化项目',
        funds: { budget: '1000050.00', invested: '1000050.00', arrived: '1000050.00', spent: '1000050.00' },
        indicators: [
          {
            level1: '产出目标',
            level2: '数量',
            name: '系统上线数',
            weight: '60.00',
            target: '≥2个',
            actual: '1个',
            rule: { type: 'capped', target: '2', actual: '1' },
            reason: '供应商延期',
          },
          {
            level1: '效益目标',
            level2: '满意度',
            name: '用户满意度',
            weight: '40.00',
            target: '≥90%',
            actual: '95%',
            rule: { type: 'threshold', target: '90', actual: '95' },
          },
        ],
      },
    ],
    ...over,
  };
}

const build = (over: Partial<DepartmentDataJson> = {}): Disclosure =>
  compile(decodeDepartment(department(over), 'test.json'), { file: 'test.json' });

function cell(d: Disclosure, kind: string, key: string, col: string): string | undefined {
  const c = d.tables.find((t) => t.kind === kind)?.rows.find((r) => r.key === key)?.cells[col];
  return c?.kind === 'amount' ? c.text : undefined;
}

function allText(sections: Section[]): string {
  return sections
    .map((s) => `${s.heading}\n${s.paragraphs.map((p) => p.text).join('\n')}\n${allText(s.children)}`)
    .join('\n');
}

describe('compile: roll-ups and rounding', () => {
  const d = build();

  it('rolls 项 up to 款, 类 and 合计 from exact 元, each cell rounded half away from zero', () => {
    // 100.005 万元 each → 100.01; 款 20101 = 200.01 (not 100.01 + 100.01 = 200.02)
    assert.equal(cell(d, 'general_budget_expense', '2010101', 'total'), '100.01');
    assert.equal(cell(d, 'general_budget_expense', '2010102', 'total'), '100.01');
    assert.equal(cell(d, 'general_budget_expense', '20101', 'total'), '200.01');
    assert.equal(cell(d, 'general_budget_expense', '201', 'total'), '200.01');
    assert.equal(cell(d, 'general_budget_expense', 'total', 'total'), '230.01');
    assert.equal(cell(d, 'income', 'total', 'other'), '0.12');
    assert.equal(cell(d, 'income_expense_summary', 'income.total', 'amount'), '230.13');
    assert.equal(cell(d, 'income_expense_summary', 'expense.carryOut', 'amount'), '0.12');
  });

  it('adds the rounding note only to tables whose rounded figures do not add up', () => {
    const notes = (kind: string) =>
      d.tables
        .find((t) => t.kind === kind)
        ?.notes.map((n) => n.text)
        .join('') ?? '';
    assert.match(notes('general_budget_expense'), /四舍五入/);
    assert.doesNotMatch(notes('three_public'), /四舍五入/);
    assert.match(allText(d.narrative), /0\.01的误差/);
  });

  it('empty 基金 and 国资 tables keep their 合计 row and state why', () => {
    for (const kind of ['gov_fund', 'state_capital']) {
      const t = d.tables.find((x) => x.kind === kind);
      assert.deepEqual(
        t?.rows.map((r) => r.key),
        ['total'],
      );
      assert.ok(t?.notes.some((n) => n.text.includes('故本表无数据')));
    }
    assert.match(allText(d.narrative), /无政府性基金预算财政拨款收入和支出/);
    assert.match(allText(d.narrative), /无国有资本经营预算财政拨款收入和支出/);
  });

  it('writes every 项 of the general budget with budget, completion rate and reason', () => {
    const t = allText(d.narrative);
    assert.match(t, /一般公共服务支出（类）人大事务（款）行政运行（项）/);
    assert.match(
      t,
      /年初预算为120\.00万元，支出决算为100\.01万元，完成年初预算的83\.34%。决算数小于预算数，主要原因是人员减少。/,
    );
    assert.match(t, /机关事业单位基本养老保险缴费支出（项）/);
    assert.match(t, /“三公”经费年初预算3\.00万元，支出决算2\.00万元，完成年初预算的66\.67%/);
  });

  it('scores the project (60 × 1/2 + 40 = 70.00, 合格) and explains the unmet indicator', () => {
    assert.equal(d.performance[0]?.totalScore?.text, '70.00');
    assert.equal(d.performance[0]?.grade, '合格');
    assert.match(allText(d.narrative), /系统上线数（权重60\.00，评分结果30\.00），原因是供应商延期/);
  });

  it('passes the checker with no error finding (correct by construction)', () => {
    const r = check(d);
    const errors = r.findings.filter((f) => f.severity === 'error');
    assert.deepEqual(
      errors.map((f) => `${f.rule}: ${f.message}`),
      [],
    );
  });
});

describe('compile: invalid data gets a clear message', () => {
  it('basic expenditure by 经济分类 must equal general-budget basic spending', () => {
    assert.throws(
      () => build({ basicEconomic: [{ code: '30101', name: '基本工资', amount: '1.00' }] }),
      (e: unknown) => e instanceof InputError && /基本支出经济分类/.test(e.message) && /1\.00 元/.test(e.message),
    );
  });

  it('spending above income and carry-in is refused', () => {
    assert.throws(
      () => build({ income: [{ code: '2010101', name: '行政运行', general: '1.00' }] }),
      (e: unknown) => e instanceof InputError && /超过/.test(e.message),
    );
  });

  it('indicator weights must sum to 100', () => {
    const p = {
      name: '测试项目',
      funds: { budget: '100.00', invested: '100.00', arrived: '100.00', spent: '90.00' },
      indicators: [
        {
          level1: '产出目标',
          level2: '数量',
          name: '数量指标',
          weight: '50.00',
          rule: { type: 'pass' as const, met: true },
        },
      ],
    };
    assert.throws(
      () => build({ performance: [p] }),
      (e: unknown) => e instanceof InputError && /权重合计为 50/.test(e.message),
    );
  });

  it('amounts with more than 2 decimals of 元 are rejected, naming the field', () => {
    const bad = department();
    const first = bad.income[0];
    assert.ok(first);
    first.general = '12.345';
    assert.throws(
      () => decodeDepartment(bad, 'test.json'),
      (e: unknown) => e instanceof InputError && /income\.0\.general/.test(e.message) && /两位小数/.test(e.message),
    );
  });
});

describe('compile: a zero amount as the template prints it', () => {
  const at = (d: Disclosure, kind: string, key: string, col: string) =>
    d.tables.find((t) => t.kind === kind)?.rows.find((r) => r.key === key)?.cells[col];
  // 49.99 元 of 其他收入 on each 项 is 0.00 万元 once rounded; their 款 20101, 99.98 元, is 0.01 万元
  const tiny = department().income.map((r) => (r.code.startsWith('20101') ? { ...r, other: '49.99' } : r));
  const d2024 = build({ income: tiny });
  const d2019 = build({ income: tiny, template: 'national-2019', fiscalYear: 2019 });
  const zero = { kind: 'amount', fen: 0n, text: '0.00' };

  it('shanghai-2024 prints a zero as a blank cell, national-2019 as 0.00', () => {
    assert.deepEqual(at(d2024, 'three_public', 'total', 'actual.abroad'), { kind: 'blank' });
    assert.deepEqual(at(d2019, 'three_public', 'total', 'actual.abroad'), zero);
    assert.deepEqual(at(d2024, 'income', '201', 'superior'), { kind: 'blank' });
    assert.deepEqual(at(d2019, 'income', '201', 'superior'), zero);
    assert.deepEqual(at(d2024, 'income', '2010102', 'other'), { kind: 'blank' });
    assert.deepEqual(at(d2019, 'income', '2010102', 'other'), zero);
  });

  it('every other cell is the same figure under both templates; sums still use the exact amounts', () => {
    let compared = 0;
    for (const t of d2019.tables)
      for (const r of t.rows)
        for (const [col, c] of Object.entries(r.cells)) {
          const other = at(d2024, t.kind, r.key, col);
          if (!other) continue;
          compared++;
          assert.deepEqual(
            other,
            c.kind === 'amount' && c.fen === 0n ? { kind: 'blank' } : c,
            `${t.kind} ${r.key} ${col}`,
          );
        }
    assert.ok(compared > 100, `${compared} cells compared`);
    // blank + blank under 款 20101: the 款 is summed from exact 元, not from the printed cells
    assert.equal(cell(d2024, 'income', '20101', 'other'), '0.01');
  });
});
