import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  divRound,
  formatAmount,
  parseAmount,
  percentHundredths,
  printedDecimals,
  roundToUnit,
  yuanToWanRounded,
} from '../../src/model/money.ts';

describe('money', () => {
  it('parses printed amounts exactly into 分', () => {
    assert.equal(parseAmount('87,628.42', '万元'), 87_628_420_000n);
    assert.equal(parseAmount('0.00', '万元'), 0n);
    assert.equal(parseAmount('83768000.00', '元'), 8_376_800_000n);
    assert.equal(parseAmount('308,315.750', '万元'), 308_315_750_000n);
    assert.equal(parseAmount('-3.5', '元'), -350n);
    assert.equal(parseAmount('１２.３', '元'), 1230n);
    assert.equal(parseAmount('531', '万元'), 531_000_000n);
  });

  it('rejects what is not an amount, and figures finer than 分', () => {
    for (const bad of ['', '—', 'abc', '1,23.4', '1.2.3', '.']) assert.throws(() => parseAmount(bad, '万元'), bad);
    assert.throws(() => parseAmount('0.001', '元'));
  });

  it('joins an amount split over two lines only when told (the parser sees one string)', () => {
    assert.equal(parseAmount(`${'83768000.0'}${'0'}`, '元'), 8_376_800_000n);
  });

  it('rounds 元 to 万元 half away from zero', () => {
    assert.equal(formatAmount(yuanToWanRounded(15_000n), '万元'), '0.02'); // 150 元
    assert.equal(formatAmount(yuanToWanRounded(-25_000n), '万元'), '-0.03'); // −250 元
    assert.equal(formatAmount(105_000n, '万元'), '0.11'); // 1 050 元
    assert.equal(formatAmount(8_055_000n, '万元'), '8.06'); // 80 550 元
    assert.equal(formatAmount(-4_999n, '万元'), '0.00'); // −49.99 元: no negative zero
    assert.equal(roundToUnit(14_999n, '万元'), 10_000n);
  });

  it('formats with thousands separators and other precisions', () => {
    assert.equal(formatAmount(87_628_420_000n, '万元', { thousands: true }), '87,628.42');
    assert.equal(formatAmount(8_376_800_000n, '元'), '83768000.00');
    assert.equal(formatAmount(308_315_750_000n, '万元', { decimals: 3 }), '308315.750');
    assert.equal(printedDecimals('87,628.42'), 2);
    assert.equal(printedDecimals('531'), 0);
  });

  it('divides and computes percentages with explicit rounding', () => {
    assert.equal(divRound(5n, 2n), 3n);
    assert.equal(divRound(-5n, 2n), -3n);
    assert.equal(divRound(4n, 3n), 1n);
    assert.equal(percentHundredths(6_611_507_153n, 8_376_800_000n), 7893n); // 78.93%
    assert.throws(() => divRound(1n, 0n));
  });
});
