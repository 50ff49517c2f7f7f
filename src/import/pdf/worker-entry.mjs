// Worker bootstrap. pdfjs is loaded first, as plain JavaScript: through the TypeScript loader its 3 MB of code
// would cost seconds and some 200 MB. Its worker module is handed over as globalThis.pdfjsWorker, so pdfjs runs
// it in this thread without importing it again. Then the worker itself: compiled JavaScript in dist/, or from the
// TypeScript sources through the loader.
import { existsSync } from 'node:fs';
import 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

globalThis.pdfjsWorker = pdfjsWorker;
if (existsSync(new URL('./worker.ts', import.meta.url))) (await import('tsx/esm/api')).register();
await import('./worker.ts');
