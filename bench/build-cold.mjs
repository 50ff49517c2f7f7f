// One department built in a fresh process, cold (new PDF thread, format modules not yet loaded) and then warm, through
// the compiled modules in dist/ — what `juesuan build` runs after `npm ci` — without any TypeScript loader.
// Forked by build.bench.ts, which reads the figures from the message this sends.
import fs from 'node:fs';
import { compile } from '../dist/compile/index.js';
import { parseDepartmentJson } from '../dist/import/workbook/json.js';
import { FORMATS, render } from '../dist/render/index.js';
import { PdfThread } from '../dist/render/pdf-thread.js';

const SEED = process.argv[2] ?? 'examples/shenzhen-fupin-2019/data.json';

/** @param {bigint} t0 */
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

/**
 * The way `juesuan build` does it: the PDF thread is started first, the data is read and compiled, then the PDF is
 * drawn in the thread while the other formats are drawn here (their modules loaded when first asked for).
 * @param {PdfThread | undefined} thread
 */
async function oneDepartment(thread) {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const pdf = thread ?? new PdfThread();
  /** @type {Record<string, number>} */
  const steps = {};
  const d = compile(parseDepartmentJson(fs.readFileSync(SEED, 'utf8'), SEED), { file: 'data.json' });
  steps.compile = ms(t0);
  const tPdf = process.hrtime.bigint();
  const pdfDone = (await pdf.post(d)).pdf.then(() => ms(tPdf));
  pdfDone.catch(() => undefined);
  for (const f of FORMATS) {
    if (f === 'pdf') continue;
    const t = process.hrtime.bigint();
    await render(d, f);
    steps[f] = ms(t);
  }
  steps.pdf = await pdfDone;
  const total = ms(t0);
  const cpu = process.cpuUsage(cpu0);
  return { build: { ms: total, cpuMs: (cpu.user + cpu.system) / 1000, steps }, thread: pdf };
}

const sinceStart = performance.now();
const cold = await oneDepartment(undefined);
const warm = await oneDepartment(cold.thread);
await cold.thread.close();
process.send?.({ cold: cold.build, warm: warm.build, processMs: sinceStart + cold.build.ms });
process.disconnect?.();
