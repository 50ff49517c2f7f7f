// pdfmake set-up and printing, the one source for both pdf.ts (this thread) and pdf-worker.mjs (the PDF thread).
// Plain JavaScript, so that the worker starts without the TypeScript loader.
import { createRequire } from 'node:module';
import { codePointsOf, covers, fontkitModule, loadFaces } from './pdf-fonts.mjs';

/** Table rules and cell padding in points (the table layout "juesuan"), and the page footer's style. */
export const PDF_TABLE = { line: 0.5, padX: 2, padY: 1 };
const PDF_FOOTER = { fontSize: 8, margin: [0, 10, 0, 0] };

/** @type {Promise<any> | undefined} */
let loading;
/** @type {Promise<import('./pdf-fonts.mjs').Faces> | undefined} */
let faces;

/** @type {WeakMap<Uint8Array, unknown>} */
const readFonts = new WeakMap();
/** @type {any} */
let fontkit;

/**
 * A face read once per thread. pdfkit has fontkit read a font from its bytes anew for every document, and the tables
 * of a CJK font take a while to read; so pdfmake is handed a short token instead of the bytes, which fontkit, through
 * a format registered for these tokens, answers with the font read here (a fontkit font holds no state of a
 * document). Its tables are read now, while no document waits.
 * @param {import('./pdf-fonts.mjs').Face} face
 * @returns {Buffer} the token
 */
function readOnce(face) {
  if (!fontkit) {
    fontkit = fontkitModule();
    fontkit.registerFormat(
      class ReadFont {
        /** @param {Uint8Array} bytes */
        static probe(bytes) {
          return readFonts.has(bytes);
        }
        /** @param {{ buffer: Uint8Array }} stream */
        constructor(stream) {
          // biome-ignore lint/correctness/noConstructorReturn: the font read before is the answer
          return readFonts.get(stream.buffer);
        }
      },
    );
  }
  const font = fontkit.create(face.bytes, face.family);
  // The tables pdfkit reads: outlines, metrics, character map, substitutions and positions.
  font.createSubset();
  font.getGlyph(0).advanceWidth;
  font.layout('决算');
  const token = Buffer.from(`juesuan:${face.family ?? 'subset'}`);
  readFonts.set(token, font);
  return token;
}

/** The faces, as tokens, in pdfmake's in-memory file system. @param {any} m @param {import('./pdf-fonts.mjs').Faces} f */
function install(m, f) {
  m.virtualfs.writeFileSync('serif', readOnce(f.serif));
  m.virtualfs.writeFileSync('bold', readOnce(f.bold));
}

/**
 * pdfmake and the two faces, once per thread.
 * @returns {Promise<any>}
 */
export function loadPdfmake() {
  loading ??= (async () => {
    faces = loadFaces();
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
    install(m, await faces);
    return m;
  })();
  return loading;
}

/**
 * Faces with every character of the document: the cached subsets widened when it has characters beyond them.
 * Documents wait for each other here, so that one widening serves the next.
 * @param {any} m pdfmake @param {Record<string, unknown>} doc
 */
function facesFor(m, doc) {
  const want = codePointsOf(JSON.stringify(doc));
  faces = /** @type {Promise<import('./pdf-fonts.mjs').Faces>} */ (faces).then(async (f) => {
    if (covers(f.serif.codePoints, want) && covers(f.bold.codePoints, want)) return f;
    const wider = await loadFaces(want);
    install(m, wider);
    return wider;
  });
  return faces;
}

/** The font table: the tokens of the two faces (see readOnce). */
const FONT_TABLE = {
  Serif: { normal: 'serif', bold: 'bold', italics: 'serif', bolditalics: 'bold' },
  Sans: { normal: 'bold', bold: 'bold', italics: 'bold', bolditalics: 'bold' },
};

/**
 * Prints a pdfmake document (plain data, see pdfDocument in pdf.ts) with the page footer "— 3 / 23 —".
 * @param {Record<string, unknown>} doc
 * @returns {Promise<Buffer>}
 */
export async function printPdf(doc) {
  const m = await loadPdfmake();
  await facesFor(m, doc);
  m.setFonts(FONT_TABLE);
  const full = {
    ...doc,
    footer: (page, pages) => ({ text: `— ${page} / ${pages} —`, alignment: 'center', ...PDF_FOOTER }),
  };
  return m.createPdf(full).getBuffer();
}
