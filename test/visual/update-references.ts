// Regenerates the reference PNGs of every example (review them before committing):
// node --import tsx test/visual/update-references.ts
import fs from 'node:fs';
import path from 'node:path';
import { EXAMPLES, examplePages, REFERENCE_DIR, referenceNames } from './pages.ts';

for (const x of EXAMPLES) {
  for (const f of referenceNames(x)) fs.rmSync(path.join(REFERENCE_DIR, f));
  const pages = await examplePages(x);
  for (const p of pages) fs.writeFileSync(path.join(REFERENCE_DIR, p.name), p.png);
  process.stdout.write(`${x.prefix}: ${pages.length} reference pages written to ${REFERENCE_DIR}\n`);
}
