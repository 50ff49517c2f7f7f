import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatPoints, gradeOf, scoreIndicator, scoreProject } from '../../src/compile/scoring.ts';
import type { IndicatorInput } from '../../src/import/workbook/schema.ts';

const s = (w: string, rule: Parameters<typeof scoreIndicator>[1]) => formatPoints(scoreIndicator(w, rule));

describe('scoring rules (domain §3.3)', () => {
  it('pass / default: full weight or nothing', () => {
    assert.equal(s('2.27', { type: 'pass', met: true }), '2.27');
    assert.equal(s('2.27', { type: 'pass', met: false }), '0.00');
    assert.equal(s('2.27', { type: 'default' }), '2.27');
  });

  it('threshold: ≥ target (or ≤ when lower is better)', () => {
    assert.equal(s('1.76', { type: 'threshold', target: '200', actual: '461' }), '1.76');
    assert.equal(s('1.76', { type: 'threshold', target: '200', actual: '199.99' }), '0.00');
    assert.equal(s('3.00', { type: 'threshold', target: '5', actual: '4', lowerIsBetter: true }), '3.00');
    assert.equal(s('3.00', { type: 'threshold', target: '5', actual: '6', lowerIsBetter: true }), '0.00');
  });

  it('proportional and capped: weight × actual/target, rounded half up to 0.01, never above the weight', () => {
    assert.equal(s('2.27', { type: 'proportional', target: '100', actual: '78.93' }), '1.79');
    assert.equal(s('2.27', { type: 'proportional', target: '100', actual: '98.06' }), '2.23');
    assert.equal(s('2.27', { type: 'proportional', target: '192557', actual: '314419' }), '2.27');
    assert.equal(s('2.73', { type: 'capped', target: '11', actual: '5' }), '1.24');
    assert.equal(s('2.69', { type: 'capped', target: '2943', actual: '2278' }), '2.08');
    assert.equal(s('2.69', { type: 'capped', target: '2000', actual: '1761' }), '2.37');
    // 2.00 × 0.5025 = 1.005 → 1.01 (half away from zero, exact: no float drift)
    assert.equal(s('2.00', { type: 'capped', target: '1', actual: '0.5025' }), '1.01');
  });

  it('floor: nothing below the floor share, proportional above', () => {
    assert.equal(s('2.73', { type: 'floor', target: '50', actual: '26', floor: '0.5' }), '1.42');
    assert.equal(s('2.73', { type: 'floor', target: '50', actual: '24', floor: '0.5' }), '0.00');
    assert.equal(s('2.73', { type: 'floor', target: '50', actual: '25', floor: '0.5' }), '1.37');
  });

  it('perUnit: each unit short deducts a percentage of the weight', () => {
    assert.equal(s('2.69', { type: 'perUnit', target: '208', actual: '208', percent: '1' }), '2.69');
    assert.equal(s('2.69', { type: 'perUnit', target: '208', actual: '205', percent: '1' }), '2.61');
    assert.equal(s('2.00', { type: 'perUnit', target: '10', actual: '0', percent: '20' }), '0.00');
  });

  it('discretionary: the stated score, at most the weight', () => {
    assert.equal(s('5.00', { type: 'discretionary', score: '2.0', reason: '未开展调查' }), '2.00');
    assert.equal(s('5.00', { type: 'discretionary', score: '7', reason: 'x' }), '5.00');
  });
});

describe('project totals and grades', () => {
  const ind = (name: string, weight: string, rule: IndicatorInput['rule']): IndicatorInput => ({
    level1: '产出目标',
    level2: '数量',
    name,
    weight,
    rule,
  });

  it('sums the rounded 三级 scores, a weight-0 placeholder counts as met', () => {
    const r = scoreProject(
      [
        ind('a', '33.33', { type: 'proportional', target: '3', actual: '1' }), // 11.11
        ind('b', '33.33', { type: 'proportional', target: '3', actual: '1' }), // 11.11
        ind('c', '33.34', { type: 'pass', met: true }),
        { level1: '影响力目标', level2: '其它', weight: '0.00', rule: { type: 'default' } },
      ],
      'national-2019',
    );
    assert.equal(formatPoints(r.totalWeight), '100.00');
    assert.equal(formatPoints(r.total), '55.56');
    assert.equal(r.grade, '差');
    assert.deepEqual(
      r.indicators.map((i) => i.met),
      [false, false, true, true],
    );
  });

  it('grade bands 90 / 80 / 60 inclusive, by template wording', () => {
    assert.equal(gradeOf(9000n, 'national-2019'), '优秀');
    assert.equal(gradeOf(8999n, 'national-2019'), '良好');
    assert.equal(gradeOf(8000n, 'national-2019'), '良好');
    assert.equal(gradeOf(6000n, 'national-2019'), '中');
    assert.equal(gradeOf(5999n, 'national-2019'), '差');
    assert.equal(gradeOf(9452n, 'shanghai-2024'), '优');
    assert.equal(gradeOf(7000n, 'shanghai-2024'), '合格');
    assert.equal(gradeOf(100n, 'shanghai-2024'), '不合格');
  });
});
