// The compiled CLI (what `npm ci` builds into dist/) gives the same output as the TypeScript sources: compiled here
// into a folder of its own, then the seed text, the 2024 template PDF (through the PDF worker, which starts without
// the TypeScript loader when compiled) and a check report are compared byte for byte.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

// Same depth as dist/, so relative paths to data/ hold.
const OUT = 'dist-check';
const dir = mkdtempSync(join(tmpdir(), 'juesuan-compiled-'));
after(() => {
  rmSync(OUT, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

function run(entry: string[], args: string[]) {
  const r = spawnSync(process.execPath, [...entry, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const compiled = (...args: string[]) => run([`${OUT}/cli/main.js`], args);
const source = (...args: string[]) => run(['--import', 'tsx', 'src/cli/main.ts'], args);

describe('compiled CLI', () => {
  before(() => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', OUT], { stdio: 'inherit' });
  });

  it('compiles every module and copies the worker entries', () => {
    for (const f of ['cli/main.js', 'import/pdf/worker.js', 'import/pdf/worker-entry.mjs', 'render/pdf-worker.mjs']) {
      assert.ok(existsSync(join(OUT, f)), f);
    }
  });

  for (const [what, file] of [
    ['seed text', 'test/fixtures/seed/shenzhen-fupin-2019.txt'],
    ['template PDF', 'test/fixtures/samples/shanghai-2024-template.pdf'],
  ]) {
    it(`import ${what}: the same JSON as from the sources`, () => {
      const a = join(dir, `${what}-compiled.json`);
      const b = join(dir, `${what}-source.json`);
      assert.equal(compiled('import', file as string, '--out', a).code, 0);
      assert.equal(source('import', file as string, '--out', b).code, 0);
      assert.ok(readFileSync(a).equals(readFileSync(b)));
    });
  }

  it('check report: the same as from the sources', () => {
    const args = ['check', 'test/fixtures/seed/shenzhen-fupin-2019.txt', '--format', 'json', '--fail-on', 'never'];
    const a = compiled(...args);
    assert.equal(a.code, 0, a.err);
    assert.ok(a.out.length > 1000);
    assert.equal(a.out, source(...args).out);
  });
});
