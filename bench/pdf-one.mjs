// Bootstrap for bench/pdf-one.ts, the same as the import workers do: pdfjs loaded as plain JavaScript first, the
// native Array.prototype.push put back, then the TypeScript loader.
const push = Array.prototype.push;
await import('pdfjs-dist/legacy/build/pdf.mjs');
globalThis.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
const { register } = await import('tsx/esm/api');
register();
const { restoreNativePush } = await import('../src/import/pdf/extract.ts');
restoreNativePush(push);
await import('./pdf-one.ts');
