// juesuan build: department data → a complete disclosure in every format.
import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../model/errors.ts';
import { FORMATS, type Format } from '../render/formats.ts';
import { PdfThread } from '../render/pdf-thread.ts';
import type { Command } from './command.ts';

function parseArgs(args: string[]): { input: string; out: string; formats: Format[] } {
  let input: string | undefined;
  let out: string | undefined;
  let formats: Format[] = [...FORMATS];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--out' || a === '-o') out = args[++i];
    else if (a.startsWith('--out=')) out = a.slice(6);
    else if (a === '--formats' || a.startsWith('--formats=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : (args[++i] ?? '');
      const list = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
      if (bad.length > 0 || list.length === 0) {
        throw new InputError(
          '--formats',
          `未知格式 / unknown format: ${bad.join(', ') || '(空)'}；可用 / available: ${FORMATS.join(',')}`,
        );
      }
      formats = list as Format[];
    } else if (a.startsWith('-')) throw new InputError(a, '未知选项 / unknown option');
    else if (input === undefined) input = a;
    else throw new InputError(a, '多余的参数 / unexpected argument');
  }
  if (!input)
    throw new InputError(
      'build',
      '缺少输入文件 / missing input: juesuan build <workbook.xlsx|data.json|folder> --out <dir>',
    );
  if (!out) throw new InputError('build', '缺少 --out 输出目录 / missing --out <dir>');
  return { input, out, formats };
}

export const command: Command = {
  name: 'build',
  summary: '由部门数据编制决算公开文件 / build a disclosure from department data',
  usage: [
    '用法 / usage: juesuan build <workbook.xlsx|data.json|example-folder> --out <dir> [--formats html,pdf,docx,xlsx,json,csv,fdp]',
    '',
    '  --out <dir>        输出目录 / output folder (created if missing)',
    `  --formats <list>   输出格式，默认全部 / formats, default all: ${FORMATS.join(',')}`,
  ].join('\n'),
  async run(args) {
    const { input, out, formats } = parseArgs(args);
    // The PDF thread starts first: it loads pdfmake and the fonts while the rest is loaded, read and compiled.
    const pdfThread = formats.includes('pdf') ? new PdfThread() : undefined;
    try {
      const [{ loadDepartment }, { compile }, { renderAll }] = await Promise.all([
        import('../import/workbook/load.ts'),
        import('../compile/index.ts'),
        import('../render/index.ts'),
      ]);
      const { data, file } = await loadDepartment(input);
      const d = compile(data, { file: path.basename(file) });
      await fs.mkdir(out, { recursive: true });
      for (const { files } of await renderAll(d, formats, pdfThread)) {
        for (const o of files) {
          const target = path.join(out, o.path);
          await fs.mkdir(path.dirname(target), { recursive: true });
          const tmp = `${target}.tmp-${process.pid}`;
          await fs.writeFile(tmp, o.data);
          await fs.rename(tmp, target);
          process.stdout.write(`${target}\n`);
        }
      }
    } finally {
      await pdfThread?.close();
    }
    return 0;
  },
};
