// Worker bootstrap. pdfjs is loaded first, as plain JavaScript: through the TypeScript loader its 3 MB of code
// would cost seconds and some 200 MB. Its worker module is handed over as globalThis.pdfjsWorker, so pdfjs runs
// it in this thread without importing it again. Then the TypeScript loader is registered and the worker loaded.
import 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { register } from 'tsx/esm/api';

globalThis.pdfjsWorker = pdfjsWorker;
register();
await import('./worker.ts');
