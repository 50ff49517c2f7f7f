// Golden test on the seed (深圳市扶贫协作和合作交流办公室 2019): the import equals the hand-checked golden file,
// and the golden's own figures add up wherever the document adds up. Sums that fail because the DOCUMENT is
// wrong (元→万元 rounding, a mis-added total) are listed one by one below; anything else is a mis-read cell.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { importFile } from '../../src/import/index.ts';
import type { Disclosure, Row, Table } from '../../src/model/disclosure.ts';
import { fromJson, toJson } from '../../src/model/json.ts';
import { formatAmount } from '../../src/model/money.ts';
import { NATIONAL_2019 } from '../../src/model/templates.ts';

const SEED = 'test/fixtures/seed/shenzhen-fupin-2019.txt';
const golden = fromJson(readFileSync('test/golden/seed.disclosure.json', 'utf8'), 'seed.disclosure.json');

const table = (d: Disclosure, n: number): Table => {
  const t = d.tables.find((x) => x.number === n);
  assert.ok(t, `table ${n} present`);
  return t;
};
const row = (t: Table, key: string): Row => {
  const r = t.rows.find((x) => x.key === key);
  assert.ok(r, `T${t.number} row ${key}`);
  return r;
};
/** The amount of a cell; blank cells count as absent (undefined), never as zero. */
const amt = (r: Row, col: string): bigint | undefined => {
  const c = r.cells[col];
  return c?.kind === 'amount' ? c.fen : undefined;
};
const fmt = (f: bigint) => formatAmount(f, '万元');

/** Compares a printed total with the sum of its parts; returns a line for each disagreement. */
function tie(label: string, printed: bigint | undefined, parts: (bigint | undefined)[]): string[] {
  const sum = parts.reduce<bigint>((a, b) => a + (b ?? 0n), 0n);
  if (printed === undefined) return [`${label}: total not printed`];
  return printed === sum ? [] : [`${label}: printed ${fmt(printed)}, sum ${fmt(sum)}`];
}

function discrepancies(d: Disclosure): string[] {
  const out: string[] = [];
  // Row = Σ columns (T2, T3, T5, T8) and the 类/款/项 hierarchy per column.
  for (const n of [2, 3, 5, 8]) {
    const t = table(d, n);
    const def = NATIONAL_2019.tables.find((x) => x.number === n);
    for (const r of t.rows) {
      for (const p of def?.parts ?? []) {
        out.push(
          ...tie(
            `T${n} ${r.code ?? r.key} row ${p.total}`,
            amt(r, p.total),
            p.parts.map((c) => amt(r, c)),
          ),
        );
      }
    }
    for (const col of t.columns) {
      const coded = t.rows.filter((r) => r.code);
      const total = t.rows.find((r) => r.key === 'total');
      if (total) {
        const classes = coded.filter((r) => r.code?.length === 3);
        out.push(
          ...tie(
            `T${n} 合计 ${col.id} = Σ类`,
            amt(total, col.id),
            classes.map((r) => amt(r, col.id)),
          ),
        );
      }
      for (const parent of coded.filter((r) => (r.code?.length ?? 0) < 7)) {
        const len = (parent.code?.length ?? 0) + 2;
        const kids = coded.filter((r) => r.code?.length === len && r.code.startsWith(parent.code ?? ''));
        out.push(
          ...tie(
            `T${n} ${parent.code} ${col.id} = Σ下级`,
            amt(parent, col.id),
            kids.map((r) => amt(r, col.id)),
          ),
        );
      }
    }
  }
  // T1: totals and balance.
  const t1 = table(d, 1);
  const a1 = (k: string) => amt(row(t1, k), 'amount');
  const incomeKeys = ['general', 'fund', 'superior', 'business', 'operating', 'affiliated', 'other'];
  out.push(
    ...tie(
      'T1 本年收入合计',
      a1('income.total'),
      incomeKeys.map((k) => a1(`income.${k}`)),
    ),
  );
  const classRows1 = t1.rows.filter((r) => r.side === 'expense' && r.code);
  out.push(
    ...tie(
      'T1 本年支出合计',
      a1('expense.total'),
      classRows1.map((r) => amt(r, 'amount')),
    ),
  );
  out.push(...tie('T1 收入总计', a1('income.grand'), [a1('income.total'), a1('income.reserve'), a1('income.carryIn')]));
  out.push(
    ...tie('T1 支出总计', a1('expense.grand'), [
      a1('expense.total'),
      a1('expense.distribution'),
      a1('expense.carryOut'),
    ]),
  );
  out.push(...tie('T1 收入总计 = 支出总计', a1('income.grand'), [a1('expense.grand')]));
  // T4: income side, expense per column, and 合计 = 一般公共 + 基金 on every expense row.
  const t4 = table(d, 4);
  const a4 = (k: string, c = 'amount') => amt(row(t4, k), c);
  out.push(...tie('T4 本年收入合计', a4('income.total'), [a4('income.general'), a4('income.fund')]));
  out.push(...tie('T4 年初结转', a4('income.carryIn'), [a4('income.carryIn.general'), a4('income.carryIn.fund')]));
  out.push(...tie('T4 收入总计', a4('income.grand'), [a4('income.total'), a4('income.carryIn')]));
  for (const c of ['total', 'general', 'fund']) {
    const classes = t4.rows.filter((r) => r.side === 'expense' && r.code);
    out.push(
      ...tie(
        `T4 本年支出合计 ${c}`,
        a4('expense.total', c),
        classes.map((r) => amt(r, c)),
      ),
    );
    out.push(...tie(`T4 支出总计 ${c}`, a4('expense.grand', c), [a4('expense.total', c), a4('expense.carryOut', c)]));
    out.push(
      ...tie(`T4 年末结转 ${c}`, a4('expense.carryOut', c), [
        a4('expense.carryOut.general', c),
        a4('expense.carryOut.fund', c),
      ]),
    );
  }
  for (const r of t4.rows.filter((x) => x.side === 'expense')) {
    out.push(...tie(`T4 ${r.key} 合计`, amt(r, 'total'), [amt(r, 'general'), amt(r, 'fund')]));
  }
  // T6: each 类 = Σ款; 人员经费合计 = 301 + 303; 公用经费合计 = 302 + 307 + 310 + 399.
  const t6 = table(d, 6);
  const a6 = (k: string) => amt(row(t6, k), 'amount');
  for (const cls of t6.rows.filter((r) => r.code?.length === 3)) {
    const kids = t6.rows.filter((r) => r.code?.length === 5 && r.code.startsWith(cls.code ?? ''));
    out.push(
      ...tie(
        `T6 ${cls.code} = Σ款`,
        amt(cls, 'amount'),
        kids.map((r) => amt(r, 'amount')),
      ),
    );
  }
  out.push(...tie('T6 人员经费合计', a6('total.personnel'), [a6('301'), a6('303')]));
  out.push(...tie('T6 公用经费合计', a6('total.public'), [a6('302'), a6('307'), a6('310'), a6('399')]));
  // T7: 合计 = 出国 + 公车 + 接待; 公车 = 购置 + 运行, for 预算数 and 决算数.
  const t7row = row(table(d, 7), 'total');
  for (const p of NATIONAL_2019.tables[6]?.parts ?? []) {
    out.push(
      ...tie(
        `T7 ${p.total}`,
        amt(t7row, p.total),
        p.parts.map((c) => amt(t7row, c)),
      ),
    );
  }
  return out;
}

describe('seed golden: 深圳市扶贫协作和合作交流办公室 2019', () => {
  it('imports to exactly the golden file (performance annexes are tested by their own parser)', async () => {
    const d = await importFile(SEED);
    const enc = (x: Disclosure) => {
      const j = JSON.parse(toJson(x)) as Record<string, unknown> & { unread: { what: string }[] };
      j.performance = undefined;
      j.unread = j.unread.filter((u) => !u.what.startsWith('附件'));
      return j;
    };
    assert.deepEqual(enc(d), enc(golden));
  });

  it('adds up wherever the document adds up; the document’s own errors are listed one by one', () => {
    assert.deepEqual(discrepancies(golden), [
      // 收入决算表: 类 rows 2,698.59 + 88.10 + 21.60 + 84,635.47 + 184.70 = 87,628.46, 合计 prints 87,628.45.
      'T2 合计 total = Σ类: printed 87628.45, sum 87628.46',
      // 收入决算表: 22102 prints 184.70, its 项 13.25 + 171.44 = 184.69 (元→万元 rounding).
      'T2 22102 total = Σ下级: printed 184.70, sum 184.69',
      // Same in the 财政拨款收入 column: 2,698.56 + 88.10 + 21.60 + 84,635.47 + 184.70 = 87,628.43 vs 87,628.42.
      'T2 合计 fiscal = Σ类: printed 87628.42, sum 87628.43',
      'T2 22102 fiscal = Σ下级: printed 184.70, sum 184.69',
      // 支出决算表 合计: 608.93 + 87,009.71 = 87,618.64, printed 87,618.63.
      'T3 total row total: printed 87618.63, sum 87618.64',
      // 支出决算表 20113: 322.84 + 1,847.89 = 2,170.73, printed 2,170.72.
      'T3 20113 row total: printed 2170.72, sum 2170.73',
      // 支出决算表 类 rows 2,697.08 + 79.79 + 21.60 + 84,635.47 + 184.70 = 87,618.64 vs 87,618.63.
      'T3 合计 total = Σ类: printed 87618.63, sum 87618.64',
      // 支出决算表 201 prints 2,697.08 while 20113 + 20199 = 2,170.72 + 526.35 = 2,697.07.
      'T3 201 total = Σ下级: printed 2697.08, sum 2697.07',
      'T3 20113 total = Σ下级: printed 2170.72, sum 2170.73',
      'T3 22102 total = Σ下级: printed 184.70, sum 184.69',
      'T3 22102 basic = Σ下级: printed 184.70, sum 184.69',
      // 一般公共预算财政拨款支出决算表 201: 322.84 + 2,374.24 = 2,697.08, printed 2,697.07.
      'T5 201 row total: printed 2697.07, sum 2697.08',
      'T5 20113 row total: printed 2170.72, sum 2170.73',
      'T5 20113 total = Σ下级: printed 2170.72, sum 2170.73',
      'T5 22102 total = Σ下级: printed 184.70, sum 184.69',
      // 基本支出 by 类: 322.84 + 79.79 + 21.60 + 184.70 = 608.93, 合计 prints 608.92.
      'T5 合计 basic = Σ类: printed 608.92, sum 608.93',
      'T5 22102 basic = Σ下级: printed 184.70, sum 184.69',
      // 收入支出决算总表: class rows sum to 87,618.64, 本年支出合计 prints 87,618.63 …
      'T1 本年支出合计: printed 87618.63, sum 87618.64',
      // … and 87,618.63 + 0.00 + 9.81 = 87,628.44, 支出总计 prints 87,628.45.
      'T1 支出总计: printed 87628.45, sum 87628.44',
      // 财政拨款收入支出决算总表: 年末财政拨款结转和结余 prints 9.79, its fund rows (行次 55, 56) print 0.00 each.
      'T4 年末结转 total: printed 9.79, sum 0.00',
      'T4 年末结转 general: printed 9.79, sum 0.00',
      // 基本支出表: 302 prints 57.56, its 款 sum to 57.57.
      'T6 302 = Σ款: printed 57.56, sum 57.57',
    ]);
  });

  it('spot-checks cells by value, blanks as blanks', () => {
    const cell = (n: number, key: string, col: string) => row(table(golden, n), key).cells[col];
    const printed = (n: number, key: string, col: string) => {
      const c = cell(n, key, col);
      return c?.kind === 'amount' ? c.text : c?.kind;
    };
    assert.equal(printed(6, '30231', 'amount'), '1.00');
    assert.equal(printed(6, '30239', 'amount'), '20.73');
    assert.equal(printed(6, '30299', 'amount'), '3.45');
    for (const blank of ['30310', '30399', '30240', '39999']) assert.equal(printed(6, blank, 'amount'), 'blank', blank);
    assert.equal(printed(6, 'total.personnel', 'amount'), '551.06');
    assert.equal(printed(6, 'total.public', 'amount'), '57.86');
    assert.equal(printed(7, 'total', 'actual.total'), '3.22');
    assert.equal(printed(7, 'total', 'budget.total'), '9.00');
    assert.equal(printed(7, 'total', 'actual.reception'), '2.22');
    assert.equal(printed(1, 'expense.carryOut', 'amount'), '9.81');
    assert.equal(printed(1, 'expense.201', 'amount'), '2697.08');
    assert.equal(printed(5, '201', 'total'), '2697.07');
    assert.equal(printed(2, '2080505', 'total'), '58.72');
    assert.equal(printed(5, '2080505', 'basic'), '50.41');
    assert.equal(printed(8, 'total', 'carryOut'), '0.00');
    assert.equal(row(table(golden, 1), 'expense.219').lineNo, '42');
    assert.equal(row(table(golden, 2), '2080505').label, '机关事业单位基本养老保险缴费支出');
    assert.equal(row(table(golden, 6), '302').label, '商品和服务支出');
    assert.deepEqual(
      golden.tables.map((t) => [t.number, t.tableNo]),
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => [n, `公开0${n}表`]),
    );
    assert.equal(table(golden, 7).notes.length, 1);
    assert.match(table(golden, 7).notes[0]?.text ?? '', /以前年度结转资金安排的实际支出。$/);
    // 79 经济分类 codes (301 ×14, 303 ×12, 302 ×28, 307 ×3, 310 ×17, 399 ×5) and the two footers.
    assert.equal(table(golden, 6).rows.length, 79 + 2);
  });

  it('reads the narrative, the glossary, the outline and the facts', () => {
    assert.equal(golden.glossary.length, 19);
    assert.equal(golden.glossary[0]?.term, '一般公共预算拨款收入');
    assert.equal(golden.glossary[18]?.term, '机关运行经费');
    assert.deepEqual(
      golden.narrative.map((s) => s.numbering),
      ['一、', '二、', '三、'],
    );
    const part3 = golden.narrative[2];
    assert.deepEqual(
      part3?.children.map((s) => s.numbering),
      ['（一）', '(二）', '（三）', '（四）', '（五）', '（六）', '（七）', '（八）', '（九）', '（十）'],
    );
    assert.equal(part3?.children[8]?.children[0]?.children[0]?.numbering, '（1 )');
    assert.equal(golden.contents.length, 43);
    const fact = (key: string) => golden.facts.find((f) => f.key === key);
    assert.equal(fact('three_public.vehicles.held')?.value.text, '1');
    assert.equal(fact('three_public.reception.batches')?.value.text, '16');
    assert.equal(fact('three_public.reception.persons')?.value.text, '152');
    assert.equal(fact('operating_cost.amount')?.value.text, '57.86');
    assert.equal(fact('procurement.total')?.value.text, '9.08');
    assert.equal(fact('procurement.sme.share')?.value.text, '100');
    assert.equal(fact('assets.vehicles.total')?.value.text, '0');
  });
});
