// Positioned text from a PDF with pdfjs-dist (legacy build, Node): one list of text items per page.
import { createRequire } from 'node:module';
import path from 'node:path';
import { InputError } from '../../model/errors.ts';

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

/** Reads every page's positioned text. Whole-file problems throw InputError; a page that fails gets `error`. */
export async function extractPdfText(file: string, data: Uint8Array): Promise<PdfText> {
  assertPdfBytes(file, data);
  const pdfjs = await loadPdfjs();
  const t0 = performance.now();
  // pdfjs takes ownership of the buffer: give it a copy.
  const task = pdfjs.getDocument({ ...PDFJS_OPTIONS, data: new Uint8Array(data), stopAtErrors: false });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    throw new InputError(file, describePdfError(e));
  }
  const openMs = performance.now() - t0;
  const pages: PageText[] = [];
  const pageMs: number[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const p0 = performance.now();
      pages.push(await readPage(pdfjs, doc, n));
      pageMs.push(performance.now() - p0);
    }
  } finally {
    await doc.destroy().catch(() => {});
  }
  return { file, pages, pageMs, openMs };
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
      items.push({
        str,
        x: vx,
        y: vy,
        width: raw.width,
        height: raw.height,
        size: size > 0 ? size : raw.height,
        font: raw.fontName,
      });
    }
    if (items.length === 0) return { page: n, width, height, items, hasImages: await paintsImages(pdfjs, page) };
    return { page: n, width, height, items };
  } catch (e) {
    return { page: n, width, height, items: [], error: `页面文字无法读取 / page text cannot be read (${errText(e)})` };
  } finally {
    page.cleanup();
  }
}

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
