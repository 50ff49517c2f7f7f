// Worker bootstrap. pdfjs is loaded first, as plain JavaScript: through the TypeScript loader its 3 MB of code
// would cost seconds and some 200 MB. Its worker module is handed over as globalThis.pdfjsWorker, so pdfjs runs
// it in this thread without importing it again. Then the TypeScript loader is registered and the worker loaded.
const push = Array.prototype.push;
await import('pdfjs-dist/legacy/build/pdf.mjs');
globalThis.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
const { register } = await import('tsx/esm/api');
register();
const { restoreNativePush } = await import('./extract.ts');
// core-js in the legacy build swaps Array.prototype.push for a slow polyfill: put the native one back.
restoreNativePush(push);
await import('./worker.ts');
