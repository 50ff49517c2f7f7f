// Golden: the empty official Shanghai 2024 template (WPS PDF, 23 pages) imports as a template: all nine tables
// recognised with their columns from the header cells alone, every cell blank.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { importPdfHere } from '../../src/import/pdf/read.ts';
import type { Disclosure } from '../../src/model/disclosure.ts';
import { SHANGHAI_2024 } from '../../src/model/templates.ts';

describe('golden: shanghai-2024-template.pdf', () => {
  let d: Disclosure;
  before(async () => {
    d = await importPdfHere('test/fixtures/samples/shanghai-2024-template.pdf');
  });

  it('recognises all nine tables with every template column', () => {
    assert.equal(d.meta.template, 'shanghai-2024');
    assert.equal(d.meta.fiscalYear, 2024);
    assert.deepEqual(
      d.tables.map((t) => t.kind),
      SHANGHAI_2024.tables.map((t) => t.kind),
    );
    for (const t of d.tables) {
      const def = SHANGHAI_2024.tables.find((x) => x.kind === t.kind);
      const want = new Set(def?.columns.map((c) => `${c.side ?? ''}:${c.id}`));
      const got = new Set(t.columns.map((c) => `${c.side ?? ''}:${c.id}`));
      assert.deepEqual(got, want, `columns of table ${t.number}`);
      assert.deepEqual(t.unread, [], `table ${t.number} unread`);
    }
  });

  it('has no figures: every cell is blank', () => {
    for (const t of d.tables)
      for (const r of t.rows)
        for (const [id, c] of Object.entries(r.cells)) assert.equal(c.kind, 'blank', `${t.number}/${r.key}/${id}`);
  });

  it('keeps the fixed rows and the example rows the template prints', () => {
    const t1 = d.tables[0];
    assert.ok(
      t1?.rows.some((r) => r.key === 'expense.234'),
      '抗疫特别国债安排的支出',
    );
    assert.ok(t1?.rows.some((r) => r.key === 'income.capital'));
    const t6 = d.tables.find((t) => t.kind === 'general_budget_basic');
    assert.ok(t6?.rows.some((r) => r.code === '30311' && r.label === '代缴社会保险费'));
    assert.ok(t6?.rows.some((r) => r.key === 'total.personnel'));
    assert.ok(t6?.rows.some((r) => r.key === 'total.public'));
    const t8 = d.tables.find((t) => t.kind === 'gov_fund');
    assert.ok(t8?.notes.some((n) => n.text.startsWith('说明：')));
  });
});
