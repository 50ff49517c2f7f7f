// Honest failure: every bad input gives an InputError naming the file (and the problem), never a crash;
// unreadable pages of a readable document become `unread` entries.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { importFile } from '../../src/import/index.ts';
import { importPdf, importPdfBytes, importPdfHere } from '../../src/import/pdf/index.ts';
import { InputError } from '../../src/model/errors.ts';
import { imagePdf, textPdf } from '../fixtures/pdf/minimal.ts';

const TEMPLATE = 'test/fixtures/samples/shanghai-2024-template.pdf';
const dir = mkdtempSync(path.join(tmpdir(), 'juesuan-pdf-errors-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, data: Buffer | string): string {
  const p = path.join(dir, name);
  writeFileSync(p, data);
  return p;
}

async function rejectsWith(p: Promise<unknown>, file: string, pattern: RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof InputError, `not an InputError: ${String(e)}`);
    assert.equal(e.file, file);
    assert.match(e.message, pattern);
    return true;
  });
}

const hasQpdf = (() => {
  try {
    execFileSync('qpdf', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('PDF import: bad input', () => {
  it('a 0-byte file', async () => {
    const p = file('empty.pdf', Buffer.alloc(0));
    await rejectsWith(importPdfHere(p), p, /0 字节|empty/);
  });

  it('a file that is not a PDF', async () => {
    const p = file('letter.pdf', '这不是 PDF / this is not a PDF\n');
    await rejectsWith(importPdfHere(p), p, /不是 PDF|not a PDF/);
  });

  it('a missing file', async () => {
    const p = path.join(dir, 'missing.pdf');
    await rejectsWith(importPdfHere(p), p, /不存在|not found/);
  });

  it('a truncated PDF', async () => {
    const bytes = readFileSync(TEMPLATE);
    const p = file('truncated.pdf', bytes.subarray(0, Math.floor(bytes.length * 0.4)));
    // pdfjs may recover part of a cut file; either it says so per file, or the pages it lost are unread.
    try {
      const d = await importPdfHere(p);
      assert.ok(d.unread.length > 0 || d.tables.length < 9, 'a truncated file must not import as complete');
    } catch (e) {
      assert.ok(e instanceof InputError, `not an InputError: ${String(e)}`);
      assert.equal(e.file, p);
    }
  });

  it('an encrypted PDF', { skip: !hasQpdf && 'qpdf not installed' }, async () => {
    const p = path.join(dir, 'encrypted.pdf');
    execFileSync('qpdf', ['--encrypt', 'user-pw', 'owner-pw', '256', '--', TEMPLATE, p]);
    await rejectsWith(importPdfHere(p), p, /加密|encrypted/);
  });

  it('a scanned PDF without a text layer', async () => {
    const p = file('scan.pdf', imagePdf());
    await rejectsWith(importPdfHere(p), p, /没有文字层|no text layer/);
  });

  it('a PDF that is not a disclosure', async () => {
    const p = file('minutes.pdf', textPdf('Minutes of the meeting, 3 March'));
    await rejectsWith(importPdfHere(p), p, /不是部门决算公开文件|not a final-accounts disclosure/);
  });

  it('a scanned page inside a real disclosure becomes an unread entry for that page', {
    skip: !hasQpdf && 'qpdf not installed',
  }, async () => {
    const scan = file('one-scan.pdf', imagePdf());
    const p = path.join(dir, 'mixed.pdf');
    execFileSync('qpdf', ['--empty', '--pages', TEMPLATE, '1-3', scan, '1', TEMPLATE, '4-z', '--', p]);
    const d = await importPdfHere(p);
    const u = d.unread.find((x) => x.src?.page === 4);
    assert.ok(u, JSON.stringify(d.unread));
    assert.match(u.reason, /没有文字层|no text layer/);
    assert.equal(d.tables.length, 9);
  });

  it('through the worker pool and the format switch, errors keep file and message', async () => {
    const p = file('letter2.pdf', '%PDF-1.7\nnot really\n');
    await rejectsWith(importPdf(p), p, /PDF/);
    const q = file('scan2.pdf', imagePdf());
    await rejectsWith(importFile(q), q, /没有文字层|no text layer/);
  });

  it('bytes in memory are named by the given file name', async () => {
    await rejectsWith(importPdfBytes('upload.pdf', Buffer.from('hello')), 'upload.pdf', /不是 PDF|not a PDF/);
  });
});
