import { importFile } from '../import/index.ts';
import { toJson } from '../model/json.ts';
import { toCsv } from '../render/csv.ts';
import type { Command } from './command.ts';
import { writeOutput } from './write-output.ts';

const USAGE = `用法 / usage: juesuan import <file> [--out FILE] [--format json|csv]

  <file>           已发布的决算公开文件（PDF 或提取的文本）/ a published disclosure (PDF or extracted text)
  --out FILE       写入文件而非标准输出 / write to FILE instead of stdout
  --format FORMAT  json（默认，完整模型）或 csv（每个表格单元一行）/ json (default, full model) or csv (one line per table cell)`;

interface Options {
  file: string;
  out?: string;
  format: 'json' | 'csv';
}

function parseArgs(args: readonly string[]): Options | string {
  let file: string | undefined;
  let out: string | undefined;
  let format: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--out' || a === '-o' || a === '--format') {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) return `${a} 缺少参数值 / ${a} needs a value`;
      if (a === '--format') format = v;
      else out = v;
    } else if (a.startsWith('--out=')) out = a.slice(6);
    else if (a.startsWith('--format=')) format = a.slice(9);
    else if (a.startsWith('-') && a !== '-') return `未知选项 / unknown option: ${a}`;
    else if (file === undefined) file = a;
    else return `多余的参数 / unexpected argument: ${a}`;
  }
  if (file === undefined) return '缺少输入文件 / no input file given';
  if (format !== undefined && format !== 'json' && format !== 'csv') {
    return `不支持的格式 / unsupported format: ${format} (json|csv)`;
  }
  const o: Options = { file, format: (format ?? 'json') as 'json' | 'csv' };
  if (out !== undefined) o.out = out;
  return o;
}

export const command: Command = {
  name: 'import',
  summary: '导入决算公开文件（PDF 或文本）为 JSON/CSV / import a disclosure (PDF or text) to JSON or CSV',
  usage: USAGE,
  async run(args) {
    const opts = parseArgs(args);
    if (typeof opts === 'string') {
      process.stderr.write(`错误 / error: ${opts}\n\n${USAGE}\n`);
      return 2;
    }
    if ((await (await import('node:fs/promises')).stat(opts.file).catch(() => undefined))?.isDirectory())
      return (await import('./import-dir.ts')).command.run(args);
    const d = await importFile(opts.file);
    const text = opts.format === 'csv' ? toCsv(d) : toJson(d);
    if (opts.out !== undefined) await writeOutput(opts.out, text);
    else process.stdout.write(text);
    return 0;
  },
};
