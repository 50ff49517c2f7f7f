// PDF import benchmark: per sample PDF, pages, import time per document and per page (the slowest page, where
// pdfjs parses an embedded font, reported apart), peak memory, beside `pdftotext -layout` on the same file in the
// same run. Then the worker pool on all samples at once, with the main thread's event-loop delay.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { PdfPool } from '../src/import/pdf/pool.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES = path.join(root, 'test/fixtures/samples');

interface One {
  file: string;
  pages: number;
  runs: { totalMs: number; openMs: number; pageMs: number[]; assembleMs: number }[];
  maxRssMb: number;
}

function pdftotextMs(file: string): number | undefined {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = spawnSync('pdftotext', ['-layout', file, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
    if (r.error) return undefined;
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const ms = (v: number) => `${v.toFixed(0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function run(): Promise<void> {
  const files = readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.pdf'))
    .map((f) => path.join(SAMPLES, f));
  console.log(
    '文件 / file | 页 / pages | 冷启动 / cold | 热 / warm | 热·去掉最慢页 / warm w/o slowest page | 每页中位 / median per page | 最慢页 / slowest page | 组装 / assemble | 峰值内存 / peak RSS | pdftotext -layout | 倍数 / ratio (warm w/o slowest)',
  );
  for (const file of files) {
    const out = execFileSync(process.execPath, [path.join(root, 'bench/pdf-one.mjs'), file], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const r = JSON.parse(out) as One;
    const [cold, warm] = r.runs as [One['runs'][number], One['runs'][number]];
    const slowest = Math.max(...warm.pageMs);
    const base = warm.totalMs - slowest + median(warm.pageMs);
    const ref = pdftotextMs(file);
    console.log(
      [
        path.basename(file),
        r.pages,
        ms(cold.totalMs),
        ms(warm.totalMs),
        ms(base),
        `${median(warm.pageMs).toFixed(1)} ms`,
        `${ms(slowest)} (p${warm.pageMs.indexOf(slowest) + 1})`,
        ms(warm.assembleMs),
        `${r.maxRssMb.toFixed(0)} MB`,
        ref === undefined ? 'n/a' : ms(ref),
        ref === undefined ? 'n/a' : `${(base / ref).toFixed(1)}× (全部 / all ${(warm.totalMs / ref).toFixed(1)}×)`,
      ].join(' | '),
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
  console.log('targets: 25 pages ≤ 1 s (warm, slowest page apart), ≤ 10× pdftotext, ≤ 300 MB peak');
}
