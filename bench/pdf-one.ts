// Child process of pdf.bench.ts: imports one PDF twice in this fresh process (cold, then warm) and prints the
// timings and the peak memory as JSON on stdout.
import { readFileSync } from 'node:fs';
import { assembleDisclosure } from '../src/import/pdf/assemble.ts';
import { extractPdfText } from '../src/import/pdf/extract.ts';

const file = process.argv[2] as string;
const data = readFileSync(file);
const runs: { totalMs: number; openMs: number; pageMs: number[]; assembleMs: number }[] = [];
let pages = 0;
for (let i = 0; i < 2; i++) {
  const t0 = performance.now();
  const text = await extractPdfText(file, data);
  const t1 = performance.now();
  const d = assembleDisclosure(file, text);
  const t2 = performance.now();
  pages = d.meta.source.pages;
  runs.push({ totalMs: t2 - t0, openMs: text.openMs, pageMs: text.pageMs, assembleMs: t2 - t1 });
}
process.stdout.write(JSON.stringify({ file, pages, runs, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
