import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fromJson } from '../../src/model/json.ts';

const SEED = 'test/fixtures/seed/shenzhen-fupin-2019.txt';
const dir = mkdtempSync(join(tmpdir(), 'juesuan-import-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'import', ...args], {
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('juesuan import: bad input gets a clear message, a non-zero exit and no output', () => {
  const cases: [string, string, RegExp][] = [
    ['an empty file', 'test/fixtures/bad/empty.txt', /文件为空 \/ the file is empty/],
    ['a text that is not a disclosure', 'test/fixtures/bad/not-a-disclosure.txt', /not a final-accounts disclosure/],
    [
      'a truncated seed',
      'test/fixtures/bad/truncated-seed.txt',
      /file is truncated: it ends inside table “支出决算表”/,
    ],
    ['a binary file', 'test/fixtures/bad/binary.gz', /neither text nor PDF/],
    ['a missing file', 'test/fixtures/bad/no-such-file.txt', /file not found/],
    ['a broken PDF', 'test/fixtures/bad/broken.pdf', /PDF/],
  ];
  for (const [what, file, message] of cases) {
    it(what, () => {
      const out = join(dir, `${what.replace(/\W+/g, '-')}.json`);
      const r = cli(file, '--out', out);
      assert.equal(r.code, 1);
      assert.match(r.err, /^错误 \/ error: /);
      assert.ok(r.err.includes(file), 'names the file');
      assert.match(r.err, message);
      assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
      assert.equal(r.out, '');
      assert.equal(existsSync(out), false, 'nothing written to --out');
      assert.deepEqual(
        readdirSync(dir).filter((f) => f.endsWith('.tmp')),
        [],
        'no temp file left',
      );
    });
  }

  it('reports an output path that cannot be written, leaving nothing behind', () => {
    const r = cli(SEED, '--out', join(dir, 'no-such-dir', 'x.json'));
    assert.equal(r.code, 1);
    assert.match(r.err, /cannot write the output/);
    assert.equal(r.out, '');
  });

  it('rejects unknown options and formats with usage, exit 2', () => {
    const r = cli(SEED, '--format', 'xml');
    assert.equal(r.code, 2);
    assert.match(r.err, /unsupported format: xml/);
    assert.equal(r.out, '');
    assert.equal(cli().code, 2);
  });
});

describe('juesuan import: output', () => {
  it('writes the model as JSON to --out (readable back by the model)', () => {
    const out = join(dir, 'seed.json');
    const r = cli(SEED, '--out', out);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '');
    const d = fromJson(readFileSync(out, 'utf8'));
    assert.equal(d.meta.department, '深圳市扶贫协作和合作交流办公室');
    assert.equal(d.tables.length, 8);
  });

  it('prints CSV to stdout', () => {
    const r = cli(SEED, '--format', 'csv');
    assert.equal(r.code, 0, r.err);
    const lines = r.out.trimEnd().split('\r\n');
    assert.equal(lines[0], 'table,table_title,row_code,row_label,column,value,page,cell');
    assert.ok(lines.includes('6,一般公共预算财政拨款基本支出决算表,30231,公务用车运行维护费,决算数,1.00,12,amount'));
    assert.ok(lines.includes('6,一般公共预算财政拨款基本支出决算表,30310,个人农业生产补贴,决算数,,12,blank'));
  });
});
