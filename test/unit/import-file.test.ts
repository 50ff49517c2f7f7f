import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importFile } from '../../src/import/index.ts';

describe('importFile', () => {
  it('reads extracted text by content, with its performance annexes', async () => {
    const d = await importFile('test/fixtures/seed/shenzhen-fupin-2019.txt');
    assert.equal(d.meta.source.format, 'text');
    assert.equal(d.meta.fiscalYear, 2019);
    assert.deepEqual(
      d.performance.map((p) => [p.annex, p.totalScore?.text, p.grade]),
      [
        ['附件1-1', '94.52', '优秀'],
        ['附件1-2', '94.58', '优秀'],
      ],
    );
  });

  it('reads a PDF by content, whatever its name', async () => {
    const d = await importFile('test/fixtures/samples/shanghai-2024-template.pdf');
    assert.equal(d.meta.source.format, 'pdf');
    assert.equal(d.tables.length, 9);
  });
});
