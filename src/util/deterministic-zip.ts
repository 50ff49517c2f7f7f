// Zips (XLSX, DOCX) with a fixed date on every entry and a fixed entry order, so the same input gives the same bytes.
import JSZip from 'jszip';

export const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

/** [Content_Types].xml first, as Office expects, then by name. */
function order(a: string, b: string): number {
  if (a === '[Content_Types].xml') return -1;
  if (b === '[Content_Types].xml') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A zip of the given parts (path → content), DEFLATE level 6. */
export function zipParts(parts: ReadonlyMap<string, string | Uint8Array>): Promise<Buffer> {
  const out = new JSZip();
  for (const name of [...parts.keys()].sort(order)) {
    out.file(name, parts.get(name) ?? '', { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** Rewrites a zip made by another library. */
export async function normaliseZip(input: Uint8Array | ArrayBuffer): Promise<Buffer> {
  const src = await JSZip.loadAsync(input);
  const parts = new Map<string, Uint8Array>();
  for (const [name, f] of Object.entries(src.files)) if (!f.dir) parts.set(name, await f.async('uint8array'));
  return zipParts(parts);
}
