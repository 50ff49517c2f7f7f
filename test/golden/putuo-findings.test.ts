// Every finding on the real 2024 disclosure of 上海市普陀区财政局 (PDF), each checked by hand against
// `pdftotext -layout test/fixtures/samples/shanghai-putuo-caizhengju-2024.pdf`. [rule, severity, text, justification].
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { check } from '../../src/check/engine.ts';
import type { CheckResult } from '../../src/check/types.ts';
import { importFile } from '../../src/import/index.ts';

const PDF = 'test/fixtures/samples/shanghai-putuo-caizhengju-2024.pdf';

const EXPECTED: [string, string, string, string][] = [
  [
    'NARR-AMOUNT',
    'error',
    '财政拨款收入支出总计0.3万元',
    'p.21 四: “财政拨款收入支出总计0.3万元”; 公开04表 总计 2,961.68',
  ],
  [
    'NARR-SHARE',
    'error',
    '占71.73%',
    'p.21 五(二): 2,106.66 ÷ 2,940.05 = 71.65%, printed 71.73% (the four shares add to 100.07%)',
  ],
  [
    'NARR-RATE-ZERO-BUDGET',
    'error',
    '完成预算的0%',
    'p.22 七(一): 因公出国（境）费 “完成预算的0%”, its 预算数 in 公开07表 is blank',
  ],
  [
    'NARR-RATE-ZERO-BUDGET',
    'error',
    '完成预算的0%',
    'p.22 七(一): 公务用车购置及运行维护费 “完成预算的0%”, 预算数 blank',
  ],
  [
    'NARR-BASIC-ITEMS',
    'warning',
    '个人农业生产补贴',
    'p.23 六: 人员经费 “主要包括…个人农业生产补贴”; 公开06表 30310 is blank (30309 奖励金 0.31 is not listed)',
  ],
  [
    'NARR-PROCUREMENT',
    'info',
    '政府采购总额 251.25万元',
    'p.24 十一(二): 货物 4.79 + 工程 0 + 服务 246.47 = 251.26 vs 总额 251.25',
  ],
  [
    'NARR-ITEM-BUDGET-SUM',
    'info',
    '2993.92',
    'p.21-22 五(三): the 11 item 年初预算 add to 2,993.93 vs 年初预算 2,993.92',
  ],
  ['X-T1-T3-CLASS', 'info', '208', '公开01表 208 326.71 vs 公开03表 208 326.72'],
  ['X-T4-T5-CLASS', 'info', '208', '公开04表 208 326.71 vs 公开05表 208 326.72'],
  ['T2-SUM-TOTAL', 'info', '本年收入合计', '公开02表 2,112.86 + 326.72 + 60.99 + 445.69 = 2,946.26 vs 合计 2,946.25'],
  ['T2-SUM-TOTAL', 'info', '财政拨款收入', '公开02表 2,106.66 + 326.72 + 60.99 + 445.69 = 2,940.06 vs 2,940.05'],
  ['T3-SUM-TOTAL', 'info', '本年支出合计', '公开03表 Σ类 2,940.06 vs 合计 2,940.05'],
  ['T3-SUM-TOTAL', 'info', '基本支出', '公开03表 Σ类 基本支出 2,336.92 vs 2,336.91'],
  ['T5-SUM-TOTAL', 'info', '基本支出', '公开05表 Σ类 基本支出 2,336.92 vs 2,336.91'],
  ['T5-SUM-TOTAL', 'info', '合计', '公开05表 Σ类 2,940.06 vs 2,940.05'],
  [
    'T6-CLASS',
    'info',
    '302',
    '公开06表 302 items 21.21+7.61+0.09+4.88+1.20+2.83+4.05+2.01+24.42+42.77+48.49+11.53 = 171.09 vs 171.07',
  ],
  [
    'T6-CLASS',
    'info',
    '301',
    '公开06表 301 items 262.33+1,238.58+160.75+80.38+60.99+1.61+187.19+91.03 = 2,082.86 vs 2,082.85',
  ],
];

describe('上海市普陀区财政局 2024 findings (hand-checked)', () => {
  let result: CheckResult;
  before(async () => {
    result = check(await importFile(PDF));
  });

  it('reports exactly the expected findings', () => {
    const got = result.findings.map((f) => `${f.rule}|${f.severity}`).sort();
    const want = EXPECTED.map(([r, s]) => `${r}|${s}`).sort();
    assert.deepEqual(got, want);
    const pool = [...result.findings];
    for (const [rule, severity, text, why] of EXPECTED) {
      const i = pool.findIndex((f) => f.rule === rule && f.severity === severity && f.message.includes(text));
      assert.ok(i >= 0, `missing ${rule} (${text}): ${why}`);
      pool.splice(i, 1);
    }
  });

  it('uses the Shanghai 2024 template and runs every applicable rule', () => {
    assert.equal(result.coverage.template, 'shanghai-2024');
    assert.equal(
      result.coverage.skipped,
      0,
      JSON.stringify(result.coverage.rules.filter((r) => r.status === 'skipped')),
    );
  });

  it('leaves unchecked only the 绩效 project budget no table carries (listed in the coverage)', () => {
    // p.23 十: 598.42万元 three times (projects with targets / tracked / self-evaluated); no 2024 table holds it
    const n = result.coverage.narrative;
    assert.deepEqual(
      n.list.map((u) => `p.${u.page} ${u.value}`),
      ['p.23 598.42万元', 'p.23 598.42万元', 'p.23 598.42万元'],
    );
    assert.equal(n.found, n.checked + n.unbound);
  });

  it('recomputes the share from the paragraph total', () => {
    const f = result.findings.find((x) => x.rule === 'NARR-SHARE');
    assert.equal(f?.expected, '71.65%');
  });
});
