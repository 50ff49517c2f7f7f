// juesuan import-dir <dir> [--out DIR] [--format json|csv] [--jobs N]
import path from 'node:path';
import { importMany, listImportable } from '../import/pdf/batch.ts';
import { InputError } from '../model/errors.ts';
import { toJson } from '../model/json.ts';
import { toCsv } from '../render/csv.ts';
import { makeFolder } from '../util/make-folder.mjs';
import type { Command } from './command.ts';
import { writeOutput } from './write-output.ts';

const USAGE = `用法 / usage: juesuan import-dir <dir> [--out DIR] [--format json|csv] [--jobs N]

  <dir>            含决算公开 PDF（或提取文本）的文件夹 / a folder of disclosures (PDF or extracted text)
  --out DIR        输出文件夹（默认 <dir>.juesuan）/ output folder (default <dir>.juesuan)
  --format FORMAT  json（默认）或 csv / json (default) or csv
  --jobs N         同时导入的文件数（默认：核数 × 2）/ files in flight (default: cores × 2)

进度显示在标准错误输出，最后给出汇总；有文件失败时退出码为 1。
Progress goes to stderr, then a summary; the exit code is 1 when a file failed.`;

interface Options {
  dir: string;
  out?: string;
  format: 'json' | 'csv';
  jobs?: number;
}

function parseArgs(args: readonly string[]): Options | string {
  const o: Partial<Options> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    if (flag === '--out' || flag === '-o' || flag === '--format' || flag === '--jobs') {
      const v = inline ?? args[++i];
      if (v === undefined || v.startsWith('--')) return `${flag} 缺少参数值 / ${flag} needs a value`;
      if (flag === '--format') {
        if (v !== 'json' && v !== 'csv') return `不支持的格式 / unsupported format: ${v} (json|csv)`;
        o.format = v;
      } else if (flag === '--jobs') {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1) return `--jobs 须为正整数 / --jobs must be a positive integer: ${v}`;
        o.jobs = n;
      } else o.out = v;
    } else if (a.startsWith('-')) return `未知选项 / unknown option: ${a}`;
    else if (o.dir === undefined) o.dir = a;
    else return `多余的参数 / unexpected argument: ${a}`;
  }
  if (o.dir === undefined) return '缺少输入文件夹 / no input folder given';
  const out: Options = { dir: o.dir, format: o.format ?? 'json' };
  if (o.out !== undefined) out.out = o.out;
  if (o.jobs !== undefined) out.jobs = o.jobs;
  return out;
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export const command: Command = {
  name: 'import-dir',
  summary: '并行导入文件夹中的全部决算公开文件 / import every disclosure in a folder, in parallel',
  usage: USAGE,
  async run(args) {
    const opts = parseArgs(args);
    if (typeof opts === 'string') {
      process.stderr.write(`错误 / error: ${opts}\n\n${USAGE}\n`);
      return 2;
    }
    const files = await listImportable(opts.dir);
    if (files.length === 0)
      throw new InputError(opts.dir, '文件夹中没有 PDF 或 .txt 文件 / no PDF or .txt file in the folder');
    const outDir = opts.out ?? `${opts.dir.replace(/[/\\]+$/, '')}.juesuan`;
    try {
      makeFolder(outDir);
    } catch (e) {
      throw new InputError(outDir, `无法建立输出文件夹 / cannot make the output folder: ${(e as Error).message}`);
    }
    const t0 = performance.now();
    const tty = process.stderr.isTTY === true;
    let failed = 0;
    let pages = 0;
    const results = await importMany(files, {
      ...(opts.jobs !== undefined ? { concurrency: opts.jobs } : {}),
      onDone: (r, done, total) => {
        const name = path.basename(r.file);
        let line: string;
        if (r.disclosure) {
          pages += r.disclosure.meta.source.pages;
          line = `[${done}/${total}] ✓ ${name} (${r.disclosure.tables.length} 表 / tables, ${secs(r.ms)})`;
        } else {
          failed++;
          line = `[${done}/${total}] ✗ ${r.internal ? '内部错误 / internal error: ' : '错误 / error: '}${r.error}`;
        }
        process.stderr.write(tty && r.disclosure ? `\r\u001b[K${line}` : `${tty ? '\r\u001b[K' : ''}${line}\n`);
      },
    });
    for (const r of results) {
      if (!r.disclosure) continue;
      const base = path.basename(r.file).replace(/\.[^.]+$/, '');
      const text = opts.format === 'csv' ? toCsv(r.disclosure) : toJson(r.disclosure);
      await writeOutput(path.join(outDir, `${base}.${opts.format}`), text);
    }
    const ok = results.length - failed;
    const ms = performance.now() - t0;
    process.stderr.write(
      `${tty ? '\r\u001b[K' : ''}汇总 / summary: ${results.length} 个文件 / files, ${ok} 成功 / ok, ${failed} 失败 / failed, ` +
        `${pages} 页 / pages, ${secs(ms)}; 输出 / output: ${outDir}\n`,
    );
    return failed > 0 ? 1 : 0;
  },
};
