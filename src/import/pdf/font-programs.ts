// Embedded font programs are not needed to read text when a font maps its codes to Unicode (ToUnicode) and gives its
// widths in the font dictionary; pdfjs still parses and rebuilds each program, which for a whole embedded CJK font
// costs seconds and 150 MB. Here a copy of the PDF is made without such programs, with pdf-lib.
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';

const CID_FONTS = new Set<unknown>([PDFName.of('CIDFontType0'), PDFName.of('CIDFontType2')]);
const FONT_FILE_KEYS = ['FontFile', 'FontFile2', 'FontFile3'].map((k) => PDFName.of(k));

export interface PrunedPdf {
  bytes: Uint8Array;
  /** Font programs left out. */
  pruned: number;
  ms: number;
}

/** The fonts a font dictionary draws with: itself, or for a composite (Type0) font its descendants. */
function drawingFonts(font: PDFDict): PDFDict[] {
  const desc = font.lookup(PDFName.of('DescendantFonts'));
  if (!(desc instanceof PDFArray)) return [font];
  const out: PDFDict[] = [];
  for (let i = 0; i < desc.size(); i++) {
    const d = desc.lookup(i);
    if (d instanceof PDFDict) out.push(d);
  }
  return out;
}

/**
 * Whether the font dictionary carries what text extraction needs without the program: a composite (Type0) font with
 * ToUnicode, whose descendant takes its widths from W / DW. A simple font keeps its program: without it pdfjs loses
 * characters of a font whose encoding is built into the program (LibreOffice splits CJK text over such fonts), and a
 * simple font's program holds at most 256 glyphs, quick to read.
 */
function readableWithoutProgram(font: PDFDict, drawing: PDFDict): boolean {
  return drawing !== font && font.has(PDFName.of('ToUnicode'));
}

/**
 * A copy of the PDF without the font programs that text extraction does not need, or undefined when there are none
 * or the file cannot be rewritten safely (encrypted, damaged, unusual structure): then the original is read as is.
 */
export async function withoutFontPrograms(data: Uint8Array): Promise<PrunedPdf | undefined> {
  const t0 = performance.now();
  // Font descriptors are either in plain sight or inside compressed object streams; with neither, nothing to do.
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (!bytes.includes('/FontFile', 0, 'latin1') && !bytes.includes('/ObjStm', 0, 'latin1')) return undefined;
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(data, {
      updateMetadata: false,
      ignoreEncryption: true,
      throwOnInvalidObject: true,
      parseSpeed: ParseSpeeds.Fastest,
    });
  } catch {
    return undefined;
  }
  if (doc.isEncrypted) return undefined;
  const ctx = doc.context;
  // Descriptor → whether every font using it can do without its program.
  const verdict = new Map<PDFDict, boolean>();
  for (const [, obj] of ctx.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    if (CID_FONTS.has(obj.get(PDFName.of('Subtype')))) continue; // read through their Type0 font
    for (const drawing of drawingFonts(obj)) {
      const fd = drawing.lookup(PDFName.of('FontDescriptor'));
      if (!(fd instanceof PDFDict)) continue;
      verdict.set(fd, (verdict.get(fd) ?? true) && readableWithoutProgram(obj, drawing));
    }
  }
  const kept = new Set<PDFRef>();
  const dropped = new Set<PDFRef>();
  let pruned = 0;
  for (const [fd, ok] of verdict) {
    for (const key of FONT_FILE_KEYS) {
      const ref = fd.get(key);
      if (!ref) continue;
      if (!ok) {
        if (ref instanceof PDFRef) kept.add(ref);
        continue;
      }
      fd.delete(key);
      pruned++;
      if (ref instanceof PDFRef) dropped.add(ref);
    }
  }
  if (pruned === 0) return undefined;
  for (const ref of dropped) if (!kept.has(ref)) ctx.delete(ref);
  try {
    const lean = await doc.save({
      useObjectStreams: false,
      addDefaultPage: false,
      updateFieldAppearances: false,
      objectsPerTick: Number.POSITIVE_INFINITY,
    });
    return { bytes: lean, pruned, ms: performance.now() - t0 };
  } catch {
    return undefined;
  }
}
