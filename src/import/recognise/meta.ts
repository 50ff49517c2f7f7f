// Document metadata: department, fiscal year, scope, region and template.
import { type Template, templateFor } from '../../model/templates.ts';
import { readUnitLine } from './header.ts';
import { numberingOf } from './sections.ts';

/** Fiscal year from a title like "XX 2019 年度部门决算" or "2024年度单位决算". */
export function readFiscalYear(text: string): { year: number; scope: '部门' | '单位' } | undefined {
  const m = /(20\d{2})\s*年度?\s*(部门|单位)?\s*决算/.exec(text.replace(/\s+/g, ' '));
  if (!m?.[1]) return undefined;
  return { year: Number(m[1]), scope: m[2] === '单位' ? '单位' : '部门' };
}

/** Region from a department name: its province or city prefix ("深圳市扶贫…" → "深圳市", "上海市普陀区…" → "上海市"). */
export function readRegion(department: string): string | undefined {
  const m = /^(.{2,3}?(?:省|自治区|市))/.exec(department.trim());
  return m?.[1];
}

export function chooseTemplate(year: number, region: string | undefined): Template {
  return templateFor(year, region);
}

/** Department name from the "部门：…" line, "二、XX 2019 年度部门决算表" or "第一部分 XX概况". */
export function readDepartment(lines: readonly { text: string }[]): string | undefined {
  for (const l of lines) {
    const u = readUnitLine(l.text);
    if (u?.department) return u.department;
  }
  for (const l of lines) {
    const m = /^(.+?)\s*\d{4}\s*年度?\s*(?:部门|单位)决算/.exec(stripHeadingNumber(l.text));
    if (m?.[1] && !/[，。：]/.test(m[1])) return m[1].trim();
  }
  for (const l of lines) {
    const m = /^(.+?)\s*(?:部门|单位)?(?:概况|基本情况)$/.exec(stripHeadingNumber(l.text));
    if (m?.[1]) return m[1].trim();
  }
  return undefined;
}

/** A heading without its numbering ("第一部分 ", "一、"). */
function stripHeadingNumber(text: string): string {
  const n = numberingOf(text.trim());
  return n && n.level <= 1 ? n.rest : text.trim();
}
