// Department name from a disclosure's headings (used by the PDF importer).
import { readUnitLine } from './header.ts';
import type { PrintedText } from './printed.ts';
import { numberingOf } from './sections.ts';

/** "第二部分 上海市…局2024年度部门决算表", "部门：…", "…概况" → the department name. */
export function readDepartment(lines: readonly PrintedText[]): string | undefined {
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

function stripHeadingNumber(text: string): string {
  const n = numberingOf(text.trim());
  return n && n.level <= 1 ? n.rest : text.trim();
}
