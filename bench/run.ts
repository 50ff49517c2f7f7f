// npm run bench: runs every bench/*.bench.ts module's exported run(), one after the other.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const modules = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let failed = 0;
for (const f of modules) {
  process.stdout.write(`\n== ${f} ==\n`);
  try {
    const mod = (await import(pathToFileURL(path.join(here, f)).href)) as { run?: () => Promise<unknown> | unknown };
    if (typeof mod.run !== 'function') throw new Error('no exported run()');
    await mod.run();
  } catch (e) {
    failed++;
    process.stdout.write(`失败 / failed: ${f}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
