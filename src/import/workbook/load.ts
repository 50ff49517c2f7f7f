// Loads department data from a workbook (.xlsx), a JSON file, or an example folder holding data.json / data.xlsx.
import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../../model/errors.ts';
import { parseDepartmentJson } from './json.ts';
import type { DepartmentData } from './schema.ts';

export async function loadDepartment(input: string): Promise<{ data: DepartmentData; file: string }> {
  let stat: Awaited<ReturnType<typeof fs.stat>>;
  try {
    stat = await fs.stat(input);
  } catch {
    throw new InputError(input, '文件不存在 / file not found');
  }
  let file = input;
  if (stat.isDirectory()) {
    const candidates = ['data.json', 'data.xlsx'].map((n) => path.join(input, n));
    const found = [];
    for (const c of candidates) {
      try {
        await fs.access(c);
        found.push(c);
      } catch {
        /* not there */
      }
    }
    const first = found[0];
    if (!first)
      throw new InputError(input, '文件夹中没有 data.json 或 data.xlsx / folder has no data.json or data.xlsx');
    file = first;
  }
  const ext = path.extname(file).toLowerCase();
  const buf = await fs.readFile(file);
  if (ext === '.xlsx') {
    // ExcelJS is loaded only for workbooks.
    const { readWorkbook } = await import('./xlsx.ts');
    return { data: await readWorkbook(buf, file), file };
  }
  if (ext === '.json') return { data: parseDepartmentJson(buf.toString('utf8'), file), file };
  throw new InputError(file, '只支持 .xlsx 或 .json 部门数据 / expected a .xlsx or .json department data file');
}
