#!/usr/bin/env -S node --v8-pool-size=1
// Node runs with one V8 background thread instead of four: a build keeps two JavaScript threads busy (PDF and the
// rest), and on a small machine four more threads compiling and collecting beside them cost more than they give
// (measured: bench/build.bench.ts, CLI line).
// Entry point: the compiled CLI in dist/ when it is newer than every source file (`npm run build`, run by `npm ci`),
// otherwise the TypeScript sources through tsx's loader.
import { readdirSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);

/** Newest modification time of the files under a folder, in ms. */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) t = Math.max(t, statSync(`${e.parentPath ?? e.path}/${e.name}`).mtimeMs);
  }
  return t;
}

function builtAt() {
  try {
    return statSync(new URL('dist/.built', root)).mtimeMs;
  } catch {
    return -1;
  }
}

if (builtAt() >= newest(new URL('src', root))) {
  await import('../dist/cli/main.js');
} else {
  (await import('tsx/esm/api')).register();
  await import('../src/cli/main.ts');
}
