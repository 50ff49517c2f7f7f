// Import any supported file into a Disclosure, chosen by content: "%PDF" → the PDF importer, otherwise text.
import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import type { Disclosure } from '../model/disclosure.ts';
import { InputError } from '../model/errors.ts';
import { importText } from './text/index.ts';

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
    // Loaded on demand: text-only use never pays for pdfjs.
    const { importPdf } = await import('./pdf/index.ts');
    return importPdf(path);
  }
  if (!looksLikeText(bytes)) {
    throw new InputError(path, '不是文本文件或 PDF（二进制内容）/ neither text nor PDF (binary content)');
  }
  return importText(bytes.toString('utf8').replace(/^\uFEFF/, ''), path);
}
