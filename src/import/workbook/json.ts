// Reading department data from JSON, with messages that name the file and the field.
import { z } from 'zod';
import { InputError } from '../../model/errors.ts';
import { type DepartmentData, type DepartmentDataJson, DepartmentData as DepartmentDataSchema } from './schema.ts';

export function parseDepartmentJson(text: string, file: string): DepartmentData {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new InputError(file, `不是有效的 JSON / not valid JSON: ${(e as Error).message}`);
  }
  return decodeDepartment(raw, file);
}

/** Validates raw data; `where` maps a field path to a human location (sheet, row, column) when known. */
export function decodeDepartment(
  raw: unknown,
  file: string,
  where: (path: readonly PropertyKey[]) => string | undefined = () => undefined,
): DepartmentData {
  const r = DepartmentDataSchema.safeDecode(raw as DepartmentDataJson, { error: issueMessage });
  if (r.success) return r.data;
  const lines = r.error.issues.slice(0, 10).map((i) => {
    const at = where(i.path) ?? `字段 / field ${i.path.map(String).join('.') || '(root)'}`;
    return `${at}：${i.message}`;
  });
  const more = r.error.issues.length > 10 ? `\n  …另有 ${r.error.issues.length - 10} 处 / more` : '';
  throw new InputError(file, `部门数据有误 / invalid department data:\n  ${lines.join('\n  ')}${more}`);
}

const ZH = z.locales.zhCN().localeError;
const EN = z.locales.en().localeError;

/** Chinese first, then English; an empty cell or an empty group of cells says so in plain words. */
function issueMessage(issue: Parameters<typeof ZH>[0]): string {
  if (issue.input === undefined) {
    return issue.code === 'invalid_type' && (issue.expected === 'object' || issue.expected === 'array')
      ? '整组未填写 / nothing filled in'
      : '必填，未填写 / required, empty';
  }
  const text = (m: ReturnType<typeof ZH>) => (typeof m === 'string' ? m : (m?.message ?? ''));
  return `${text(ZH(issue))} / ${text(EN(issue))}`;
}

export function encodeDepartment(d: DepartmentData): DepartmentDataJson {
  return z.encode(DepartmentDataSchema, d);
}

export function departmentToJson(d: DepartmentData): string {
  return `${JSON.stringify(encodeDepartment(d), null, 2)}\n`;
}

/** JSON Schema of the department data file (amounts as strings in 元). */
export function departmentJsonSchema(): unknown {
  return z.toJSONSchema(DepartmentDataSchema, { io: 'input', unrepresentable: 'any' });
}
