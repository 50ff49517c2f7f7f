// The two CJK faces of the PDF. A Noto CJK collection is 20–26 MB and its 65,535 glyphs take most of a build's
// font time, so the faces are subsets (GB 2312 and ASCII, widened by any other character a document uses) made by
// HarfBuzz's hb-subset and kept in a cache folder; the whole collection is used where hb-subset cannot be run.
// Plain JavaScript, loaded by the PDF thread.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { makeFolder } from '../util/make-folder.mjs';

export const FONT_DIR = '/usr/share/fonts/opentype/noto/';

/** @typedef {{ file: string, name: string }} FaceSource a face of a collection: file name and PostScript name */
/** @type {{ serif: FaceSource, bold: FaceSource }} serif for text, bold sans for headings and emphasis */
export const FACE_SOURCES = {
  serif: { file: 'NotoSerifCJK-Regular.ttc', name: 'NotoSerifCJKsc-Regular' },
  bold: { file: 'NotoSansCJK-Bold.ttc', name: 'NotoSansCJKsc-Bold' },
};

/**
 * A face ready for pdfkit: its bytes, the PostScript name to pick it from a collection (none for a subset), and
 * the code points it was made for (none: the whole collection, every character it has).
 * @typedef {{ bytes: Buffer, family: string | undefined, codePoints: Set<number> | undefined }} Face
 */
/** @typedef {{ serif: Face, bold: Face }} Faces */

/**
 * @typedef {object} FontOptions
 * @property {string} [cacheDir] where subsets are kept (default: fontCacheDir())
 * @property {string} [tool] the hb-subset command
 * @property {string} [fontDir] where the Noto CJK collections are
 * @property {(bytes: Uint8Array) => { fonts: { postscriptName: string }[] }} [openCollection] reads a collection's faces
 */

/** `$JUESUAN_CACHE_DIR/fonts`, else `$XDG_CACHE_HOME/juesuan/fonts`, else `~/.cache/juesuan/fonts`. */
export function fontCacheDir(env = process.env) {
  if (env.JUESUAN_CACHE_DIR) return join(env.JUESUAN_CACHE_DIR, 'fonts');
  const home = homedir();
  const base = env.XDG_CACHE_HOME || (home ? join(home, '.cache') : tmpdir());
  return join(base, 'juesuan', 'fonts');
}

/** Names the base set below; a cached subset made for another base set is made anew. */
const BASE_SET = 'ascii+gb2312';
/** @type {Set<number> | undefined} */
let base;

/** Printable ASCII and the rows of GB 2312 (symbols, both levels of hanzi) as GB 18030 reads them, private use left out. */
export function baseCodePoints() {
  if (base) return base;
  base = new Set();
  for (let c = 0x20; c < 0x7f; c++) base.add(c);
  const pairs = [];
  for (let row = 0xa1; row <= 0xf7; row++) {
    if (row > 0xa9 && row < 0xb0) continue;
    for (let cell = 0xa1; cell <= 0xfe; cell++) pairs.push(row, cell);
  }
  // Each pair reads as one character of the Basic Multilingual Plane; unassigned cells as private use.
  for (const ch of new TextDecoder('gb18030').decode(new Uint8Array(pairs))) {
    const c = /** @type {number} */ (ch.codePointAt(0));
    if (c >= 0x80 && c !== 0xfffd && !(c >= 0xe000 && c <= 0xf8ff)) base.add(c);
  }
  return base;
}

/** The characters of a text as code points, control characters left out. @param {string} text */
export function codePointsOf(text) {
  const out = new Set();
  for (let i = 0; i < text.length; i++) {
    const c = /** @type {number} */ (text.codePointAt(i));
    if (c > 0xffff) i++;
    if (c >= 0x20 && (c < 0x7f || c > 0x9f)) out.add(c);
  }
  return out;
}

/** @param {Set<number>} want @param {Set<number> | undefined} have */
export function covers(have, want) {
  if (!have) return true;
  for (const c of want) if (!have.has(c)) return false;
  return true;
}

/**
 * The two faces for the given characters (at least the base set): subsets from the cache or made now, else the
 * whole collections.
 * @param {Set<number>} [extra] characters a document needs beyond what is cached
 * @param {FontOptions} [options]
 * @returns {Promise<Faces>}
 */
export async function loadFaces(extra = new Set(), options = {}) {
  const [serif, bold] = await Promise.all([
    subsetFace(FACE_SOURCES.serif, extra, options),
    subsetFace(FACE_SOURCES.bold, extra, options),
  ]);
  if (serif && bold) return { serif, bold };
  return wholeFaces(options);
}

/** @param {FontOptions} options @returns {Faces} */
function wholeFaces(options) {
  const dir = options.fontDir ?? FONT_DIR;
  /** @param {FaceSource} s @returns {Face} */
  const whole = (s) => {
    const path = join(dir, s.file);
    try {
      return { bytes: readFileSync(path), family: s.name, codePoints: undefined };
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new Error(`缺少字体 ${path}（Debian：apt-get install fonts-noto-cjk） / font missing: ${why}`);
    }
  };
  return { serif: whole(FACE_SOURCES.serif), bold: whole(FACE_SOURCES.bold) };
}

/**
 * What the cache holds for a face: the source it was made from (path, size, time), the base set and every character
 * asked for.
 * @typedef {{ source: string, size: number, mtimeMs: number, base: string, file: string, text: string }} CacheEntry
 */

/**
 * The cached subset of a face when it was made from this very font file for every character wanted; else a new one
 * for the cached characters, the base set and the wanted ones, kept for the next time. Undefined when no subset
 * can be made.
 * @param {FaceSource} face @param {Set<number>} extra @param {FontOptions} options
 * @returns {Promise<Face | undefined>}
 */
async function subsetFace(face, extra, options) {
  const source = join(options.fontDir ?? FONT_DIR, face.file);
  let stat;
  try {
    stat = statSync(source);
  } catch {
    return undefined;
  }
  const dir = options.cacheDir ?? fontCacheDir();
  const indexFile = join(dir, `${face.name}.json`);
  const entry = readEntry(indexFile, source, stat);
  const want = new Set(extra);
  if (entry) {
    const have = codePointsOf(entry.text);
    if (covers(have, want)) {
      try {
        // Read on the thread pool, while the caller loads pdfmake.
        return { bytes: await readFile(join(dir, entry.file)), family: undefined, codePoints: have };
      } catch {
        // Removed by another build widening the same cache: make it anew.
      }
    }
    for (const c of have) want.add(c);
  }
  for (const c of baseCodePoints()) want.add(c);
  const text = String.fromCodePoint(...[...want].sort((a, b) => a - b));
  const bytes = await makeSubset(source, face.name, want, dir, options);
  if (!bytes) return undefined;
  const file = `${face.name}-${createHash('sha256').update(`${source}\n${stat.size}\n${text}`).digest('hex').slice(0, 16)}.otf`;
  /** @type {CacheEntry} */
  const next = { source, size: stat.size, mtimeMs: stat.mtimeMs, base: BASE_SET, file, text };
  if (writeAtomically(join(dir, file), bytes) && writeAtomically(indexFile, JSON.stringify(next))) {
    if (entry && entry.file !== file) rmSync(join(dir, entry.file), { force: true });
  }
  return { bytes, family: undefined, codePoints: want };
}

/** @param {string} indexFile @param {string} source @param {import('node:fs').Stats} stat @returns {CacheEntry | undefined} */
function readEntry(indexFile, source, stat) {
  try {
    const e = JSON.parse(readFileSync(indexFile, 'utf8'));
    const fresh =
      e.source === source &&
      e.size === stat.size &&
      e.mtimeMs === stat.mtimeMs &&
      e.base === BASE_SET &&
      typeof e.text === 'string';
    return fresh && typeof e.file === 'string' ? e : undefined;
  } catch {
    return undefined;
  }
}

/** @param {string} dir */
function folderMade(dir) {
  try {
    makeFolder(dir);
    return true;
  } catch {
    return false;
  }
}

/** Temporary file, then rename: a reader never sees half a file. @param {string} path @param {Uint8Array | string} data */
function writeAtomically(path, data) {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    if (!folderMade(dirname(path))) return false;
    writeFileSync(tmp, data);
    renameSync(tmp, path);
    return true;
  } catch {
    rmSync(tmp, { force: true });
    return false;
  }
}

/**
 * Runs hb-subset on one face of the collection. Its temporary files go to the cache folder, or to the system's
 * temporary folder where the cache cannot be written.
 * @param {string} source @param {string} name @param {Set<number>} codePoints @param {string} dir
 * @param {FontOptions} options
 * @returns {Promise<Buffer | undefined>}
 */
async function makeSubset(source, name, codePoints, dir, options) {
  const index = faceIndex(source, name, options);
  if (index < 0) return undefined;
  const work = folderMade(dir) ? dir : tmpdir();
  const stem = join(work, `${name}.${process.pid}.${Math.random().toString(36).slice(2)}`);
  const list = `${stem}.unicodes`;
  const out = `${stem}.otf.tmp`;
  try {
    writeFileSync(list, [...codePoints].map((c) => c.toString(16)).join(','));
    const args = [`--face-index=${index}`, `--unicodes-file=${list}`, `--output-file=${out}`, source];
    await new Promise((resolve, reject) =>
      execFile(options.tool ?? 'hb-subset', args, { timeout: 60_000 }, (e) => (e ? reject(e) : resolve(undefined))),
    );
    const bytes = readFileSync(out);
    return bytes.length > 0 ? bytes : undefined;
  } catch {
    return undefined;
  } finally {
    rmSync(list, { force: true });
    rmSync(out, { force: true });
  }
}

/** Index of the face with this PostScript name in the collection, -1 if none. */
function faceIndex(/** @type {string} */ source, /** @type {string} */ name, /** @type {FontOptions} */ options) {
  try {
    const open = options.openCollection ?? fontkitModule().create;
    return open(readFileSync(source)).fonts.findIndex((f) => f.postscriptName === name);
  } catch {
    return -1;
  }
}

/** fontkit, the copy pdfkit (under pdfmake) uses. */
export function fontkitModule() {
  const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
  return createRequire(fromPdfmake.resolve('pdfkit'))('fontkit');
}
