// juesuan init-workbook: an empty department data workbook with instructions in Chinese.
import fs from 'node:fs/promises';
import { writeWorkbook } from '../import/workbook/xlsx.ts';
import { InputError } from '../model/errors.ts';
import type { Command } from './command.ts';
import { writeOutput } from './write-output.ts';

export const command: Command = {
  name: 'init-workbook',
  summary: '生成空白部门数据工作簿 / write an empty department data workbook',
  usage:
    '用法 / usage: juesuan init-workbook <file.xlsx> [--force]\n\n  --force   覆盖已有文件 / overwrite an existing file',
  async run(args) {
    const force = args.includes('--force');
    const files = args.filter((a) => !a.startsWith('-'));
    const file = files[0];
    if (!file || files.length > 1)
      throw new InputError('init-workbook', '请给出一个 .xlsx 文件名 / give one .xlsx file name');
    if (!file.toLowerCase().endsWith('.xlsx'))
      throw new InputError(file, '文件名应以 .xlsx 结尾 / file name must end in .xlsx');
    if (!force) {
      try {
        await fs.access(file);
        throw new InputError(file, '文件已存在，使用 --force 覆盖 / file exists; use --force to overwrite');
      } catch (e) {
        if (e instanceof InputError) throw e;
      }
    }
    await writeOutput(file, await writeWorkbook());
    process.stdout.write(`${file}\n`);
    return 0;
  },
};
