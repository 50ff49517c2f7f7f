// PDF import: `importPdf(path)` parses in a worker thread and returns the Disclosure.
import type { Disclosure } from '../../model/disclosure.ts';
import { sharedPool } from './pool.ts';

export { assembleDisclosure } from './assemble.ts';
export { PdfPool, sharedPool } from './pool.ts';
export { importPdfBytes, importPdfHere } from './read.ts';

/** Imports a published disclosure PDF off the main thread. Bad input rejects with InputError naming the file. */
export function importPdf(path: string): Promise<Disclosure> {
  return sharedPool().import(path);
}
