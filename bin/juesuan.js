#!/usr/bin/env -S node --v8-pool-size=1
// Node runs with one V8 background thread instead of four: a build keeps two JavaScript threads busy (PDF and the
// rest), and on a small machine four more threads compiling and collecting beside them cost more than they give
// (measured: bench/build.bench.ts, CLI line).
// Entry point: the compiled CLI in dist/ when it is newer than every source file (`npm run build`, run by `npm ci`),
// otherwise the TypeScript sources through tsx's loader.
import { distIsFresh } from '../scripts/dist-fresh.mjs';

if (distIsFresh(new URL('../', import.meta.url))) {
  await import('../dist/cli/main.js');
} else {
  (await import('tsx/esm/api')).register();
  await import('../src/cli/main.ts');
}
