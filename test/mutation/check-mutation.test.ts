// The mutation harness: one-point changes that make a document wrong must be caught.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sample } from '../../src/check/fixtures/sample.ts';
import { mutations, runMutations } from '../../src/check/mutate.ts';
import { loadSeed } from '../golden/seed-findings.fixture.ts';

describe('mutation harness', () => {
  it('catches every mutant of the clean sample', () => {
    const r = runMutations(sample());
    assert.ok(r.total > 150, `only ${r.total} mutants`);
    assert.ok(r.caught / r.total >= 0.95, `caught ${r.caught}/${r.total}; missed:\n${r.missed.join('\n')}`);
  });

  it('catches ≥95% of a spread of seed mutants (every 7th; all in npm run bench)', () => {
    const d = loadSeed();
    const all = mutations(d);
    assert.ok(all.length >= 500, `only ${all.length} mutants`);
    const r = runMutations(
      d,
      all.filter((_, i) => i % 7 === 0),
    );
    assert.ok(r.caught / r.total >= 0.95, `caught ${r.caught}/${r.total}; missed:\n${r.missed.join('\n')}`);
  });

  it('mutants change the document and leave the original untouched', () => {
    const d = sample();
    const before = JSON.stringify(d, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
    const m = mutations(d)[0];
    assert.ok(m);
    const copy = structuredClone(d);
    m.apply(copy);
    assert.notEqual(
      JSON.stringify(copy, (_, v) => (typeof v === 'bigint' ? v.toString() : v)),
      before,
    );
    assert.equal(
      JSON.stringify(d, (_, v) => (typeof v === 'bigint' ? v.toString() : v)),
      before,
    );
  });
});
