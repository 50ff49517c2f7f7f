// Build benchmark: one department in every format with the PDF in a worker thread, as `juesuan build` does, through
// the compiled modules (target ≤ 2 s; cold = first build in a fresh process, warm = the second; that process is
// bench/build-cold.mjs), and 1,000 generated departments to JSON + HTML in 2 worker processes (target ≤ 60 s).
// Run alone: node --import tsx bench/build.bench.ts

import { fork, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distIsFresh } from '../scripts/dist-fresh.mjs';
import { compile } from '../src/compile/index.ts';
import { encodeDepartment, parseDepartmentJson } from '../src/import/workbook/json.ts';
import type { DepartmentData } from '../src/import/workbook/schema.ts';
import { toJson } from '../src/model/json.ts';
import { FORMATS } from '../src/render/formats.ts';
import { renderHtml } from '../src/render/html.ts';

const SEED = 'examples/shenzhen-fupin-2019/data.json';
const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The Node options bin/juesuan.js starts with (its first line), so that fresh processes here start as it does. */
const NODE_FLAGS = (fs.readFileSync('bin/juesuan.js', 'utf8').split('\n')[0] ?? '')
  .replace(/^#!\/usr\/bin\/env -S node\s*/, '')
  .split(/\s+/)
  .filter((f) => f.startsWith('--'));
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

interface OneBuild {
  /** Wall time of the build, from starting the PDF thread to the last file. */
  ms: number;
  /** CPU of the process, all threads, during the build. */
  cpuMs: number;
  /** Per step, in ms: compile, each format (PDF: from posting the document to the finished file). */
  steps: Record<string, number>;
}

function runColdChild(env: NodeJS.ProcessEnv): Promise<{ cold: OneBuild; warm: OneBuild; processMs: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(HERE, 'build-cold.mjs'), [SEED], { execArgv: NODE_FLAGS, env });
    child.once('message', (m) => resolve(m as { cold: OneBuild; warm: OneBuild; processMs: number }));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`cold build process exited with ${code}`));
    });
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? Number.NaN;
};

/**
 * Cold and warm builds of one department side by side, medians of RUNS fresh processes, through the compiled modules
 * (compiled first when a source is newer, as `npm ci` leaves them).
 */
async function oneDepartmentReport(env: NodeJS.ProcessEnv): Promise<void> {
  if (!distIsFresh(new URL('../', import.meta.url)))
    spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const first = await runColdChild(env);
  const runs: { cold: OneBuild; warm: OneBuild; processMs: number }[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await runColdChild(env));
  const col = (b: (r: (typeof runs)[number]) => OneBuild, k: string) => median(runs.map((r) => b(r).steps[k] ?? 0));
  const rows = ['compile', ...FORMATS.filter((f) => f !== 'pdf'), 'pdf'];
  const out = [
    `build: one department, all ${FORMATS.length} formats, compiled (dist/) — median of ${RUNS} fresh processes (node ${NODE_FLAGS.join(' ')}), load average ${os.loadavg()[0]?.toFixed(1)} (${os.cpus().length} cores)`,
    `  ${'step'.padEnd(34)}${'cold'.padStart(8)}${'warm'.padStart(8)}`,
    ...rows.map(
      (k) =>
        `  ${(k === 'pdf' ? 'pdf (PDF thread, beside the others)' : k).padEnd(34)}${col((r) => r.cold, k)
          .toFixed(0)
          .padStart(8)}${col((r) => r.warm, k)
          .toFixed(0)
          .padStart(8)}`,
    ),
  ];
  const cold = median(runs.map((r) => r.cold.ms));
  const warm = median(runs.map((r) => r.warm.ms));
  out.push(
    `  ${'total wall (ms)'.padEnd(34)}${cold.toFixed(0).padStart(8)}${warm.toFixed(0).padStart(8)}`,
    `  ${'CPU, all threads (ms)'.padEnd(34)}${median(runs.map((r) => r.cold.cpuMs))
      .toFixed(0)
      .padStart(8)}${median(runs.map((r) => r.warm.cpuMs))
      .toFixed(0)
      .padStart(8)}`,
    `  cold runs: ${runs.map((r) => r.cold.ms.toFixed(0)).join(', ')} ms; from process start (Node, imports) to the last file: ${median(runs.map((r) => r.processMs)).toFixed(0)} ms`,
    `  first build on a machine (empty font cache: the subsets of the two CJK faces made by hb-subset): ${first.cold.ms.toFixed(0)} ms, PDF ${(first.cold.steps.pdf ?? 0).toFixed(0)} ms`,
    `build: one department target ≤ 2000 ms — cold ${cold <= 2000 ? 'met' : 'missed'} (${cold.toFixed(0)} ms), warm ${warm <= 2000 ? 'met' : 'missed'} (${warm.toFixed(0)} ms)`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
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

/** `juesuan build` of the seed department as a user runs it: wall time of the whole command, median of RUNS. */
function cliReport(env: NodeJS.ProcessEnv): void {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-bench-cli-'));
    try {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(
        process.execPath,
        [...NODE_FLAGS, 'bin/juesuan.js', 'build', path.dirname(SEED), '--out', out],
        { stdio: ['ignore', 'ignore', 'pipe'], env },
      );
      if (r.status !== 0) throw new Error(`juesuan build exited with ${r.status}: ${r.stderr}`);
      times.push(ms(t0));
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, [...NODE_FLAGS, '-e', '0'], { stdio: 'ignore' });
    bare.push(ms(t0));
  }
  process.stdout.write(
    `build: reference in the same run — \`node ${NODE_FLAGS.join(' ')} -e 0\` (Node starting and exiting, nothing loaded): median ${median(bare).toFixed(0)} ms\n`,
  );
  process.stdout.write(
    `build: \`node ${NODE_FLAGS.join(' ')} bin/juesuan.js build ${path.dirname(SEED)} --out DIR\` (as bin/juesuan.js starts; all formats, whole command): median ${median(times).toFixed(0)} ms wall (${times.map((t) => t.toFixed(0)).join(', ')})\n`,
  );
}

export async function run(): Promise<void> {
  // A font cache of this run's own (subsets of the CJK faces, src/render/pdf-fonts.mjs): empty at first, so that the
  // first build on a machine is measured too; the later builds find the subsets there.
  const fontCache = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-bench-cache-'));
  const env = { ...process.env, JUESUAN_CACHE_DIR: fontCache };
  try {
    await oneDepartmentReport(env);
    cliReport(env);
  } finally {
    fs.rmSync(fontCache, { recursive: true, force: true });
  }
  // Sanity: the generated departments are valid and distinct.
  const g = encodeDepartment(generated(seed(), 3));
  if (g.department.name !== '测试部门0003') throw new Error('generator');
  await manyDepartments();
}

const RUNS = 3;
const WORKER_FLAG = '--juesuan-build-bench-worker';
const argv = process.argv.slice(2);
if (argv[0] === WORKER_FLAG) {
  await workerMain({ from: Number(argv[1]), to: Number(argv[2]), out: argv[3] ?? '' });
  process.disconnect?.();
} else if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await run();
}
