// Making output folders: missing parents made, an existing folder kept, a clear error where none can be made.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { makeFolder } from '../../src/util/make-folder.mjs';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-folder-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('makeFolder', () => {
  it('makes a folder and its missing parents, and keeps one that is there', () => {
    const dir = path.join(tmp, 'a', 'b', 'c');
    makeFolder(dir);
    assert.ok(fs.statSync(dir).isDirectory());
    makeFolder(dir);
    assert.ok(fs.statSync(dir).isDirectory());
  });

  it('throws where a file stands in the way', () => {
    const file = path.join(tmp, 'file');
    fs.writeFileSync(file, '');
    assert.throws(() => makeFolder(path.join(file, 'x')), { code: 'ENOTDIR' });
    assert.throws(() => makeFolder(file), { code: 'EEXIST' });
  });

  it('throws under /proc, where no folder can be made (Node’s recursive mkdir never returns there)', {
    skip: !fs.existsSync('/proc/self'),
  }, () => {
    assert.throws(() => makeFolder('/proc/no-such/a/b'), { code: 'ENOENT' });
  });
});
