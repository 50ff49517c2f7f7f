// Rewrites a zip (XLSX, DOCX) with a fixed date on every entry, so the same input gives the same bytes.
import { deflateRawSync } from 'node:zlib';
import { strFromU8, strToU8, unzipSync, Zip, ZipPassThrough } from 'fflate';

export const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

/** Zip entries hold a local date and time: midnight of 1 January 2000 wherever the files are built. */
const ENTRY_DATE = new Date(2000, 0, 1, 0, 0, 0);

/** An entry compressed by Node's zlib (native, several times faster than a JavaScript DEFLATE), through the
 * subclass hook fflate offers for other compressors. */
class NativeDeflateEntry extends ZipPassThrough {
  constructor(name: string) {
    super(name);
    this.compression = 8;
    this.mtime = ENTRY_DATE;
  }

  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    this.ondata(null, deflateRawSync(chunk, { level: 6 }), final);
  }
}

/**
 * The same files, [Content_Types].xml first (as Office expects) and the rest by name, each compressed once and
 * dated ENTRY_DATE. `edit` rewrites named text entries on the way.
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
  const parts: Uint8Array[] = [];
  const zip = new Zip((e, chunk) => {
    if (e) throw e;
    parts.push(chunk);
  });
  for (const name of names) {
    const data = src[name] as Uint8Array;
    const change = edit[name];
    const entry = new NativeDeflateEntry(name);
    zip.add(entry);
    entry.push(change ? strToU8(change(strFromU8(data))) : data, true);
  }
  zip.end();
  return Buffer.concat(parts);
}

/** ExcelJS's zip options for a workbook that normaliseZip rewrites: stored, so that it is compressed only once. */
export const STORED_ZIP = { zip: { compression: 'STORE' as const } };
