// Golden test: the seed's two performance annexes (附件1-1, 附件1-2) against a checked-in JSON that was
// checked by hand against the seed text, plus recomputations from that JSON.
// Regenerate after an intended change with UPDATE_GOLDEN=1 (and check the diff by hand).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { splitLines } from '../../src/import/text/lines.ts';
import { parsePerformanceAnnexes } from '../../src/import/text/performance.ts';
import { type Cell, type NumberValue, PerformanceEvaluationSchema } from '../../src/model/disclosure.ts';
import { percentHundredths, sum } from '../../src/model/money.ts';

const SEED = 'test/fixtures/seed/shenzhen-fupin-2019.txt';
const GOLDEN = 'test/golden/seed-performance.json';
const Annexes = z.array(PerformanceEvaluationSchema);

function parseSeed() {
  const { lines } = splitLines(readFileSync(SEED, 'utf8'));
  const start = lines.findIndex((l) => l.text.trim() === '附件1-1');
  assert.ok(start > 0, 'seed has 附件1-1');
  return parsePerformanceAnnexes(lines.slice(start), SEED);
}

/** A NumberValue in hundredths (weights and scores have at most 2 decimals). */
function hundredths(n: NumberValue | undefined): bigint {
  assert.ok(n?.value !== undefined && n.scale !== undefined && n.scale <= 2, `exact value for ${n?.text}`);
  return n.value * 10n ** BigInt(2 - n.scale);
}

function amount(c: Cell | undefined): bigint {
  assert.equal(c?.kind, 'amount');
  return (c as Extract<Cell, { kind: 'amount' }>).fen;
}

describe('seed performance annexes (golden)', () => {
  const parsed = parseSeed();
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(GOLDEN, `${JSON.stringify(z.encode(Annexes, parsed), null, 2)}\n`);
  }
  const goldenJson: unknown = JSON.parse(readFileSync(GOLDEN, 'utf8'));
  const golden = Annexes.decode(goldenJson as z.input<typeof Annexes>);

  it('imports exactly the checked-in JSON', () => {
    assert.deepEqual(z.encode(Annexes, parsed), goldenJson);
  });

  it('finds two annexes with their projects, totals and grades', () => {
    assert.deepEqual(
      golden.map((e) => [
        e.annex,
        e.project.name,
        e.indicators.length,
        e.totalWeight?.text,
        e.totalScore?.text,
        e.grade,
      ]),
      [
        ['附件1-1', '扶贫协作和合作交流行政经费', 38, '100.00', '94.52', '优秀'],
        ['附件1-2', '深圳市扶贫协作和合作交流（对口帮扶）专项资金', 39, '100.00', '94.58', '优秀'],
      ],
    );
  });

  it('accounts for every character of each score sheet, in order (nothing dropped, nothing repeated)', () => {
    const seed = readFileSync(SEED, 'utf8').split('\n');
    const squash = (s: string) => s.replace(/\s+/g, '');
    for (const e of golden) {
      const pieces: { line: number; text: string }[] = [
        ...(e.groups ?? []).map((g) => ({
          line: g.src?.line ?? 0,
          text: g.name + g.weight?.text + (g.score?.text ?? ''),
        })),
        ...e.indicators.map((i) => ({
          line: i.src?.line ?? 0,
          text: [i.name, i.weight?.text, i.target, i.actual, i.score?.text, i.standard, i.dataSource].join(''),
        })),
      ].sort((a, b) => a.line - b.line);
      const first = pieces[0]?.line ?? 0;
      const total = seed.findIndex((l, k) => k >= first && l.trim().startsWith('总计'));
      assert.equal(pieces.map((p) => squash(p.text)).join(''), squash(seed.slice(first - 1, total).join('')), e.annex);
    }
  });

  it('三级 weights add up to each 二级 and 一级 weight, and 一级 weights to 100', () => {
    for (const e of golden) {
      const mismatches: string[] = [];
      const groups = e.groups ?? [];
      for (const g of groups) {
        const rows = e.indicators.filter((i) =>
          g.level === 1 ? i.level1 === g.name : i.level2 === g.name && i.level1 === g.parent,
        );
        const got = sum(rows.map((i) => hundredths(i.weight)));
        if (got !== hundredths(g.weight)) mismatches.push(`${g.name}: printed ${g.weight?.text}, rows add to ${got}`);
        if (g.level === 1) {
          const children = groups.filter((c) => c.level === 2 && c.parent === g.name);
          const got2 = sum(children.map((c) => hundredths(c.weight)));
          if (got2 !== hundredths(g.weight)) mismatches.push(`${g.name}: 二级 add to ${got2}`);
        }
      }
      const level1 = sum(groups.filter((g) => g.level === 1).map((g) => hundredths(g.weight)));
      if (level1 !== 10000n || hundredths(e.totalWeight) !== 10000n) mismatches.push(`一级 add to ${level1}`);
      // The seed adds up everywhere (checked by hand): no place where the printed weights disagree.
      assert.deepEqual(mismatches, [], `${e.annex}`);
      // Zero-weight headings without rows are kept.
      assert.deepEqual(
        groups.filter((g) => hundredths(g.weight) === 0n).map((g) => g.name),
        ['资产管理', '信息共享', '其它'],
      );
    }
  });

  it('total score = Σ 三级 scores (94.52 and 94.58)', () => {
    const totals = golden.map((e) => sum(e.indicators.map((i) => hundredths(i.score))));
    assert.deepEqual(totals, [9452n, 9458n]);
    assert.deepEqual(
      golden.map((e) => hundredths(e.totalScore)),
      [9452n, 9458n],
    );
    // Both at or above 90: 优秀 band.
    for (const e of golden) assert.ok(hundredths(e.totalScore) >= 9000n && e.grade === '优秀');
    // The conclusions repeat the score and grade.
    for (const e of golden) {
      const c = Object.fromEntries(e.conclusions.map((x) => [x.label, x.text]));
      assert.equal(c.评分结果, e.totalScore?.text);
      assert.equal(c.评价结论, e.grade);
    }
  });

  it('funds table: 结余 = 到位 − 支出, 执行率 = 支出/预算, 到位率, 实际支出率 (合计 column)', () => {
    const expected = [
      { balance: 1765292847n, exec: '78.93', arrival: '100.00', spending: '78.93' },
      { balance: 6103536020n, exec: '98.06', arrival: '100.00', spending: '98.06' },
    ];
    golden.forEach((e, k) => {
      const rows = Object.fromEntries((e.funds?.rows ?? []).map((r) => [r.key, r]));
      const cell = (key: string) => rows[key]?.cells.total;
      const budget = amount(cell('budget'));
      const arrived = amount(cell('arrived'));
      const spent = amount(cell('spent'));
      const balance = amount(cell('balance'));
      assert.equal(balance, arrived - spent);
      assert.equal(balance, expected[k]?.balance);
      const pct = (n: bigint, d: bigint) => {
        const h = percentHundredths(n, d);
        return `${h / 100n}.${String(h % 100n).padStart(2, '0')}`;
      };
      const printed = (key: string) => {
        const c = cell(key);
        assert.equal(c?.kind, 'text');
        return (c as Extract<Cell, { kind: 'text' }>).text;
      };
      assert.equal(pct(spent, budget), printed('executionRate'));
      assert.equal(pct(arrived, budget), printed('arrivalRate'));
      assert.equal(pct(spent, arrived), printed('spendingRate'));
      assert.equal(printed('executionRate'), expected[k]?.exec);
      assert.equal(e.funds?.unit, '元');
    });
  });

  it('预算执行率 indicator: score = weight × rate, rounded to 0.01 (1.79, 2.23)', () => {
    const scores = golden.map((e) => {
      const i = e.indicators.find((x) => x.name === '预算执行率');
      assert.ok(i?.actual);
      const rate = BigInt(i.actual.replace(/[.%]/g, '')); // "78.93%" → 7893 (hundredths of a percent)
      const h = hundredths(i.weight) * rate; // weight in hundredths × rate in 1/10000
      return [(h + 5000n) / 10000n, hundredths(i.score)];
    });
    assert.deepEqual(scores, [
      [179n, 179n],
      [223n, 223n],
    ]);
  });

  it('rows that print fewer figures than columns are unread, never zero', () => {
    const budget = golden[0]?.funds?.rows.find((r) => r.key === 'budget');
    assert.equal(budget?.cells.total?.kind, 'amount');
    assert.equal(budget?.cells['fiscal.municipal']?.kind, 'unread');
    // The full 资金结余 row places every figure.
    const balance = golden[0]?.funds?.rows.find((r) => r.key === 'balance');
    assert.ok(Object.values(balance?.cells ?? {}).every((c) => c.kind === 'amount'));
    // 项目支出内容 item rows print 2 (附件1-1) and 1 (附件1-2) figures for 4 columns.
    assert.deepEqual(
      golden.map((e) => e.spending.map((r) => Object.values(r.cells).filter((c) => c.kind === 'amount').length)),
      [
        [0, 4],
        [0, 4],
      ],
    );
  });

  it('records what the document prints even where it does not add up (findings for the checker)', () => {
    // 附件1-2 项目支出内容: the 合计 row prints 0.00 as 实际支出数 合计 and 3083157504.60 as 专款专用数,
    // while the project row and the funds table give 3083157504.60 spent.
    const total = golden[1]?.spending.find((r) => r.key === 'total');
    assert.equal(amount(total?.cells['actual.total']), 0n);
    assert.equal(amount(total?.cells.earmarked), 308315750460n);
    // 附件1-2 项目预算金额: target 192557万元, actual 314419万元, full score.
    const budget = golden[1]?.indicators[0];
    assert.deepEqual([budget?.target, budget?.actual, budget?.score?.text], ['192557万元', '314419万元', '2.27']);
    // The grade row prints a stray "0.00"; kept as an unread note, not as a value.
    assert.ok(golden.every((e) => e.unread?.some((u) => u.what === '评价等级行的数字')));
  });
});
