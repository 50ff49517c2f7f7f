// Narrative coverage: every narrative figure is either checked by some rule or listed as not bound, with its place.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../src/check/engine.ts';
import { replaceText } from '../../src/check/fixtures/mutators.ts';
import { sample } from '../../src/check/fixtures/sample.ts';
import { reportHtml } from '../../src/render/report-html.ts';
import { reportJson } from '../../src/render/report-json.ts';
import { reportText } from '../../src/render/report-text.ts';

const unboundValues = (r: ReturnType<typeof check>) => r.coverage.narrative.list.map((u) => u.value);

describe('narrative coverage', () => {
  it('counts add up and the clean sample leaves only figures no rule can bind', () => {
    const r = check(sample());
    const n = r.coverage.narrative;
    assert.ok(n.found > 20, `only ${n.found} figures`);
    assert.equal(n.found, n.checked + n.unbound);
    assert.equal(n.list.length, n.unbound);
    // table-bound amounts, rates and the procurement identity are checked
    for (const v of ['10.00万元', '75.00%', '20.00万元', '28.00万元']) assert.ok(!unboundValues(r).includes(v), v);
  });

  it('a figure no rule binds is listed with sentence, section, page and line', () => {
    const d = sample();
    replaceText(d, '内设3个处室', '内设3个处室，全年筹集社会资金超过12亿元');
    const r = check(d);
    const u = r.coverage.narrative.list.find((x) => x.value === '12亿元');
    assert.ok(u, JSON.stringify(unboundValues(r)));
    assert.match(u.sentence, /筹集社会资金超过12亿元/);
    assert.ok(u.section.length > 0);
    assert.ok((u.page ?? 0) > 0);
    assert.equal(r.coverage.narrative.unbound, check(sample()).coverage.narrative.unbound + 1);
  });

  it('only the rules that ran count: with no narrative rule every figure is unbound', () => {
    const r = check(sample(), { only: ['T1-BALANCE'] });
    assert.equal(r.coverage.narrative.checked, 0);
    assert.equal(r.coverage.narrative.unbound, r.coverage.narrative.found);
  });

  it('reports: one line in text and HTML, the list in JSON', () => {
    const d = sample();
    replaceText(d, '内设3个处室', '内设3个处室，全年筹集社会资金超过12亿元');
    const r = check(d);
    const n = r.coverage.narrative;
    const line = `情况说明数字 / narrative figures: 共 found ${n.found}，已核对 checked ${n.checked}，未能对应未核对 not bound ${n.unbound}`;
    assert.ok(reportText([r]).includes(line));
    assert.ok(reportHtml([r]).includes(line));
    const j = JSON.parse(reportJson([r]));
    assert.ok(j.documents[0].coverage.narrative.list.some((x: { value: string }) => x.value === '12亿元'));
  });
});

describe('三公 rate against the 公开07表 budget when the sentence prints none', () => {
  it('fires on a wrong rate and stays silent on the right one', () => {
    const ok = sample();
    replaceText(ok, '公务接待费预算4.00万元，支出3.00万元，执行率75.00%', '公务接待费支出3.00万元，完成预算的75.00%');
    const r = check(ok, { only: ['NARR-RATE'] });
    assert.deepEqual(r.findings, []);
    assert.ok(!unboundValues(r).includes('75.00%'), 'the rate is bound');
    const bad = sample();
    replaceText(bad, '公务接待费预算4.00万元，支出3.00万元，执行率75.00%', '公务接待费支出3.00万元，完成预算的70.00%');
    const f = check(bad, { only: ['NARR-RATE'] }).findings;
    assert.equal(f.length, 1);
    assert.equal(f[0]?.expected, '75.00%');
    assert.ok(f[0]?.evidence.some((e) => e.tableKind === 'three_public' && e.columnId === 'budget.reception'));
  });
});

describe('重点绩效评价 funds of one project bound to its funds table', () => {
  const withSentence = (text: string) => {
    const d = sample();
    replaceText(d, '对1个项目开展绩效自评。', `对1个项目开展绩效自评。${text}`);
    return check(d, { only: ['NARR-PERF-FUNDS'] });
  };
  it('equal to the project budget: checked, no finding; different: error', () => {
    const ok = withSentence('对合作交流行政经费项目开展重点绩效评价，共涉及财政资金50.00万元。');
    assert.deepEqual(ok.findings, []);
    assert.ok(!ok.coverage.narrative.list.some((u) => u.sentence.includes('重点绩效评价')));
    const bad = withSentence('对合作交流行政经费项目开展重点绩效评价，共涉及财政资金60.00万元。');
    assert.equal(bad.findings.length, 1);
  });
  it('a sum over several projects is not bound (and not reported)', () => {
    const r = withSentence('对2个项目开展重点绩效评价，共涉及财政资金60.00万元。');
    assert.deepEqual(r.findings, []);
    assert.ok(r.coverage.narrative.list.some((u) => u.sentence.includes('重点绩效评价') && u.value === '60.00万元'));
  });
});
