import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATALOGUE } from '../../src/check/catalogue.ts';
import { check } from '../../src/check/engine.ts';
import { sample } from '../../src/check/fixtures/sample.ts';

describe('rule catalogue', () => {
  it('has unique ids, titles in both languages, a basis and fixtures for every rule', () => {
    const ids = CATALOGUE.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate rule ids');
    assert.ok(CATALOGUE.length >= 120, `only ${CATALOGUE.length} rules`);
    for (const r of CATALOGUE) {
      assert.ok(r.title.zh && r.title.en && r.basis, r.id);
      assert.ok(r.fixtures.length > 0, `${r.id} has no fixture`);
    }
  });

  for (const kind of ['2019', '2024'] as const) {
    it(`stays silent on the clean ${kind} sample (no rule fires, none skipped)`, () => {
      const r = check(sample(kind));
      assert.deepEqual(
        r.findings.map((f) => `${f.rule}: ${f.message}`),
        [],
      );
      assert.equal(r.coverage.skipped, 0);
      assert.ok(r.coverage.clean);
    });
  }
});

describe('every rule fires on its own fixture and stays silent on the clean sample', () => {
  for (const r of CATALOGUE) {
    r.fixtures.forEach((fx, i) => {
      it(`${r.id} #${i + 1}`, () => {
        const clean = check(sample(fx.sample ?? '2019'), { only: [r.id] });
        assert.equal(clean.findings.length, 0, `${r.id} fired on the clean sample: ${clean.findings[0]?.message}`);
        const d = sample(fx.sample ?? '2019');
        fx.fire(d);
        const res = check(d, { only: [r.id] });
        const entry = res.coverage.rules.find((e) => e.rule === r.id);
        assert.equal(entry?.status, 'ran', `${r.id} did not run: ${entry?.reason}`);
        assert.ok(res.findings.length > 0, `${r.id} did not fire on its fixture`);
        for (const f of res.findings) {
          assert.equal(f.rule, r.id);
          assert.ok(f.message.length > 0 && f.messageEn.length > 0);
        }
      });
    });
  }
});
