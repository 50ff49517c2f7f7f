// Folder import and the worker pool: parsing runs off the main thread (timers keep firing meanwhile), the
// TypeScript loader works inside the workers, one bad file does not stop the others, and the CLI reports.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { command as importDir } from '../../src/cli/import-dir.ts';
import { importMany, listImportable } from '../../src/import/pdf/batch.ts';
import { PdfPool } from '../../src/import/pdf/pool.ts';
import { fromJson } from '../../src/model/json.ts';

const TEMPLATE = 'test/fixtures/samples/shanghai-2024-template.pdf';
const dir = mkdtempSync(path.join(tmpdir(), 'juesuan-pdf-batch-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('PDF worker pool', () => {
  it('imports in worker threads while the main thread keeps running', async () => {
    const pool = new PdfPool(1);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const t0 = performance.now();
    const d = await pool.import(TEMPLATE);
    const ms = performance.now() - t0;
    clearInterval(timer);
    await pool.close();
    assert.equal(d.tables.length, 9);
    assert.equal(typeof d.tables[0]?.rows[0]?.cells.amount, 'object');
    // A blocked main thread would leave the 10 ms timer silent for the whole import.
    assert.ok(ticks >= Math.min(20, ms / 40), `${ticks} ticks in ${ms.toFixed(0)} ms`);
  });

  it('survives a bad file and serves the next job', async () => {
    const pool = new PdfPool(1);
    const bad = path.join(dir, 'bad.pdf');
    writeFileSync(bad, '%PDF-1.4\ngarbage');
    await assert.rejects(pool.import(bad), /bad\.pdf/);
    const d = await pool.import(TEMPLATE);
    assert.equal(d.meta.template, 'shanghai-2024');
    await pool.close();
    await assert.rejects(pool.import(TEMPLATE), /closed/);
  });
});

describe('folder import', () => {
  const folder = path.join(dir, 'in');
  it('lists PDFs and texts, imports them all, keeps each error with its file', async () => {
    rmSync(folder, { recursive: true, force: true });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(folder);
    copyFileSync(TEMPLATE, path.join(folder, 'a-template.pdf'));
    writeFileSync(path.join(folder, 'b-empty.pdf'), '');
    writeFileSync(path.join(folder, 'c-notes.md'), 'not importable');
    const files = await listImportable(folder);
    assert.deepEqual(
      files.map((f) => path.basename(f)),
      ['a-template.pdf', 'b-empty.pdf'],
    );
    const seen: string[] = [];
    const results = await importMany(files, {
      onDone: (r, done, total) => seen.push(`${done}/${total} ${path.basename(r.file)}`),
    });
    assert.deepEqual(seen.map((s) => s.split(' ')[0]).sort(), ['1/2', '2/2']);
    assert.equal(results[0]?.disclosure?.tables.length, 9);
    assert.match(results[1]?.error ?? '', /b-empty\.pdf.*(空|empty)/);
    assert.equal(results[1]?.internal, false);
  });

  it('import-dir writes one file per document, reports on stderr and fails when a file failed', async () => {
    const out = path.join(dir, 'out');
    const writes: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    let code: number;
    try {
      code = await importDir.run([folder, '--out', out, '--jobs', '2']);
      assert.equal(await importDir.run(['--format', 'xml', folder]), 2);
    } finally {
      process.stderr.write = write;
    }
    assert.equal(code, 1);
    const json = path.join(out, 'a-template.json');
    assert.ok(existsSync(json));
    assert.equal(fromJson(readFileSync(json, 'utf8'), json).tables.length, 9);
    const log = writes.join('');
    assert.match(log, /✓ a-template\.pdf/);
    assert.match(log, /✗ .*b-empty\.pdf/);
    assert.match(log, /2 个文件 \/ files, 1 成功 \/ ok, 1 失败 \/ failed/);
    assert.match(log, /不支持的格式 \/ unsupported format: xml/);
  });

  it('import-dir into a folder that cannot be made: an input error with the path and reason, before any import', async () => {
    const blocker = path.join(dir, 'a-file');
    writeFileSync(blocker, '');
    await assert.rejects(importDir.run([folder, '--out', path.join(blocker, 'out')]), (e: Error) => {
      assert.match(e.message, /无法建立输出文件夹 \/ cannot make the output folder: ENOTDIR/);
      return true;
    });
  });
});
