// Importing a folder: every PDF (and extracted text) in it, in parallel on all cores (PDFs parse in the worker
// pool), with a progress callback per file.
import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Disclosure } from '../../model/disclosure.ts';
import { InputError } from '../../model/errors.ts';

export interface BatchResult {
  file: string;
  disclosure?: Disclosure;
  /** The message for a file that could not be imported (InputError: the user's problem; else internal). */
  error?: string;
  internal?: boolean;
  ms: number;
}

export interface BatchOptions {
  /** Files imported at once (default: twice the cores, so the pool never idles). */
  concurrency?: number;
  onDone?: (r: BatchResult, done: number, total: number) => void;
  /** Imports one file (default: the format switch of src/import). */
  importOne?: (file: string) => Promise<Disclosure>;
}

const IMPORTABLE = /\.(pdf|txt)$/i;

/** The importable files of a folder (PDF and extracted text), sorted by name; not recursive. */
export async function listImportable(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    throw new InputError(dir, `无法读取文件夹 / cannot read the folder: ${(e as Error).message}`);
  }
  const files: string[] = [];
  for (const n of names.sort()) {
    if (!IMPORTABLE.test(n) || n.startsWith('.')) continue;
    const p = path.join(dir, n);
    if ((await stat(p)).isFile()) files.push(p);
  }
  return files;
}

/** Imports every file; never rejects for one bad file: each result carries its disclosure or its error. */
export async function importMany(files: readonly string[], opts: BatchOptions = {}): Promise<BatchResult[]> {
  const importOne = opts.importOne ?? (async (f: string) => (await import('../index.ts')).importFile(f));
  const limit = Math.max(1, opts.concurrency ?? availableParallelism() * 2);
  const results: BatchResult[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const lane = async () => {
    for (let i = next++; i < files.length; i = next++) {
      const file = files[i] as string;
      const t0 = performance.now();
      let r: BatchResult;
      try {
        r = { file, disclosure: await importOne(file), ms: performance.now() - t0 };
      } catch (e) {
        const internal = !(e instanceof InputError);
        r = { file, error: e instanceof Error ? e.message : String(e), internal, ms: performance.now() - t0 };
      }
      results[i] = r;
      opts.onDone?.(r, ++done, files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, files.length) }, lane));
  return results;
}
