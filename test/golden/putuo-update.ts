// Regenerates test/golden/putuo.tables.json from the importer. Review every change against the PDF
// (pdftotext -layout, pdftoppm -r 80) before committing: the golden file is the printed truth.
import { writeFileSync } from 'node:fs';
import { importPdfHere } from '../../src/import/pdf/read.ts';
import { tablesView } from './putuo-view.ts';

const d = await importPdfHere('test/fixtures/samples/shanghai-putuo-caizhengju-2024.pdf');
writeFileSync('test/golden/putuo.tables.json', `${JSON.stringify(tablesView(d), null, 1)}\n`);
