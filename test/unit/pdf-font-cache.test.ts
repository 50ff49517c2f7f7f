// The PDF's CJK faces: subsets made by hb-subset once and kept in a cache folder, widened for characters beyond
// GB 2312, and the whole Noto CJK collections when no subset can be made.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

const cacheRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-fonts-'));
// Read by the PDF printing below, when it first loads its faces.
process.env.JUESUAN_CACHE_DIR = path.join(cacheRoot, 'print');

const { baseCodePoints, codePointsOf, fontCacheDir, loadFaces } = await import('../../src/render/pdf-fonts.mjs');
const { printPdf } = await import('../../src/render/pdf-print.mjs');

const NO_TOOL = path.join(cacheRoot, 'no-such-hb-subset');
/** 堃 (U+5803) is in GBK but not in GB 2312. */
const KUN = 0x5803;

function otfFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.otf'));
}

describe('PDF font subsets', () => {
  it('the base set holds GB 2312 (6,763 hanzi, 圳 of 深圳 among them) and ASCII, not 堃 or private use', () => {
    const base = baseCodePoints();
    const hanzi = [...base].filter((c) => c >= 0x4e00 && c <= 0x9fff);
    assert.equal(hanzi.length, 6763);
    for (const ch of '深圳决算—，。（）%A0') assert.ok(base.has(ch.codePointAt(0) ?? 0), ch);
    assert.ok(!base.has(KUN));
    assert.ok(![...base].some((c) => c >= 0xe000 && c <= 0xf8ff));
  });

  it('code points of a text: one for a character beyond the BMP (𠀀), none for control characters', () => {
    assert.deepEqual(
      [...codePointsOf('决\n算\t1𠀀')].sort((a, b) => a - b),
      [0x31, 0x51b3, 0x7b97, 0x20000],
    );
  });

  it('the cache folder follows JUESUAN_CACHE_DIR, then XDG_CACHE_HOME, then ~/.cache', () => {
    assert.equal(fontCacheDir({ JUESUAN_CACHE_DIR: '/c' }), '/c/fonts');
    assert.equal(fontCacheDir({ XDG_CACHE_HOME: '/x' }), '/x/juesuan/fonts');
    assert.equal(fontCacheDir({}), path.join(os.homedir(), '.cache', 'juesuan', 'fonts'));
  });

  it('makes the subsets once, then reads them from the cache without hb-subset', async () => {
    const cacheDir = path.join(cacheRoot, 'once');
    const made = await loadFaces(undefined, { cacheDir });
    assert.equal(made.serif.family, undefined, 'a subset, not a face of the collection');
    assert.ok(made.serif.codePoints?.has('决'.codePointAt(0) ?? 0));
    assert.ok(made.serif.bytes.length < 8_000_000, `${made.serif.bytes.length} bytes`);
    assert.equal(made.serif.bytes.subarray(0, 4).toString('latin1'), 'OTTO');
    assert.equal(otfFiles(cacheDir).length, 2);

    const cached = await loadFaces(undefined, { cacheDir, tool: NO_TOOL });
    assert.equal(cached.serif.family, undefined, 'read from the cache');
    assert.ok(cached.serif.bytes.equals(made.serif.bytes));
    assert.ok(cached.bold.bytes.equals(made.bold.bytes));
  });

  it('widens the cached subsets for a character beyond them, and keeps one file per face', async () => {
    const cacheDir = path.join(cacheRoot, 'widen');
    await loadFaces(undefined, { cacheDir });
    const before = otfFiles(cacheDir);
    const wide = await loadFaces(new Set([KUN]), { cacheDir });
    assert.ok(wide.serif.codePoints?.has(KUN));
    assert.ok(wide.bold.codePoints?.has(KUN));
    const after = otfFiles(cacheDir);
    assert.equal(after.length, 2);
    assert.notDeepEqual(after.sort(), before.sort());
    const index = JSON.parse(fs.readFileSync(path.join(cacheDir, 'NotoSerifCJKsc-Regular.json'), 'utf8'));
    assert.ok(index.text.includes('堃'));
    // Widened for good: the next build finds it in the cache.
    const again = await loadFaces(new Set([KUN]), { cacheDir, tool: NO_TOOL });
    assert.ok(again.serif.codePoints?.has(KUN));
  });

  it('uses the whole collections when hb-subset cannot be run', async () => {
    const cacheDir = path.join(cacheRoot, 'no-tool');
    const whole = await loadFaces(undefined, { cacheDir, tool: NO_TOOL });
    assert.equal(whole.serif.family, 'NotoSerifCJKsc-Regular');
    assert.equal(whole.bold.family, 'NotoSansCJKsc-Bold');
    assert.equal(whole.serif.codePoints, undefined, 'every character of the collection');
    assert.equal(whole.serif.bytes.subarray(0, 4).toString('latin1'), 'ttcf');
  });

  it('makes the subsets in memory where the cache folder cannot be made, leaving no file behind', async () => {
    const blocker = path.join(cacheRoot, 'a-file');
    fs.writeFileSync(blocker, '');
    const leftovers = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('NotoS'));
    const before = leftovers();
    const faces = await loadFaces(undefined, { cacheDir: path.join(blocker, 'fonts') });
    assert.equal(faces.serif.family, undefined, 'a subset');
    assert.ok(faces.serif.codePoints?.has('决'.codePointAt(0) ?? 0));
    assert.deepEqual(leftovers(), before);
  });

  it('does not use a cached subset made from another version of the font file', async () => {
    const cacheDir = path.join(cacheRoot, 'stale');
    await loadFaces(undefined, { cacheDir });
    const indexFile = path.join(cacheDir, 'NotoSerifCJKsc-Regular.json');
    const index = JSON.parse(fs.readFileSync(indexFile, 'utf8'));
    fs.writeFileSync(indexFile, JSON.stringify({ ...index, size: index.size + 1 }));
    const faces = await loadFaces(undefined, { cacheDir, tool: NO_TOOL });
    assert.equal(faces.serif.family, 'NotoSerifCJKsc-Regular', 'stale entry not used');
  });

  it('a printed document with 堃 carries its glyph (the text reads back), and the cache was widened for it', async () => {
    const pdf = await printPdf({
      defaultStyle: { font: 'Serif' },
      content: [
        { text: '堃 决算', font: 'Serif' },
        { text: '堃', font: 'Sans' },
      ],
    });
    const file = path.join(cacheRoot, 'kun.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    assert.match(text, /堃 决算/);
    assert.match(text, /^堃$/m);
    const index = JSON.parse(fs.readFileSync(path.join(fontCacheDir(), 'NotoSansCJKsc-Bold.json'), 'utf8'));
    assert.ok(index.text.includes('堃'));
  });
});
