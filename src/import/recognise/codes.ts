// Classification codes as printed: "2080505", "208 05 05" (类/款/项 in separate cells), or glued to the name
// ("302商品和服务支出").
import type { PrintedCell } from './printed.ts';

const CODE = /^\d{3}(?:\d{2}){0,2}$/;

export function isCode(text: string): boolean {
  return CODE.test(text.trim());
}

/** Splits a code glued to its name: "302商品和服务支出" → { code: "302", label: "商品和服务支出" }. */
export function splitCodeLabel(text: string): { code?: string; label: string } {
  const t = text.trim();
  const m = /^(\d{3}(?:\s?\d{2}){0,2})(?!\d)\s*(.*)$/.exec(t);
  if (m?.[1] && !/^[.,]/.test(m[2] ?? '')) {
    const code = m[1].replace(/\s/g, '');
    if (isCode(code)) return { code, label: (m[2] ?? '').trim() };
  }
  return { label: t };
}

/**
 * Joins codes printed as separate 类/款/项 parts on one line ("208" "05" "05" → "2080505").
 * Only a 3- or 5-digit code followed, on the same line, by exactly two digits is joined.
 */
export function joinSpacedCodes(cells: readonly PrintedCell[]): PrintedCell[] {
  const out: PrintedCell[] = [];
  for (const c of cells) {
    const prev = out[out.length - 1];
    const t = c.text.trim();
    if (prev && !c.lineStart && /^\d{2}$/.test(t) && /^\d{3}(\d{2})?$/.test(prev.text.trim())) {
      out[out.length - 1] = { ...prev, text: prev.text.trim() + t };
      continue;
    }
    out.push(c);
  }
  return out;
}
