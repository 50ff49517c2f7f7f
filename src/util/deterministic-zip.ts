// Rewrites a zip (XLSX, DOCX) with a fixed date on every entry, so the same input gives the same bytes.
import { strFromU8, strToU8, unzipSync, type Zippable, zipSync } from 'fflate';

export const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

/** Zip entries hold a local date and time: midnight of 1 January 2000 wherever the files are built. */
const ENTRY_DATE = new Date(2000, 0, 1, 0, 0, 0);

/**
 * The same files, [Content_Types].xml first (as Office expects) and the rest by name, each compressed once
 * (DEFLATE, level 6) and dated ENTRY_DATE. `edit` rewrites named text entries on the way.
 */
export function normaliseZip(
  input: Uint8Array | ArrayBuffer,
  edit: Record<string, (text: string) => string> = {},
): Buffer {
  const src = unzipSync(input instanceof Uint8Array ? input : new Uint8Array(input));
  const names = Object.keys(src)
    .filter((n) => !n.endsWith('/'))
    .sort((a, b) => {
      if (a === '[Content_Types].xml') return -1;
      if (b === '[Content_Types].xml') return 1;
      return a < b ? -1 : a > b ? 1 : 0;
    });
  const files: Zippable = {};
  for (const name of names) {
    const data = src[name] as Uint8Array;
    const change = edit[name];
    files[name] = change ? strToU8(change(strFromU8(data))) : data;
  }
  const out = zipSync(files, { level: 6, mtime: ENTRY_DATE });
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

/** ExcelJS's zip options for a workbook that normaliseZip rewrites: stored, so that it is compressed only once. */
export const STORED_ZIP = { zip: { compression: 'STORE' as const } };
