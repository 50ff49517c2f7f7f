// Table header lines: "部门：… 单位：万元", the table number "公开01表", and the 栏次 line.
import type { Unit } from '../../model/money.ts';
import { squash } from '../../model/templates.ts';

export interface UnitLine {
  department?: string;
  unit?: Unit;
}

// Spaces may stand between the letters: "单 位：万 元" is spread over its cell.
const DEPT = /(?:编\s*制\s*)?(?:部\s*门|单\s*位)(?:\s*名\s*称)?\s*[：:]\s*(.+?)(?=\s*(?:金\s*额\s*)?单\s*位\s*[：:]|$)/;
const UNIT = /(?:金\s*额\s*)?单\s*位\s*[：:]\s*(万\s*元|元)/;

/** Reads "部门：深圳市… 单位：万元" (either part may be missing); undefined if the line is neither. */
export function readUnitLine(text: string): UnitLine | undefined {
  const t = text.trim();
  const u = UNIT.exec(t);
  const d = DEPT.exec(t.replace(UNIT, '').trim());
  if (!u && !(d && /^(?:编\s*制\s*)?部\s*门/.test(t))) return undefined;
  const out: UnitLine = {};
  const dept = d?.[1] ? squash(d[1]) : undefined;
  if (dept && !/^(万元|元)$/.test(dept)) out.department = dept;
  if (u?.[1]) out.unit = squash(u[1]) as Unit;
  return out;
}

/** "公开 01 表" / "公 开06 表" → "公开01表"; undefined if the line is not a table number. */
export function readTableNo(text: string): string | undefined {
  const t = squash(text);
  return /^(?:公开|附)?表?\d{1,2}(?:-\d+)?表?$/.test(t) && /\d/.test(t) && /表/.test(t) ? t : undefined;
}

/** The 栏次 line ("栏次 1 2 3", "栏 次 1 栏 次 2 3 4", or a bare "1 2 … 12"): its column numbers in order. */
export function readColumnNumbers(text: string): string[] | undefined {
  const t = text.trim();
  const s = squash(t);
  if (s.startsWith('栏次')) {
    const nums = t
      .replace(/栏\s*次/g, ' ')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    return nums.every((n) => /^\d{1,2}$/.test(n)) ? nums : undefined;
  }
  const parts = t.split(/\s+/);
  if (parts.length >= 2 && parts.every((p, i) => p === String(i + 1))) return parts;
  return undefined;
}
