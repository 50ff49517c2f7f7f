// Regenerates test/golden/seed.disclosure.json from the seed text. Run by hand, then CHECK the diff against
// the seed by eye before committing: the golden file is the hand-checked reference, not the importer's output.
//   node --import tsx test/golden/seed-update.ts
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { importFile } from '../../src/import/index.ts';
import { toJson } from '../../src/model/json.ts';

export const SEED = 'test/fixtures/seed/shenzhen-fupin-2019.txt';
export const GOLDEN = 'test/golden/seed.disclosure.json';

const d = await importFile(SEED);
writeFileSync(GOLDEN, toJson(d));
// Formatted like every other file in the tree, so `npm run lint` stays clean; the test compares parsed JSON.
spawnSync('npx', ['biome', 'format', '--write', GOLDEN], { stdio: 'inherit' });
process.stdout.write(`wrote ${GOLDEN}\n`);
