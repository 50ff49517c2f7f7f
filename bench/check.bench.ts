// Check engine: time to check an imported document (beside its import time) and the mutation score on the seed.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { check } from '../src/check/engine.ts';
import { runMutations } from '../src/check/mutate.ts';
import { importFile } from '../src/import/index.ts';
import { type Disclosure, PerformanceEvaluationSchema } from '../src/model/disclosure.ts';

const SEED_TEXT = 'test/fixtures/seed/shenzhen-fupin-2019.txt';
const PUTUO_PDF = 'test/fixtures/samples/shanghai-putuo-caizhengju-2024.pdf';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** Wall-clock and CPU time of one check (the machine may be shared: CPU time is what the check itself costs). */
function timeCheck(d: Disclosure): { first: number; min: number; median: number; p90: number; cpu: number } {
  const t0 = performance.now();
  check(d);
  const first = performance.now() - t0;
  const runs: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    check(d);
    const u = process.cpuUsage(c);
    runs.push(performance.now() - t);
    cpu.push((u.user + u.system) / 1000);
  }
  const sorted = [...runs].sort((a, b) => a - b);
  return {
    first,
    min: sorted[0] ?? 0,
    median: median(runs),
    p90: sorted[Math.floor(sorted.length * 0.9)] ?? 0,
    cpu: median(cpu),
  };
}

async function timeImport(path: string): Promise<{ d: Disclosure; ms: number }> {
  const t0 = performance.now();
  const d = await importFile(path);
  return { d, ms: performance.now() - t0 };
}

const f = (x: number) => x.toFixed(1);

/** Narrative figures found / checked / not bound by any rule. */
function narrativeCoverage(d: Disclosure): string {
  const n = check(d).coverage.narrative;
  return `narrative figures: ${n.found} found, ${n.checked} checked, ${n.unbound} not bound`;
}

export async function run(): Promise<void> {
  const out: string[] = ['check engine / 检查引擎'];
  const seed = await timeImport(SEED_TEXT);
  const sc = timeCheck(seed.d);
  out.push(
    `  seed (text, ${seed.d.tables.length} tables): import ${f(seed.ms)} ms; check first ${f(sc.first)} ms, min ${f(sc.min)} ms, median ${f(sc.median)} ms (CPU ${f(sc.cpu)} ms), p90 ${f(sc.p90)} ms (target ≤50 ms) — ${sc.median <= 50 ? 'ok' : 'SLOW'}`,
  );
  try {
    const pt = await timeImport(PUTUO_PDF);
    const pc = timeCheck(pt.d);
    out.push(
      `  putuo 2024 (PDF, ${pt.d.tables.length} tables): import ${f(pt.ms)} ms; check first ${f(pc.first)} ms, min ${f(pc.min)} ms, median ${f(pc.median)} ms (CPU ${f(pc.cpu)} ms), p90 ${f(pc.p90)} ms — ${pc.median <= 50 ? 'ok' : 'SLOW'}`,
    );
    out.push(`  ${narrativeCoverage(pt.d)}`);
    const pm = runMutations(pt.d);
    out.push(
      `  mutation score (putuo 2024): ${pm.caught}/${pm.total} = ${((100 * pm.caught) / pm.total).toFixed(1)}% caught`,
    );
    for (const [k, v] of Object.entries(pm.byKind)) out.push(`    ${k.padEnd(17)} ${v.caught}/${v.total}`);
  } catch (e) {
    out.push(`  putuo 2024 (PDF): import failed: ${(e as Error).message}`);
  }
  // mutation score on the hand-checked seed model (with its hand-checked performance annexes)
  const golden = JSON.parse(readFileSync('test/golden/seed.disclosure.json', 'utf8'));
  const { fromJson } = await import('../src/model/json.ts');
  const d = fromJson(JSON.stringify(golden));
  if (d.performance.length === 0) {
    d.performance = z
      .array(PerformanceEvaluationSchema)
      .decode(JSON.parse(readFileSync('test/golden/seed-performance.json', 'utf8')));
    d.unread = d.unread.filter((u) => !/附件|annex/.test(u.what));
  }
  out.push(`  seed: ${narrativeCoverage(seed.d)}`);
  const t0 = performance.now();
  const m = runMutations(d);
  const share = (100 * m.caught) / m.total;
  out.push(
    `  mutation score (seed): ${m.caught}/${m.total} = ${share.toFixed(1)}% caught (target ≥95%) in ${f((performance.now() - t0) / 1000)} s`,
  );
  for (const [k, v] of Object.entries(m.byKind)) out.push(`    ${k.padEnd(17)} ${v.caught}/${v.total}`);
  if (m.missed.length) out.push('  missed:', ...m.missed.map((x) => `    ${x}`));
  process.stdout.write(`${out.join('\n')}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
