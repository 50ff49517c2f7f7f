// Child process of pdf.bench.ts, one per document so peak memory does not mix. Mode `here`: imports the PDF three
// times in this thread (cold, then warm twice) under the pool workers' heap bounds (given as node flags by the
// parent). Mode `pool`: imports it through a one-worker PdfPool, as a server does. Prints JSON on stdout.
import { readFileSync } from 'node:fs';
import { assembleDisclosure } from '../src/import/pdf/assemble.ts';
import { extractPdfText } from '../src/import/pdf/extract.ts';
import { PdfPool } from '../src/import/pdf/pool.ts';

export interface Run {
  totalMs: number;
  /** user + system CPU time of the process during the run. */
  cpuMs: number;
  openMs: number;
  pageMs: number[];
  assembleMs: number;
  /** Font programs left out before reading, and the time that took (inside openMs). */
  fontPrograms?: { pruned: number; ms: number };
}

const [mode, file] = process.argv.slice(2) as [string, string];
const runs: Run[] = [];
let pages = 0;
const cpu = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

if (mode === 'pool') {
  const pool = new PdfPool(1);
  await pool.warm();
  for (let i = 0; i < 2; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const d = await pool.import(file);
    pages = d.meta.source.pages;
    // The worker's CPU counts in the process's usage.
    runs.push({
      totalMs: performance.now() - t0,
      cpuMs: cpu(process.cpuUsage(c0)),
      openMs: 0,
      pageMs: [],
      assembleMs: 0,
    });
  }
  await pool.close();
} else {
  const data = readFileSync(file);
  for (let i = 0; i < 3; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const text = await extractPdfText(file, data);
    const t1 = performance.now();
    const d = assembleDisclosure(file, text);
    const t2 = performance.now();
    pages = d.meta.source.pages;
    const cpuMs = cpu(process.cpuUsage(c0));
    runs.push({
      totalMs: t2 - t0,
      cpuMs,
      openMs: text.openMs,
      pageMs: text.pageMs,
      assembleMs: t2 - t1,
      ...(text.fontPrograms ? { fontPrograms: text.fontPrograms } : {}),
    });
  }
}
process.stdout.write(JSON.stringify({ file, mode, pages, runs, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
