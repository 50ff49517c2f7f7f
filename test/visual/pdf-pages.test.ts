// The built PDF of each example, page by page, against reviewed reference PNGs (pdftoppm at 30 dpi).
// Pixels compare with a tolerance: a page may differ in at most 0.5% of its pixels by more than 64 levels in a channel.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { EXAMPLES, examplePages, REFERENCE_DIR, referenceNames } from './pages.ts';

const CHANNEL_TOLERANCE = 64;
const MAX_DIFFERING_SHARE = 0.005;

function differingShare(a: PNG, b: PNG): number {
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let c = 0; c < 3; c++) {
      if (Math.abs((a.data[i + c] ?? 0) - (b.data[i + c] ?? 0)) > CHANNEL_TOLERANCE) {
        differing++;
        break;
      }
    }
  }
  return differing / (a.width * a.height);
}

for (const x of EXAMPLES) {
  describe(`${x.dir}: the PDF looks like the reviewed reference pages`, async () => {
    const pages = await examplePages(x);
    const refs = referenceNames(x);

    it('has the same number of pages', () => {
      assert.deepEqual(
        pages.map((p) => p.name),
        refs,
      );
    });

    for (const p of pages) {
      it(`${p.name}: same size, pixels within tolerance`, () => {
        const ref = path.join(REFERENCE_DIR, p.name);
        assert.ok(fs.existsSync(ref), `missing reference ${ref}`);
        const a = PNG.sync.read(p.png);
        const b = PNG.sync.read(fs.readFileSync(ref));
        assert.equal(`${a.width}x${a.height}`, `${b.width}x${b.height}`);
        const share = differingShare(a, b);
        assert.ok(share <= MAX_DIFFERING_SHARE, `${(share * 100).toFixed(2)}% of pixels differ`);
      });
    }
  });
}
