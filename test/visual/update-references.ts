// Regenerates the reference PNGs (review them before committing): node --import tsx test/visual/update-references.ts
import fs from 'node:fs';
import path from 'node:path';
import { REFERENCE_DIR, seedPages } from './pages.ts';

for (const f of fs.readdirSync(REFERENCE_DIR)) if (f.endsWith('.png')) fs.rmSync(path.join(REFERENCE_DIR, f));
for (const p of await seedPages()) fs.writeFileSync(path.join(REFERENCE_DIR, p.name), p.png);
process.stdout.write(`${fs.readdirSync(REFERENCE_DIR).length} reference pages written to ${REFERENCE_DIR}\n`);
