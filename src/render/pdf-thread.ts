// PDF rendering in a worker thread, so that it runs on a second core beside the other formats.
import { Worker } from 'node:worker_threads';
import type { Disclosure } from '../model/disclosure.ts';

const ENTRY = new URL('./pdf-worker.mjs', import.meta.url);

type PdfReply = { id: number; ok: true; pdf: Uint8Array } | { id: number; ok: false; error: string };

export class PdfThread {
  private readonly worker: Worker;
  private next = 0;
  private readonly pending = new Map<number, { resolve: (b: Buffer) => void; reject: (e: Error) => void }>();

  /** Starts the worker at once: it loads pdfmake and the fonts while the caller does other work. */
  constructor() {
    // Plain JavaScript: no inherited --import flags, no TypeScript loader to start.
    this.worker = new Worker(ENTRY, { execArgv: [] });
    this.worker.on('message', (r: PdfReply) => {
      const p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      if (r.ok) p.resolve(Buffer.from(r.pdf.buffer, r.pdf.byteOffset, r.pdf.byteLength));
      else p.reject(new Error(`PDF 生成失败 / PDF rendering failed: ${r.error}`));
    });
    this.worker.on('error', (e) => this.failAll(e));
    this.worker.on('exit', (code) => this.failAll(new Error(`PDF 线程退出 / PDF worker exited with code ${code}`)));
  }

  /** The document is laid out here (fast); the worker only prints it (the slow part: fonts, pages). */
  async render(d: Disclosure): Promise<Buffer> {
    const id = this.next++;
    // Loaded here, so that starting the thread loads nothing else.
    const doc = (await import('./pdf.ts')).pdfDocument(d);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, doc });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
