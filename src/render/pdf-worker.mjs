// PDF worker, plain JavaScript so that it starts without the TypeScript loader: pdfmake and the two fonts are
// loaded at once (while the caller compiles), then each message is a finished pdfmake document to print.
// Set-up, table layout and footer mirror pdf.ts (PDF_SETUP, PDF_FOOTER, renderPdf); a test checks that both give the same bytes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

const { setup, footer } = workerData;
const pdfmake = createRequire(import.meta.url)('pdfmake');
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy(() => false);
const { line, padX, padY } = setup.table;
pdfmake.setTableLayouts({
  juesuan: {
    hLineWidth: () => line,
    vLineWidth: () => line,
    paddingLeft: () => padX,
    paddingRight: () => padX,
    paddingTop: () => padY,
    paddingBottom: () => padY,
  },
});
for (const f of setup.files) pdfmake.virtualfs.writeFileSync(f, readFileSync(`${setup.fontDir}${f}`));

function fonts() {
  const serif = () => [...setup.serif];
  const bold = () => [...setup.bold];
  return {
    Serif: { normal: serif(), bold: bold(), italics: serif(), bolditalics: bold() },
    Sans: { normal: bold(), bold: bold(), italics: bold(), bolditalics: bold() },
  };
}

parentPort.on('message', ({ id, doc }) => {
  pdfmake.setFonts(fonts());
  const full = {
    ...doc,
    footer: (page, pages) => ({ text: `— ${page} / ${pages} —`, alignment: 'center', ...footer }),
  };
  pdfmake
    .createPdf(full)
    .getBuffer()
    .then(
      (pdf) => parentPort.postMessage({ id, ok: true, pdf }),
      (e) => parentPort.postMessage({ id, ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
});
