// Rewrites a zip (XLSX, DOCX) with a fixed date on every entry, so the same input gives the same bytes.
import JSZip from 'jszip';

export const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

/** `edit` rewrites named text entries on the way (one pass: read, edit, write). */
export async function normaliseZip(
  input: Uint8Array | ArrayBuffer,
  edit: Record<string, (text: string) => string> = {},
): Promise<Buffer> {
  const src = await JSZip.loadAsync(input);
  const out = new JSZip();
  const names = Object.keys(src.files).sort((a, b) => {
    // [Content_Types].xml first, as Office expects.
    if (a === '[Content_Types].xml') return -1;
    if (b === '[Content_Types].xml') return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  for (const name of names) {
    const f = src.files[name];
    if (!f || f.dir) continue;
    const change = edit[name];
    const data = change ? change(await f.async('string')) : await f.async('uint8array');
    out.file(name, data, { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
