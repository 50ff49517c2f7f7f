import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importFile, optional } from '../../src/import/index.ts';

describe('importFile', () => {
  it('reads extracted text by content, with the performance annexes when their parser is there', async () => {
    const d = await importFile('test/fixtures/seed/shenzhen-fupin-2019.txt');
    assert.equal(d.meta.source.format, 'text');
    assert.equal(d.meta.fiscalYear, 2019);
    const parser = await optional('./text/performance.ts');
    if (parser) assert.equal(d.performance.length, 2);
    else assert.ok(d.unread.some((u) => u.what.startsWith('附件')));
  });

  it('treats a module that is not there (yet) as absent, and nothing else', async () => {
    assert.equal(await optional('./no-such-module.ts'), undefined);
    assert.ok(await optional('./text/lines.ts'));
  });
});
