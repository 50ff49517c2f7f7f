// PDF thread, plain JavaScript so that it starts without the TypeScript loader: pdfmake and the two fonts are
// loaded at once (while the caller compiles), then each message is a finished pdfmake document to print.
import { parentPort } from 'node:worker_threads';
import { loadPdfmake, printPdf } from './pdf-print.mjs';

// A failure here is reported with the first document.
loadPdfmake().catch(() => undefined);

parentPort.on('message', ({ id, doc }) => {
  printPdf(doc).then(
    (pdf) => parentPort.postMessage({ id, ok: true, pdf }),
    (e) => parentPort.postMessage({ id, ok: false, error: e instanceof Error ? e.message : String(e) }),
  );
});
