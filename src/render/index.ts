// All output formats of a disclosure; each returns files relative to the output folder.
import type { Disclosure } from '../model/disclosure.ts';
import { toJson } from '../model/json.ts';
import { toCsv } from './csv.ts';
import { type OutputFile, renderFdp } from './fdp.ts';
import { FORMATS, type Format } from './formats.ts';
import { renderHtml } from './html.ts';
import type { PdfThread } from './pdf-thread.ts';

export type { OutputFile };
export { FORMATS, type Format };

/** File base name: "深圳市…办公室-2019-部门决算". */
export function baseName(d: Disclosure): string {
  return `${d.meta.department.replace(/[\\/:*?"<>|\s]+/g, '')}-${d.meta.fiscalYear}-部门决算`;
}

export async function render(d: Disclosure, format: Format): Promise<OutputFile[]> {
  const base = baseName(d);
  switch (format) {
    case 'html':
      return [{ path: `${base}.html`, data: renderHtml(d) }];
    // Loaded when asked for: pdfmake and ExcelJS take a while to load.
    case 'pdf':
      return [{ path: `${base}.pdf`, data: await (await import('./pdf.ts')).renderPdf(d) }];
    case 'docx':
      return [{ path: `${base}.docx`, data: await (await import('./docx.ts')).renderDocx(d) }];
    case 'xlsx':
      return [{ path: `${base}.xlsx`, data: await (await import('./xlsx.ts')).renderXlsx(d) }];
    case 'json':
      return [{ path: `${base}.json`, data: toJson(d) }];
    case 'csv':
      return [{ path: `${base}.csv`, data: toCsv(d) }];
    case 'fdp':
      return renderFdp(d).map((f) => ({ ...f, path: `fdp/${f.path}` }));
  }
}

/**
 * Every requested format, in the order asked for. With a PDF thread the PDF is drawn there while the other
 * formats are drawn here, on two cores.
 */
export async function renderAll(
  d: Disclosure,
  formats: readonly Format[],
  pdfThread?: PdfThread,
): Promise<{ format: Format; files: OutputFile[] }[]> {
  let pdf: Promise<OutputFile[]> | undefined;
  if (pdfThread && formats.includes('pdf')) {
    // Posted before any other format is drawn: drawing one keeps this thread busy, and the PDF thread would wait.
    const posted = await pdfThread.post(d);
    pdf = posted.pdf.then((data) => [{ path: `${baseName(d)}.pdf`, data }]);
    // Awaited below; this only keeps an early failure from counting as unhandled meanwhile.
    pdf.catch(() => undefined);
  }
  const out: { format: Format; files: OutputFile[] }[] = [];
  for (const f of formats) if (f !== 'pdf' || !pdf) out.push({ format: f, files: await render(d, f) });
  if (pdf) out.splice(formats.indexOf('pdf'), 0, { format: 'pdf', files: await pdf });
  return out;
}
