// Import any supported file into a Disclosure, chosen by content: "%PDF" → the PDF importer, otherwise text.
import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Disclosure } from '../model/disclosure.ts';
import { InputError } from '../model/errors.ts';
import { type AnnexParser, importText } from './text/index.ts';

type PdfModule = { importPdf?: (path: string) => Promise<Disclosure> };
type PerformanceModule = { parsePerformanceAnnexes?: AnnexParser };

/** Loads an optional sibling module; undefined when it is not there (yet). */
export async function optional<T>(specifier: string): Promise<T | undefined> {
  try {
    return (await import(specifier)) as T;
  } catch (e) {
    const code = (e as { code?: string }).code;
    const missing = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
    // Only the module asked for may be missing; a module that is there but broken is a real error.
    if (missing && (e as Error).message.includes(fileURLToPath(new URL(specifier, import.meta.url)))) return undefined;
    throw e;
  }
}

// Specifiers kept in variables: these modules are written separately and may not exist yet.
const PDF_IMPORTER = './pdf/index.ts';
const PERFORMANCE_PARSER = './text/performance.ts';

/** True when the bytes look like text: no NUL, and valid UTF-8 for (almost) all of it. */
function looksLikeText(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 65536);
  if (head.includes(0)) return false;
  const text = head.toString('utf8');
  const bad = text.split('\uFFFD').length - 1;
  return bad <= Math.max(2, text.length / 1000);
}

export async function importFile(path: string): Promise<Disclosure> {
  try {
    await access(path, constants.R_OK);
  } catch {
    throw new InputError(path, '文件不存在或无法读取 / file not found or not readable');
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new InputError(path, `无法读取文件 / cannot read the file: ${(e as Error).message}`);
  }
  if (bytes.length === 0) throw new InputError(path, '文件为空 / the file is empty');
  if (bytes.subarray(0, 1024).includes(Buffer.from('%PDF'))) {
    const pdf = await optional<PdfModule>(PDF_IMPORTER);
    if (!pdf?.importPdf) throw new InputError(path, 'PDF 导入暂不可用 / PDF import not available');
    return pdf.importPdf(path);
  }
  if (!looksLikeText(bytes)) {
    throw new InputError(path, '不是文本文件或 PDF（二进制内容）/ neither text nor PDF (binary content)');
  }
  const perf = await optional<PerformanceModule>(PERFORMANCE_PARSER);
  return importText(bytes.toString('utf8').replace(/^\uFEFF/, ''), path, {
    parseAnnexes: perf?.parsePerformanceAnnexes,
  });
}
