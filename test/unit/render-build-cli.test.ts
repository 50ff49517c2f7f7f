// The build and init-workbook commands end to end: files written, clear messages and exit codes on bad input.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { readWorkbook } from '../../src/import/workbook/xlsx.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-cli-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A command's result; one that does not end within two minutes is stopped and fails its test. */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('juesuan build', () => {
  it('builds the requested formats from an example folder, the same bytes each time', () => {
    const a = path.join(tmp, 'a');
    const b = path.join(tmp, 'b');
    const r = cli('build', 'examples/shanghai-putuo-2024', '--out', a, '--formats', 'html,json,csv,fdp,xlsx');
    assert.equal(r.code, 0, r.err);
    const base = '上海市普陀区财政局-2024-部门决算';
    for (const f of [
      `${base}.html`,
      `${base}.json`,
      `${base}.csv`,
      `${base}.xlsx`,
      'fdp/datapackage.json',
      'fdp/data/amounts.csv',
    ]) {
      assert.ok(fs.existsSync(path.join(a, f)), f);
    }
    assert.ok(!fs.existsSync(path.join(a, `${base}.pdf`)));
    assert.equal(
      cli('build', 'examples/shanghai-putuo-2024/data.xlsx', '--out', b, '--formats=html,json,xlsx').code,
      0,
    );
    for (const f of [`${base}.html`, `${base}.xlsx`]) {
      assert.ok(fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f))), f);
    }
    // The JSON differs only in the name of the source file.
    const ja = JSON.parse(fs.readFileSync(path.join(a, `${base}.json`), 'utf8'));
    const jb = JSON.parse(fs.readFileSync(path.join(b, `${base}.json`), 'utf8'));
    assert.equal(ja.meta.source.file, 'data.json');
    assert.equal(jb.meta.source.file, 'data.xlsx');
    ja.meta.source.file = jb.meta.source.file;
    assert.deepEqual(ja, jb);
  });

  it('names the file and the problem on bad input, exit code 1', () => {
    const missing = cli('build', path.join(tmp, 'nope.json'), '--out', tmp);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /错误 \/ error: .*nope\.json: 文件不存在/);
    const bad = path.join(tmp, 'bad.json');
    fs.writeFileSync(bad, '{"version": 1, "department": {}}');
    const invalid = cli('build', bad, '--out', tmp);
    assert.equal(invalid.code, 1);
    assert.match(invalid.err, /bad\.json: 部门数据有误/);
    assert.match(invalid.err, /department\.name/);
    const format = cli('build', 'examples/shanghai-putuo-2024', '--out', tmp, '--formats', 'html,odt');
    assert.equal(format.code, 1);
    assert.match(format.err, /未知格式 \/ unknown format: odt/);
    assert.match(cli('build', 'examples/shanghai-putuo-2024').err, /缺少 --out/);
  });
});

describe('juesuan build with several inputs', () => {
  it('builds each into a folder of its own in one process; a bad input is reported and the others still built', () => {
    const out = path.join(tmp, 'several');
    const missing = path.join(tmp, 'missing-dept.json');
    const r = cli(
      'build',
      'examples/shanghai-putuo-2024',
      missing,
      'examples/shenzhen-fupin-2019',
      '--out',
      out,
      '--formats',
      'html,json,pdf',
    );
    assert.equal(r.code, 1);
    assert.match(r.err, /missing-dept\.json: 文件不存在/);
    assert.match(r.err, /编制完成 \/ built: 2 \/ 3，失败 \/ failed: 1/);
    for (const [dir, base] of [
      ['shanghai-putuo-2024', '上海市普陀区财政局-2024-部门决算'],
      ['shenzhen-fupin-2019', '深圳市扶贫协作和合作交流办公室-2019-部门决算'],
    ] as const) {
      for (const ext of ['html', 'json', 'pdf'])
        assert.ok(fs.existsSync(path.join(out, dir, `${base}.${ext}`)), dir + ext);
      // The same bytes as a build of that input alone.
      const alone = path.join(tmp, `alone-${dir}`);
      assert.equal(cli('build', `examples/${dir}`, '--out', alone, '--formats', 'pdf').code, 0);
      assert.ok(
        fs.readFileSync(path.join(out, dir, `${base}.pdf`)).equals(fs.readFileSync(path.join(alone, `${base}.pdf`))),
      );
    }
    assert.ok(!fs.existsSync(path.join(out, 'missing-dept')));
  });

  it('refuses two inputs that would be written to the same folder', () => {
    const r = cli(
      'build',
      'examples/shanghai-putuo-2024',
      'examples/shanghai-putuo-2024/',
      '--out',
      path.join(tmp, 'x'),
    );
    assert.equal(r.code, 1);
    assert.match(r.err, /two inputs would be written to the same folder/);
  });
});

describe('juesuan build into a folder that cannot be made', () => {
  it('exits 1 with the path and the reason, not an internal error', () => {
    const blocker = path.join(tmp, 'a-file');
    fs.writeFileSync(blocker, '');
    const r = cli('build', 'examples/shanghai-putuo-2024', '--out', path.join(blocker, 'out'), '--formats', 'html');
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, /a-file[/]out[/].*\.html: 无法写入输出文件 \/ cannot write the output: ENOTDIR/);
    assert.doesNotMatch(r.err, /内部错误/);
  });

  it('exits 1 under /proc, where a folder cannot be made either (does not hang)', {
    skip: !fs.existsSync('/proc/self'),
  }, () => {
    const r = cli('build', 'examples/shanghai-putuo-2024', '--out', '/proc/no-such/out', '--formats', 'json');
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, /\/proc\/no-such\/out\/.*\.json: 无法写入输出文件 \/ cannot write the output: ENOENT/);
  });
});

describe('juesuan build with its output list read only in part (`| head -1`)', () => {
  it('writes every file and exits 0 when the reader closes the pipe after the first line', async () => {
    const dir = path.join(tmp, 'closed-pipe');
    const child = spawn(process.execPath, [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'build',
      'examples/shanghai-putuo-2024',
      '--out',
      dir,
      '--formats',
      'html,json,csv,xlsx',
    ]);
    let err = '';
    child.stderr.on('data', (b) => {
      err += b;
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 0, err);
    assert.doesNotMatch(err, /EPIPE|内部错误/);
    assert.equal(fs.readdirSync(dir).filter((f) => /\.(html|json|csv|xlsx)$/.test(f)).length, 4);
  });
});

describe('juesuan init-workbook', () => {
  it('writes an empty workbook with instructions, refuses to overwrite without --force', async () => {
    const file = path.join(tmp, '部门数据.xlsx');
    assert.equal(cli('init-workbook', file).code, 0);
    assert.ok(fs.statSync(file).size > 5000);
    const again = cli('init-workbook', file);
    assert.equal(again.code, 1);
    assert.match(again.err, /文件已存在/);
    assert.equal(cli('init-workbook', file, '--force').code, 0);
    // The empty workbook is read with a clear message about what is missing, not a crash.
    await assert.rejects(readWorkbook(fs.readFileSync(file), file), /部门数据有误[\s\S]*工作表“基本情况” 第 2 行 B 列/);
  });
});
