// Build benchmark: one department in every format with the PDF in a worker thread, as `juesuan build` does
// (target ≤ 2 s), and 1,000 generated departments to JSON + HTML in 2 worker processes (target ≤ 60 s).
// Run alone: node --import tsx bench/build.bench.ts

import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from '../src/compile/index.ts';
import { encodeDepartment, parseDepartmentJson } from '../src/import/workbook/json.ts';
import type { DepartmentData } from '../src/import/workbook/schema.ts';
import { toJson } from '../src/model/json.ts';
import { renderHtml } from '../src/render/html.ts';
import { FORMATS, render } from '../src/render/index.ts';
import { PdfThread } from '../src/render/pdf-thread.ts';

const SEED = 'examples/shenzhen-fupin-2019/data.json';
const WORKERS = 2;
const DEPARTMENTS = 1000;

function seed(): DepartmentData {
  return parseDepartmentJson(fs.readFileSync(SEED, 'utf8'), SEED);
}

/** Department i: the seed with every amount multiplied by a whole factor (stays exact and consistent) and its own name. */
function generated(base: DepartmentData, i: number): DepartmentData {
  const k = BigInt(1 + (i % 7));
  const scale = (v: unknown): unknown => {
    if (typeof v === 'bigint') return v * k;
    if (Array.isArray(v)) return v.map(scale);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([key, x]) => [key, scale(x)]));
    return v;
  };
  const d = scale(base) as DepartmentData;
  d.department = { ...d.department, name: `测试部门${String(i).padStart(4, '0')}`, shortName: `测试部门${i}` };
  return d;
}

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * One department in every format, the way `juesuan build` does it: the PDF thread is started first, the data is
 * compiled, then the PDF is drawn in the thread while the other formats are drawn here. Cold: a new thread that
 * loads pdfmake and the fonts inside the measured time. Warm: the same thread again.
 */
async function oneDepartment(label: string, thread: PdfThread | undefined): Promise<{ ms: number; thread: PdfThread }> {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const pdf = thread ?? new PdfThread();
  const d = compile(seed(), { file: 'data.json' });
  const parts: string[] = [`compile ${ms(t0).toFixed(0)} ms`];
  const tPdf = process.hrtime.bigint();
  const pdfDone = pdf.render(d).then(() => ms(tPdf));
  pdfDone.catch(() => undefined);
  for (const f of FORMATS) {
    if (f === 'pdf') continue;
    const t = process.hrtime.bigint();
    await render(d, f);
    parts.push(`${f} ${ms(t).toFixed(0)} ms`);
  }
  parts.push(`pdf (worker thread, in parallel) ${(await pdfDone).toFixed(0)} ms`);
  const total = ms(t0);
  const cpu = process.cpuUsage(cpu0);
  // CPU of this process, all threads.
  const cpuMs = (cpu.user + cpu.system) / 1000;
  process.stdout.write(
    `build: one department, all ${FORMATS.length} formats (${label}): ${total.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU, load average ${os.loadavg()[0]?.toFixed(1)} — ${parts.join(', ')}\n`,
  );
  return { ms: total, thread: pdf };
}

async function manyDepartments(): Promise<number> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-bench-'));
  const t0 = process.hrtime.bigint();
  try {
    const self = fileURLToPath(import.meta.url);
    const per = Math.ceil(DEPARTMENTS / WORKERS);
    const done = await Promise.all(
      Array.from({ length: WORKERS }, (_, w) => {
        const from = w * per;
        const to = Math.min(DEPARTMENTS, from + per);
        return new Promise<number>((resolve, reject) => {
          const child = fork(self, [WORKER_FLAG, String(from), String(to), out], { execArgv: ['--import', 'tsx'] });
          child.once('message', (n) => resolve(Number(n)));
          child.once('error', reject);
          child.once('exit', (code) => {
            if (code !== 0) reject(new Error(`worker exited with ${code}`));
          });
        });
      }),
    );
    const n = done.reduce((a, b) => a + b, 0);
    const files = fs.readdirSync(out).length;
    const total = ms(t0) / 1000;
    process.stdout.write(
      `build: ${n} generated departments → JSON + HTML in ${WORKERS} processes: ${total.toFixed(1)} s (${((total * 1000) / n).toFixed(1)} ms each, ${files} files; target ≤ 60 s)\n`,
    );
    return total;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

async function workerMain(data: { from: number; to: number; out: string }): Promise<void> {
  const base = seed();
  let n = 0;
  for (let i = data.from; i < data.to; i++) {
    const d = compile(generated(base, i), { file: `dept-${i}.json` });
    fs.writeFileSync(path.join(data.out, `dept-${i}.json`), toJson(d));
    fs.writeFileSync(path.join(data.out, `dept-${i}.html`), renderHtml(d));
    n++;
  }
  process.send?.(n);
}

export async function run(): Promise<void> {
  const cold = await oneDepartment('cold: new PDF thread loads pdfmake and the fonts', undefined);
  const warm = await oneDepartment('warm: same PDF thread', cold.thread);
  await cold.thread.close();
  process.stdout.write(
    `build: one department target ≤ 2000 ms — cold ${cold.ms <= 2000 ? 'met' : 'missed'}, warm ${warm.ms <= 2000 ? 'met' : 'missed'} (modules already loaded; \`time npx juesuan build\` adds process start-up)\n`,
  );
  // Sanity: the generated departments are valid and distinct.
  const g = encodeDepartment(generated(seed(), 3));
  if (g.department.name !== '测试部门0003') throw new Error('generator');
  await manyDepartments();
}

const WORKER_FLAG = '--juesuan-build-bench-worker';
const argv = process.argv.slice(2);
if (argv[0] === WORKER_FLAG) {
  await workerMain({ from: Number(argv[1]), to: Number(argv[2]), out: argv[3] ?? '' });
  process.disconnect?.();
} else if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await run();
}
