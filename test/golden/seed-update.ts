// Regenerates test/golden/seed.disclosure.json from the seed text. Run by hand, then CHECK the diff against
// the seed by eye before committing: the golden file is the hand-checked reference, not the importer's output.
//   node --import tsx test/golden/seed-update.ts
import { writeFileSync } from 'node:fs';
import { importFile } from '../../src/import/index.ts';
import { toJson } from '../../src/model/json.ts';

export const SEED = 'test/fixtures/seed/shenzhen-fupin-2019.txt';
export const GOLDEN = 'test/golden/seed.disclosure.json';

const d = await importFile(SEED);
writeFileSync(GOLDEN, toJson(d));
process.stdout.write(`wrote ${GOLDEN}\n`);
