// Compiles src/ to dist/ (plain JavaScript, same layout) and stamps the time, so bin/juesuan.js can tell the
// compiled CLI is current.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const root = new URL('../', import.meta.url);
rmSync(new URL('dist', root), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
writeFileSync(new URL('dist/.built', root), `${new Date().toISOString()}\n`);
