// A pool of worker threads for PDF import: parsing stays off the main thread, so a server keeps answering.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Disclosure } from '../../model/disclosure.ts';
import { InputError } from '../../model/errors.ts';
import type { Job, Reply } from './worker.ts';

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);

/**
 * Heap bounds per worker. Translating a large embedded CFF font (a whole 4 MB Noto Sans KR) makes ~120 MB of
 * short-lived arrays; unbounded, V8 lets the heap grow to ~550 MB before collecting. A job that runs out of memory
 * under these bounds is run again once in a worker without them.
 */
export const WORKER_HEAP = { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 6 } as const;

interface Slot {
  worker: Worker;
  busy: boolean;
}

interface Pending {
  job: Job;
  resolve: (d: Disclosure) => void;
  reject: (e: Error) => void;
}

export class PdfPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<number, { slot: Slot; p: Pending }>();
  private nextId = 1;
  private closed = false;

  constructor(
    readonly size: number = Math.max(1, availableParallelism()),
    private readonly heap: { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number } = WORKER_HEAP,
  ) {}

  /** Imports one PDF in a worker. Rejects with InputError for bad input, Error for internal failures. */
  import(path: string): Promise<Disclosure> {
    if (this.closed) return Promise.reject(new Error('PDF pool closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, path }, resolve, reject });
      this.pump();
    });
  }

  /** Starts every worker now (each loads pdfjs and the importer), so the first import does not wait for it. */
  async warm(): Promise<void> {
    const fresh: Promise<void>[] = [];
    while (this.slots.length < this.size) {
      const slot = this.spawn();
      fresh.push(new Promise((resolve) => slot.worker.once('online', () => resolve())));
    }
    await Promise.all(fresh);
    // 'online' fires before the entry module has run: a no-op job per worker waits for it to be ready.
    await Promise.all(this.slots.map((s) => this.ping(s)));
  }

  private ping(slot: Slot): Promise<void> {
    return new Promise((resolve) => {
      const onMessage = (r: { ping?: boolean }) => {
        if (r.ping) {
          slot.worker.off('message', onMessage);
          resolve();
        }
      };
      slot.worker.on('message', onMessage);
      slot.worker.postMessage({ ping: true });
    });
  }

  /** Stops every worker. Pending jobs are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('PDF pool closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const p = this.queue.shift() as Pending;
      slot.busy = true;
      slot.worker.ref();
      this.running.set(p.job.id, { slot, p });
      slot.worker.postMessage(p.job);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(ENTRY, { execArgv: [], resourceLimits: { ...this.heap } });
    const slot: Slot = { worker, busy: false };
    worker.unref();
    worker.on('message', (r: Reply) => this.settle(slot, r));
    worker.on('error', (e) => this.fail(slot, e));
    worker.on('exit', (code) => {
      if (code !== 0) this.fail(slot, new Error(`PDF worker exited with code ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }

  private settle(slot: Slot, r: Reply): void {
    const run = this.running.get(r.id);
    if (!run) return;
    this.running.delete(r.id);
    slot.busy = false;
    slot.worker.unref();
    if (r.ok) run.p.resolve(r.disclosure as Disclosure);
    else if (r.input) run.p.reject(new InputError(r.input.file, r.input.problem, r.input.page));
    else run.p.reject(new Error(r.message));
    this.pump();
  }

  /** A worker died: fail its job, replace it. */
  private fail(slot: Slot, e: Error): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    const oom = (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
    for (const [id, run] of this.running) {
      if (run.slot !== slot) continue;
      this.running.delete(id);
      if (oom && !this.closed) runUnbounded(run.p);
      else run.p.reject(new Error(`${run.p.job.path}: ${e.message}`));
    }
    if (!this.closed) this.pump();
  }
}

/** Runs one job in a worker of its own with no heap bounds, then stops it. */
function runUnbounded(p: Pending): void {
  const worker = new Worker(ENTRY, { execArgv: [] });
  let done = false;
  const finish = (f: () => void) => {
    if (done) return;
    done = true;
    f();
    void worker.terminate();
  };
  worker.on('message', (r: Reply) => {
    if (r.id !== p.job.id) return;
    if (r.ok) finish(() => p.resolve(r.disclosure as Disclosure));
    else if (r.input)
      finish(() => p.reject(new InputError(r.input?.file ?? p.job.path, r.input?.problem ?? '', r.input?.page)));
    else finish(() => p.reject(new Error(r.message)));
  });
  worker.on('error', (e) => finish(() => p.reject(new Error(`${p.job.path}: ${e.message}`))));
  worker.on('exit', (code) => finish(() => p.reject(new Error(`${p.job.path}: PDF worker exited with code ${code}`))));
  worker.postMessage(p.job);
}

let shared: PdfPool | undefined;

/** The process-wide pool (workers are unref'd while idle, so it never keeps the process alive). */
export function sharedPool(): PdfPool {
  shared ??= new PdfPool();
  return shared;
}
