// Times the seed import in-process (no process start-up): node --import tsx test/golden/seed-time.ts
import { readFileSync } from 'node:fs';
import { importFile } from '../../src/import/index.ts';
import { importText } from '../../src/import/text/index.ts';

const SEED = 'test/fixtures/seed/shenzhen-fupin-2019.txt';
const text = readFileSync(SEED, 'utf8');
const RUNS = 50;
const ms: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  importText(text, SEED);
  ms.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
const t0 = performance.now();
await importFile(SEED); // reads the file and loads the annex parser once
const file = performance.now() - t0;
const sorted = [...ms].sort((a, b) => a - b);
const cpuSorted = [...cpu].sort((a, b) => a - b);
const f = (x: number | undefined) => `${(x ?? 0).toFixed(1)} ms`;
process.stdout.write(
  `importText (tables, narrative, glossary, facts; no annexes): first ${f(ms[0])}, median ${f(sorted[RUNS >> 1])}, ` +
    `min ${f(sorted[0])} over ${RUNS} runs (wall)\n` +
    `  CPU time: first ${f(cpu[0])}, median ${f(cpuSorted[RUNS >> 1])}\n` +
    `importFile (with the annex parser, first load): ${f(file)}\n`,
);
