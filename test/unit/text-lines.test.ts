import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { splitLines } from '../../src/import/text/lines.ts';

describe('text lines', () => {
  it('counts pages from page-start lines and sets the outline apart', () => {
    const s = splitLines(' 第一页\n\n正文\n 第二页\n内容\n\n\t（一）书签\n\t（二）书签\n');
    assert.deepEqual(
      s.lines.map((l) => [l.text, l.page, l.line]),
      [
        ['第一页', 1, 1],
        ['正文', 1, 3],
        ['第二页', 2, 4],
        ['内容', 2, 5],
      ],
    );
    assert.deepEqual(
      s.outline.map((l) => l.text),
      ['（一）书签', '（二）书签'],
    );
    assert.equal(s.pages, 2);
  });

  it('reads the seed: its outline and a page count that matches its printed page marks', () => {
    const s = splitLines(readFileSync('test/fixtures/seed/shenzhen-fupin-2019.txt', 'utf8'));
    assert.equal(s.outline[0]?.text, '（一）部门职责');
    assert.ok(s.outline.length > 40);
    const t1 = s.lines.find((l) => l.text === '收入支出决算总表');
    const t2 = s.lines.find((l) => l.text === '收入决算表');
    assert.ok(t1 && t2 && t2.page > t1.page, 'each table starts a new page');
    // The extract has no cover or contents pages: printed page marks run ahead of the counted pages.
    const mark = s.lines.find((l) => l.text === '- 50 -');
    assert.ok(mark && mark.page < 50 && mark.page > 30);
  });
});
