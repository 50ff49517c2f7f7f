// Font programs left out before reading: only for composite fonts whose dictionary maps codes to Unicode itself, and
// the text read from the lean copy is the same, item for item and position for position, as from the original.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { extractPdfText, type PdfText } from '../../src/import/pdf/extract.ts';
import { withoutFontPrograms } from '../../src/import/pdf/font-programs.ts';
import { layoutsPdf } from '../fixtures/pdf/layouts.ts';
import { textPdf } from '../fixtures/pdf/minimal.ts';

const SAMPLES = 'test/fixtures/samples';

/** Everything the importer uses from a text item (font ids differ between two loaded documents). */
function items(t: PdfText): string[][] {
  return t.pages.map((p) =>
    p.items.map((i) => `${i.str}|${i.x}|${i.y}|${i.width}|${i.height}|${i.size}|${i.apart ?? false}`),
  );
}

async function sameText(name: string, data: Uint8Array): Promise<PdfText> {
  const lean = await extractPdfText(name, data);
  const full = await extractPdfText(name, data, { keepFontPrograms: true });
  assert.equal(full.fontPrograms, undefined);
  assert.deepEqual(items(lean), items(full));
  assert.ok(items(full).flat().length > 0);
  return lean;
}

describe('PDF font programs left out before reading', () => {
  for (const [file, programs] of [
    ['shanghai-putuo-caizhengju-2024.pdf', 6],
    ['shanghai-2024-template.pdf', 6],
  ] as const) {
    it(`${file}: ${programs} programs left out, the same text items on every page`, async () => {
      const data = new Uint8Array(readFileSync(`${SAMPLES}/${file}`));
      const lean = await sameText(file, data);
      assert.equal(lean.fontPrograms?.pruned, programs);
    });
  }

  it('made-up layouts PDF: the same text items', async () => {
    const lean = await sameText('layouts.pdf', new Uint8Array(await layoutsPdf()));
    assert.ok((lean.fontPrograms?.pruned ?? 0) > 0);
  });

  it('font dictionaries inside compressed object streams: left out all the same, the same text items', async () => {
    const packed = await (await PDFDocument.load(await layoutsPdf())).save({ useObjectStreams: true });
    assert.ok(Buffer.from(packed).includes('/ObjStm'));
    assert.ok(!Buffer.from(packed).includes('/FontFile'));
    const lean = await sameText('packed.pdf', packed);
    assert.ok((lean.fontPrograms?.pruned ?? 0) > 0);
  });

  it('a font without ToUnicode keeps its program', async () => {
    const doc = await PDFDocument.load(await layoutsPdf());
    let fonts = 0;
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      if (
        obj instanceof PDFDict &&
        obj.get(PDFName.of('Type')) === PDFName.of('Font') &&
        obj.has(PDFName.of('ToUnicode'))
      ) {
        obj.delete(PDFName.of('ToUnicode'));
        fonts++;
      }
    }
    assert.ok(fonts > 0);
    assert.equal(await withoutFontPrograms(await doc.save()), undefined);
  });

  it('a PDF printed by LibreOffice: its simple fonts (encoding built into the program) keep their programs, and the text reads whole', async () => {
    const file = 'test/fixtures/producers/libreoffice-shenzhen-fupin-2019.pdf';
    const data = new Uint8Array(readFileSync(file));
    assert.equal(await withoutFontPrograms(data), undefined, 'nothing left out');
    const t = await extractPdfText(file, data);
    const page2 = t.pages[1]?.items.map((i) => i.str).join('') ?? '';
    assert.ok(page2.includes('二、深圳市扶贫协作和合作交流办公室2019年度部门决算表'), page2);
  });

  it('nothing to leave out, or a file pdf-lib cannot rewrite: the original is read', async () => {
    assert.equal(await withoutFontPrograms(textPdf('没有嵌入字体')), undefined);
    assert.equal(await withoutFontPrograms(new TextEncoder().encode('%PDF-1.7\n1 0 obj <<')), undefined);
    const broken = new Uint8Array(readFileSync('test/fixtures/bad/broken.pdf'));
    assert.equal(await withoutFontPrograms(broken), undefined);
  });
});
