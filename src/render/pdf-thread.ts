// PDF rendering in a worker thread, so that it runs on a second core beside the other formats.
import { Worker } from 'node:worker_threads';
import type { Disclosure } from '../model/disclosure.ts';

const ENTRY = new URL('./pdf-worker.mjs', import.meta.url);

type PdfReply = { id: number; ok: true; pdf: Uint8Array } | { id: number; ok: false; error: string };

export class PdfThread {
  private readonly worker: Worker;
  private next = 0;
  private readonly pending = new Map<number, { resolve: (b: Buffer) => void; reject: (e: Error) => void }>();
  /** The document layout (pdf.ts), loaded beside the thread's start, so that a document is posted without waiting. */
  private readonly layout: Promise<typeof import('./pdf.ts')>;

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
    this.layout = import('./pdf.ts');
    this.layout.catch(() => undefined);
  }

  /**
   * Lays the document out here (fast) and posts it to the thread, which prints it (the slow part: fonts, pages).
   * Resolves as soon as it is posted, so that the caller draws other formats while the thread prints; `pdf` is the
   * printed file to come.
   */
  async post(d: Disclosure): Promise<{ pdf: Promise<Buffer> }> {
    const doc = (await this.layout).pdfDocument(d);
    const id = this.next++;
    const pdf = new Promise<Buffer>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.worker.postMessage({ id, doc });
    return { pdf };
  }

  async render(d: Disclosure): Promise<Buffer> {
    return (await this.post(d)).pdf;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
