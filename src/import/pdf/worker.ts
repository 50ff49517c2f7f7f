// Worker thread: imports the PDFs it is sent, one at a time, and posts back the Disclosure (bigint survives the
// structured clone) or the error.
import { parentPort } from 'node:worker_threads';
import { InputError } from '../../model/errors.ts';
import { importPdfHere } from './read.ts';

export interface Job {
  id: number;
  path: string;
}

export type Reply =
  | { id: number; ok: true; disclosure: unknown; ms: number }
  | { id: number; ok: false; input?: { file: string; problem: string; page?: number }; message: string };

parentPort?.on('message', async (job: Job | { ping: true }) => {
  if ('ping' in job) {
    parentPort?.postMessage({ ping: true });
    return;
  }
  const t0 = performance.now();
  try {
    const disclosure = await importPdfHere(job.path);
    parentPort?.postMessage({ id: job.id, ok: true, disclosure, ms: performance.now() - t0 } satisfies Reply);
  } catch (e) {
    const reply: Reply =
      e instanceof InputError
        ? {
            id: job.id,
            ok: false,
            input: { file: e.file, problem: e.problem, ...(e.page !== undefined ? { page: e.page } : {}) },
            message: e.message,
          }
        : { id: job.id, ok: false, message: e instanceof Error ? e.message : String(e) };
    parentPort?.postMessage(reply);
  }
});
