// pdfmake set-up and printing, the one source for both pdf.ts (this thread) and pdf-worker.mjs (the PDF thread).
// Plain JavaScript, so that the worker starts without the TypeScript loader.
import { closeSync, fstatSync, openSync, read } from 'node:fs';
import { createRequire } from 'node:module';

const FONT_DIR = '/usr/share/fonts/opentype/noto/';
// Two faces only (loading a CJK collection is the slow part): serif for text, bold sans for headings and emphasis.
const SERIF_FILE = 'NotoSerifCJK-Regular.ttc';
const SANS_BOLD_FILE = 'NotoSansCJK-Bold.ttc';
const SERIF = [SERIF_FILE, 'NotoSerifCJKsc-Regular'];
const BOLD = [SANS_BOLD_FILE, 'NotoSansCJKsc-Bold'];

/** Table rules and cell padding in points (the table layout "juesuan"), and the page footer's style. */
export const PDF_TABLE = { line: 0.5, padX: 2, padY: 1 };
const PDF_FOOTER = { fontSize: 8, margin: [0, 10, 0, 0] };

/**
 * A whole file in one read on the thread pool, so that it is read while this thread loads pdfmake.
 * @param {string} path
 * @returns {Promise<Buffer>}
 */
function readWhole(path) {
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(fstatSync(fd).size);
  return new Promise((resolve, reject) => {
    let at = 0;
    const next = () =>
      read(fd, buf, at, buf.length - at, at, (e, n) => {
        if (e || n === 0) {
          closeSync(fd);
          if (e) reject(e);
          else if (at < buf.length) reject(new Error(`${path}: short read`));
          else resolve(buf);
          return;
        }
        at += n;
        if (at < buf.length) next();
        else {
          closeSync(fd);
          resolve(buf);
        }
      });
    next();
  });
}

/** @type {Promise<any> | undefined} */
let loading;

/**
 * pdfkit has fontkit open a font from its bytes anew for every document; the tables of a CJK font take a while to
 * read. fontkit reads a face of a collection (.ttc) with getFont: that is made to give the face it gave before for
 * the same bytes, so each face is read once per thread (a fontkit font holds no state of a document), and the
 * faces used are read at once, while no document waits.
 * @param {NodeRequire} pdfmakeRequire
 * @param {[Buffer, string][]} faces
 */
function shareFaces(pdfmakeRequire, faces) {
  const fontkit = createRequire(pdfmakeRequire.resolve('pdfkit'))('fontkit');
  const first = faces[0];
  if (!first) return;
  const collection = Object.getPrototypeOf(fontkit.create(first[0]));
  const getFont = collection.getFont;
  /** @type {WeakMap<Uint8Array, Map<string, unknown>>} */
  const read = new WeakMap();
  /** @this {{ stream: { buffer: Uint8Array } }} @param {string} name */
  collection.getFont = function (name) {
    let byName = read.get(this.stream.buffer);
    if (!byName) {
      byName = new Map();
      read.set(this.stream.buffer, byName);
    }
    let face = byName.get(name);
    if (face === undefined) {
      face = getFont.call(this, name);
      byName.set(name, face);
    }
    return face;
  };
  for (const [bytes, name] of faces) {
    const face = fontkit.create(bytes, name);
    // The tables pdfkit reads: outlines, metrics, character map, substitutions and positions.
    face.createSubset();
    face.getGlyph(0).advanceWidth;
    face.layout('决算');
  }
}

/**
 * pdfmake with the two font files in its in-memory file system, once per thread.
 * @returns {Promise<any>}
 */
export function loadPdfmake() {
  loading ??= (async () => {
    const files = [SERIF_FILE, SANS_BOLD_FILE].map((f) => readWhole(`${FONT_DIR}${f}`));
    const require = createRequire(import.meta.url);
    const m = require('pdfmake');
    m.setUrlAccessPolicy(() => false);
    m.setLocalAccessPolicy(() => false);
    const { line, padX, padY } = PDF_TABLE;
    m.setTableLayouts({
      juesuan: {
        hLineWidth: () => line,
        vLineWidth: () => line,
        paddingLeft: () => padX,
        paddingRight: () => padX,
        paddingTop: () => padY,
        paddingBottom: () => padY,
      },
    });
    const [serif, bold] = await Promise.all(files);
    m.virtualfs.writeFileSync(SERIF_FILE, serif);
    m.virtualfs.writeFileSync(SANS_BOLD_FILE, bold);
    shareFaces(createRequire(require.resolve('pdfmake')), [
      [serif, SERIF[1]],
      [bold, BOLD[1]],
    ]);
    return m;
  })();
  return loading;
}

/** Font table with fresh arrays each time: pdfmake replaces a path in them by the file's bytes. */
function fonts() {
  const serif = () => [...SERIF];
  const bold = () => [...BOLD];
  return {
    Serif: { normal: serif(), bold: bold(), italics: serif(), bolditalics: bold() },
    Sans: { normal: bold(), bold: bold(), italics: bold(), bolditalics: bold() },
  };
}

/**
 * Prints a pdfmake document (plain data, see pdfDocument in pdf.ts) with the page footer "— 3 / 23 —".
 * @param {Record<string, unknown>} doc
 * @returns {Promise<Buffer>}
 */
export async function printPdf(doc) {
  const m = await loadPdfmake();
  m.setFonts(fonts());
  const full = {
    ...doc,
    footer: (page, pages) => ({ text: `— ${page} / ${pages} —`, alignment: 'center', ...PDF_FOOTER }),
  };
  return m.createPdf(full).getBuffer();
}
