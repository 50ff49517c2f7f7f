// The seed as the checker sees it: the hand-checked golden import, with the hand-checked performance annexes
// attached when the golden file does not carry them yet.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { type Disclosure, PerformanceEvaluationSchema } from '../../src/model/disclosure.ts';
import { fromJson } from '../../src/model/json.ts';

export const SEED_GOLDEN = 'test/golden/seed.disclosure.json';
export const SEED_PERFORMANCE = 'test/golden/seed-performance.json';

export function loadSeed(): Disclosure {
  const d = fromJson(readFileSync(SEED_GOLDEN, 'utf8'), SEED_GOLDEN);
  if (d.performance.length === 0 && existsSync(SEED_PERFORMANCE)) {
    d.performance = z.array(PerformanceEvaluationSchema).decode(JSON.parse(readFileSync(SEED_PERFORMANCE, 'utf8')));
    // the annexes are now read: drop the importer's "annexes not read" note
    d.unread = d.unread.filter((u) => !/附件|annex/.test(u.what));
  }
  return d;
}
