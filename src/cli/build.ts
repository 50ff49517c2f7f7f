import path from 'node:path';
import { InputError } from '../model/errors.ts';
import { FORMATS, type Format } from '../render/formats.ts';
import { PdfThread } from '../render/pdf-thread.ts';
import type { Command } from './command.ts';
import { writeOutput } from './write-output.ts';

function parseArgs(args: string[]): { inputs: string[]; out: string; formats: Format[] } {
  const inputs: string[] = [];
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
    else inputs.push(a);
  }
  if (inputs.length === 0)
    throw new InputError(
      'build',
      '缺少输入文件 / missing input: juesuan build <workbook.xlsx|data.json|folder> --out <dir>',
    );
  if (!out) throw new InputError('build', '缺少 --out 输出目录 / missing --out <dir>');
  return { inputs, out, formats };
}

/** Output folder of one input: `out` itself for a single input, else `out/<input name>`. */
function outFor(input: string, out: string, several: boolean): string {
  return several ? path.join(out, path.basename(input, path.extname(input))) : out;
}

export const command: Command = {
  name: 'build',
  summary: '由部门数据编制决算公开文件 / build a disclosure from department data',
  usage: [
    '用法 / usage: juesuan build <workbook.xlsx|data.json|example-folder>... --out <dir> [--formats html,pdf,docx,xlsx,json,csv,fdp]',
    '',
    '  多个输入时，每个部门写入 <dir>/<输入名>/，一次启动、逐个编制 / several inputs: each into <dir>/<input name>/,',
    '  built one after another in one process (the first cold, the rest warm)',
    '  --out <dir>        输出目录 / output folder (created if missing)',
    `  --formats <list>   输出格式，默认全部 / formats, default all: ${FORMATS.join(',')}`,
  ].join('\n'),
  async run(args) {
    const { inputs, out, formats } = parseArgs(args);
    const several = inputs.length > 1;
    const names = inputs.map((i) => outFor(i, out, several));
    const clash = names.find((n, k) => names.indexOf(n) !== k);
    if (clash)
      throw new InputError(clash, '两个输入会写到同一输出目录 / two inputs would be written to the same folder');
    // The PDF thread starts first: it loads pdfmake and the fonts while the rest is loaded, read and compiled; with
    // several inputs it stays up, so every department after the first is built warm.
    const pdfThread = formats.includes('pdf') ? new PdfThread() : undefined;
    let failed = 0;
    try {
      const [{ loadDepartment }, { compile }, { renderAll }] = await Promise.all([
        import('../import/workbook/load.ts'),
        import('../compile/index.ts'),
        import('../render/index.ts'),
      ]);
      for (const [k, input] of inputs.entries()) {
        const dir = names[k] as string;
        try {
          const { data, file } = await loadDepartment(input);
          const d = compile(data, { file: path.basename(file) });
          for (const { files } of await renderAll(d, formats, pdfThread)) {
            for (const o of files) {
              const target = path.join(dir, o.path);
              await writeOutput(target, o.data, true);
              process.stdout.write(`${target}\n`);
            }
          }
        } catch (e) {
          // One input's problem is reported and the others are still built.
          if (!several || !(e instanceof InputError)) throw e;
          failed++;
          process.stderr.write(`错误 / error: ${e.message}\n`);
        }
      }
    } finally {
      await pdfThread?.close();
    }
    if (several)
      process.stderr.write(
        `编制完成 / built: ${inputs.length - failed} / ${inputs.length}${failed ? `，失败 / failed: ${failed}` : ''}\n`,
      );
    return failed > 0 ? 1 : 0;
  },
};
