// Bootstrap for bench/pdf-one.ts, the same as the import workers do: pdfjs loaded as plain JavaScript first, then
// the TypeScript loader.
import 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { register } from 'tsx/esm/api';

globalThis.pdfjsWorker = pdfjsWorker;
register();
await import('./pdf-one.ts');
