// Reading one PDF in the current thread: bytes → positioned text → Disclosure.
import { readFile } from 'node:fs/promises';
import type { Disclosure } from '../../model/disclosure.ts';
import { InputError } from '../../model/errors.ts';
import { assembleDisclosure } from './assemble.ts';
import { extractPdfText } from './extract.ts';

/** Imports PDF bytes; `file` names the document in messages and sources. */
export async function importPdfBytes(file: string, data: Uint8Array): Promise<Disclosure> {
  const text = await extractPdfText(file, data);
  return assembleDisclosure(file, text);
}

/** Imports a PDF file in this thread (blocks the event loop while pdfjs parses: use importPdf in a server). */
export async function importPdfHere(path: string): Promise<Disclosure> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new InputError(
      path,
      code === 'ENOENT'
        ? '文件不存在 / file not found'
        : `无法读取文件 / cannot read the file: ${(e as Error).message}`,
    );
  }
  return importPdfBytes(path, data);
}
