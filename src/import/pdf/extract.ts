// Positioned text from a PDF with pdfjs-dist (legacy build, Node): one list of text items per page.
import { createRequire } from 'node:module';
import path from 'node:path';
import { InputError } from '../../model/errors.ts';
import { withoutFontPrograms } from './font-programs.ts';

/** A run of text as placed on the page; y measured from the top of the page, in PDF points. */
export interface TextItem {
  str: string;
  /** Left edge. */
  x: number;
  /** Baseline, from the top of the page. */
  y: number;
  width: number;
  height: number;
  /** Font size (from the text matrix). */
  size: number;
  font: string;
  /** Printed after a space inside a pdfjs item: never merged into the text before it. */
  apart?: boolean;
}

export interface PageText {
  /** 1-based. */
  page: number;
  width: number;
  height: number;
  items: TextItem[];
  /** Why the page could not be read, when it could not. */
  error?: string;
  /** The page paints images (checked only for pages without text: a scanned page). */
  hasImages?: boolean;
}

export interface PdfText {
  file: string;
  pages: PageText[];
  /** Milliseconds spent per page on getTextContent (for the benchmark). */
  pageMs: number[];
  openMs: number;
  /** Font programs left out before reading (see font-programs.ts) and the time that took. */
  fontPrograms?: { pruned: number; ms: number };
}

const pkgDir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const PDFJS_OPTIONS = {
  cMapUrl: `${pkgDir}/cmaps/`,
  cMapPacked: true,
  standardFontDataUrl: `${pkgDir}/standard_fonts/`,
  useSystemFonts: false,
  isEvalSupported: false,
  disableFontFace: true,
  verbosity: 0,
};

type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfjsModule> | undefined;
function loadPdfjs(): Promise<PdfjsModule> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

/** NFKC on Kangxi radicals and CJK radicals supplement only; full-width punctuation stays as printed. */
export function normaliseRadicals(s: string): string {
  return s.replace(/[\u2E80-\u2EFF\u2F00-\u2FDF]/g, (c) => c.normalize('NFKC'));
}

/** Checks the bytes look like a PDF; throws InputError naming the file otherwise. */
export function assertPdfBytes(file: string, data: Uint8Array): void {
  if (data.length === 0) throw new InputError(file, '文件为空（0 字节） / the file is empty (0 bytes)');
  const head = Buffer.from(data.subarray(0, Math.min(1024, data.length))).toString('latin1');
  if (!head.includes('%PDF-')) throw new InputError(file, '不是 PDF 文件 / not a PDF file (no %PDF- header)');
}

function describePdfError(e: unknown): string {
  const name = (e as { name?: string } | null)?.name ?? '';
  const msg = e instanceof Error ? e.message : String(e);
  if (name === 'PasswordException') return '文件已加密，需要密码 / the PDF is encrypted and needs a password';
  if (name === 'InvalidPDFException') return `PDF 结构损坏或文件不完整 / invalid or truncated PDF (${msg})`;
  return `无法打开 PDF / cannot open the PDF (${msg})`;
}

/** Opens PDF bytes with pdfjs; whole-file problems throw InputError naming the file. */
async function openPdf(pdfjs: PdfjsModule, file: string, data: Uint8Array): Promise<PdfDoc> {
  const task = pdfjs.getDocument({ ...PDFJS_OPTIONS, data, stopAtErrors: false });
  try {
    return await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    throw new InputError(file, describePdfError(e));
  }
}

/** The same document without the font programs text extraction does not need, when it has the same pages. */
async function leanCopy(pdfjs: PdfjsModule, file: string, data: Uint8Array, pages: number) {
  const pruned = await withoutFontPrograms(data);
  if (!pruned) return undefined;
  const doc = await openPdf(pdfjs, file, pruned.bytes).catch(() => undefined);
  if (doc?.numPages === pages) return { doc, pruned: pruned.pruned, ms: pruned.ms };
  await doc?.destroy().catch(() => {});
  return undefined;
}

/**
 * Reads every page's positioned text. Whole-file problems throw InputError; a page that fails gets `error`. Pages are
 * read from a copy without unneeded font programs when one can be made; a page that fails there is read from the
 * original.
 */
export async function extractPdfText(
  file: string,
  data: Uint8Array,
  opts: { keepFontPrograms?: boolean } = {},
): Promise<PdfText> {
  assertPdfBytes(file, data);
  const pdfjs = await loadPdfjs();
  const t0 = performance.now();
  // pdfjs takes ownership of the buffer: give it a copy.
  const doc = await openPdf(pdfjs, file, new Uint8Array(data));
  const lean = opts.keepFontPrograms ? undefined : await leanCopy(pdfjs, file, data, doc.numPages);
  const openMs = performance.now() - t0;
  const pages: PageText[] = [];
  const pageMs: number[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const p0 = performance.now();
      let page = lean ? await readPage(pdfjs, lean.doc, n) : undefined;
      if (!page || page.error) page = await readPage(pdfjs, doc, n);
      pages.push(page);
      pageMs.push(performance.now() - p0);
    }
  } finally {
    await lean?.doc.destroy().catch(() => {});
    await doc.destroy().catch(() => {});
  }
  const fontPrograms = lean ? { pruned: lean.pruned, ms: lean.ms } : undefined;
  return { file, pages, pageMs, openMs, ...(fontPrograms ? { fontPrograms } : {}) };
}

type PdfDoc = Awaited<ReturnType<PdfjsModule['getDocument']>['promise']>;

type PdfPage = Awaited<ReturnType<PdfDoc['getPage']>>;

/** True when the page draws an image: with no text, a sign of a scan. */
async function paintsImages(pdfjs: PdfjsModule, page: PdfPage): Promise<boolean> {
  try {
    const ops = await page.getOperatorList();
    const img = new Set([
      pdfjs.OPS.paintImageXObject,
      pdfjs.OPS.paintInlineImageXObject,
      pdfjs.OPS.paintImageMaskXObject,
    ]);
    return ops.fnArray.some((f) => img.has(f));
  } catch {
    return false;
  }
}

async function readPage(pdfjs: PdfjsModule, doc: PdfDoc, n: number): Promise<PageText> {
  let page: PdfPage;
  try {
    page = await doc.getPage(n);
  } catch (e) {
    return { page: n, width: 0, height: 0, items: [], error: `页面无法解析 / page cannot be parsed (${errText(e)})` };
  }
  const vp = page.getViewport({ scale: 1 });
  const width = vp.width;
  const height = vp.height;
  try {
    const content = await page.getTextContent();
    const items: TextItem[] = [];
    for (const raw of content.items) {
      if (!('str' in raw)) continue;
      const str = normaliseRadicals(raw.str);
      if (str.trim() === '') continue; // whitespace items carry absurd widths
      const t = raw.transform as number[];
      // Map through the viewport so rotated pages come out upright.
      const [vx, vy] = vp.convertToViewportPoint(t[4] ?? 0, t[5] ?? 0) as [number, number];
      const a = t[0] ?? 0;
      const b = t[1] ?? 0;
      const size = Math.hypot(a, b) || Math.hypot(t[2] ?? 0, t[3] ?? 0);
      const item = {
        str,
        x: vx,
        y: vy,
        width: raw.width,
        height: raw.height,
        size: size > 0 ? size : raw.height,
        font: raw.fontName,
      };
      items.push(...splitAtSpaces(item));
    }
    if (items.length === 0) return { page: n, width, height, items, hasImages: await paintsImages(pdfjs, page) };
    return { page: n, width, height, items };
  } catch (e) {
    return { page: n, width, height, items: [], error: `页面文字无法读取 / page text cannot be read (${errText(e)})` };
  } finally {
    page.cleanup();
  }
}

/** Estimated advance of a text in em: full-width characters 1, others ½. */
function emWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’]/.test(ch) ? 1 : 0.55;
  return w;
}

/**
 * pdfjs joins runs that sit close on one line into one item, with a space where the gap was ("87,628.42 一、…"): in
 * a table those are two cells. Split at inner spaces; each part's place is estimated from character widths, the
 * first part keeping the item's left edge and the last its right edge.
 */
export function splitAtSpaces(item: TextItem): TextItem[] {
  const text = item.str.trim();
  if (!/\s/.test(text) || item.width <= 0) return [{ ...item, str: text }];
  const parts = text.split(/\s+/);
  const est = parts.map((p) => emWidth(p) * item.size);
  const sum = est.reduce((a, b) => a + b, 0);
  const gaps = parts.length - 1;
  const scale = sum > item.width ? item.width / sum : 1;
  const gap = sum > item.width ? 0 : (item.width - sum) / gaps;
  const out: TextItem[] = [];
  let x = item.x;
  parts.forEach((p, i) => {
    const w = (est[i] ?? 0) * scale;
    out.push(i > 0 ? { ...item, str: p, x, width: w, apart: true } : { ...item, str: p, x, width: w });
    x += w + gap;
  });
  return out;
}

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
