// PDF import benchmark. Per sample PDF, each in a child process of its own (so peak memory does not mix): import
// time cold (first document in a fresh process) and warm (the same document again), wall and CPU, the slowest page
// with its cold and warm time, the font programs left out before reading (and the time that took), peak RSS in this
// thread under the pool's heap bounds and through a one-worker pool, and `pdftotext -layout` on the same file in the
// same run.
// Then the pool on all samples at once, with the main thread's event-loop delay.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { PdfPool, WORKER_HEAP } from '../src/import/pdf/pool.ts';
import type { Run } from './pdf-one.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES = path.join(root, 'test/fixtures/samples');

interface One {
  file: string;
  pages: number;
  runs: Run[];
  maxRssMb: number;
}

/** The pool workers' heap bounds as node flags (young generation = 3 semi-spaces). */
const HEAP_FLAGS = [
  `--max-old-space-size=${WORKER_HEAP.maxOldGenerationSizeMb}`,
  `--max-semi-space-size=${Math.max(1, Math.round(WORKER_HEAP.maxYoungGenerationSizeMb / 3))}`,
];

function child(mode: 'here' | 'pool', file: string): One {
  const flags = mode === 'here' ? HEAP_FLAGS : [];
  const out = execFileSync(process.execPath, [...flags, path.join(root, 'bench/pdf-one.mjs'), mode, file], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return JSON.parse(out) as One;
}

function pdftotextMs(file: string): number | undefined {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const r = spawnSync('pdftotext', ['-layout', file, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
    if (r.error || r.status !== 0) return undefined;
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const ms = (v: number) => `${v.toFixed(0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function run(): Promise<void> {
  const files = readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => path.join(SAMPLES, f));
  const load = loadavg().map((l) => l.toFixed(1));
  console.log(
    `load average ${load.join(' ')} on ${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()} cores (wall times grow with it; CPU times less so)`,
  );
  console.log(
    '文件 / file | 页 / pages | 冷 / cold wall (CPU) | 热 / warm wall (CPU) | 最慢页 冷/热 / slowest page cold/warm | 其余页 / other pages warm | 组装 / assemble | 略去字体程序 / font programs left out | 峰值内存 本线程/池 / peak RSS here/pool | pdftotext -layout | 倍数 / ratio warm (w/o slowest page)',
  );
  const verdicts: string[] = [];
  for (const file of files) {
    const r = child('here', file);
    const viaPool = child('pool', file);
    const [cold, ...warmRuns] = r.runs as [Run, ...Run[]];
    const warm = warmRuns.reduce((a, b) => (b.totalMs < a.totalMs ? b : a));
    const slowest = Math.max(...warm.pageMs);
    const at = warm.pageMs.indexOf(slowest);
    const others = warm.totalMs - slowest;
    const ref = pdftotextMs(file);
    const perDoc =
      slowest > 10 * median(warm.pageMs) && (cold.pageMs[at] ?? 0) > 0 && slowest > 0.5 * (cold.pageMs[at] ?? 0);
    console.log(
      [
        path.basename(file),
        r.pages,
        `${ms(cold.totalMs)} (${ms(cold.cpuMs)})`,
        `${ms(warm.totalMs)} (${ms(warm.cpuMs)})`,
        `p${at + 1}: ${ms(cold.pageMs[at] ?? 0)} / ${ms(slowest)}`,
        ms(others),
        ms(warm.assembleMs),
        warm.fontPrograms ? `${warm.fontPrograms.pruned} (${ms(warm.fontPrograms.ms)})` : '0',
        `${r.maxRssMb.toFixed(0)} MB / ${viaPool.maxRssMb.toFixed(0)} MB`,
        ref === undefined ? 'n/a' : ms(ref),
        ref === undefined ? 'n/a' : `${(warm.totalMs / ref).toFixed(1)}× (${(others / ref).toFixed(1)}×)`,
      ].join(' | '),
    );
    if (perDoc) {
      console.log(
        `  p${at + 1} is paid again when the same document is imported a second time in the same process: pdfjs keeps fonts per document, so this is a per-document cost, not a one-time one.`,
      );
    }
    const pass = (ok: boolean) => (ok ? 'ok' : 'MISSED');
    const peak = Math.max(r.maxRssMb, viaPool.maxRssMb);
    verdicts.push(
      `${path.basename(file)}: ≤ 1 s warm ${pass(warm.totalMs <= 1000)} (${ms(warm.totalMs)}); ` +
        `≤ 10× pdftotext ${ref === undefined ? 'n/a' : `${pass(warm.totalMs <= 10 * ref)} (${(warm.totalMs / ref).toFixed(1)}×)`}; ` +
        `≤ 300 MB ${pass(peak <= 300)} (${peak.toFixed(0)} MB)`,
    );
  }

  // Throughput: the worker pool on every sample twice; the main thread keeps answering.
  const pool = new PdfPool();
  const w0 = performance.now();
  await pool.warm();
  const warmMs = performance.now() - w0;
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  const t0 = performance.now();
  const jobs = [...files, ...files];
  const done = await Promise.all(jobs.map((f) => pool.import(f)));
  const wall = performance.now() - t0;
  lag.disable();
  await pool.close();
  const pages = done.reduce((n, d) => n + d.meta.source.pages, 0);
  console.log(
    `worker pool (${pool.size} workers, started in ${ms(warmMs)}): ${jobs.length} files, ${pages} pages in ${ms(wall)}; ` +
      `main-thread event-loop delay max ${(lag.max / 1e6).toFixed(1)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms`,
  );
  console.log('targets: 25 pages ≤ 1 s warm, ≤ 10× pdftotext -layout, ≤ 300 MB peak RSS');
  for (const v of verdicts) console.log(`  ${v}`);
}
