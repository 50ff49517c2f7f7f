// ExcelJS's Workbook on its own: the package's entry also loads its streaming reader and writer (archiver, unzipper,
// bluebird), which nothing here uses and which take longer to load than the Workbook itself.
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

const require = createRequire(import.meta.url);

export const Workbook: typeof ExcelJS.Workbook = require('exceljs/lib/doc/workbook.js');
