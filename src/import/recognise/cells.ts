// Printed cell text → Cell. Blank, a dash, a printed zero and "could not read" stay distinct.
import type { Cell, Source } from '../../model/disclosure.ts';
import { normaliseFigure, parseAmount, type Unit } from '../../model/money.ts';

export type CellClass = 'amount' | 'dash' | 'blank' | 'text';

const DASH = /^[—–\-－―──]+$/;
const FIGURE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[+-]?\.\d+$/;

const IN_PARENS = /^[(（]((?:\d{1,3}(?:,\d{3})+|\d+)\.\d+)[)）]$/;

export function isDash(text: string): boolean {
  return DASH.test(text.trim());
}

/**
 * A printed figure in its plain form: full-width digits and signs folded, spaces dropped, and a negative printed
 * in parentheses as spreadsheets do ("（12.30）", "(1,012.30)"; decimals required, so "(1)" stays a numbering)
 * given a minus sign.
 */
export function figureText(text: string): string {
  const t = normaliseFigure(text);
  const m = IN_PARENS.exec(t);
  return m ? `-${m[1]}` : t;
}

/** True for a printed figure ("87,628.42", "0.00", "531", "-3.5", "（3.50）"); full-width digits accepted. */
export function isFigure(text: string): boolean {
  return FIGURE.test(figureText(text));
}

/** True for a figure printed with a decimal point (amounts in the tables always have one). */
export function isDecimalFigure(text: string): boolean {
  return isFigure(text) && figureText(text).includes('.');
}

export function classify(text: string): CellClass {
  const t = text.trim();
  if (t === '') return 'blank';
  if (isDash(t)) return 'dash';
  if (isFigure(t)) return 'amount';
  return 'text';
}

function withSrc<T extends object>(c: T, src: Source | undefined): T {
  return src ? { ...c, src } : c;
}

/** A printed cell in a money column → Cell. Text that is no figure becomes a text cell, kept as printed. */
export function toCell(text: string, unit: Unit, src?: Source): Cell {
  const t = text.trim();
  switch (classify(t)) {
    case 'blank':
      return withSrc({ kind: 'blank' as const }, src);
    case 'dash':
      return withSrc({ kind: 'dash' as const, text: t }, src);
    case 'amount': {
      const printed = figureText(t).replace(/,/g, '');
      try {
        return withSrc({ kind: 'amount' as const, fen: parseAmount(printed, unit), text: printed }, src);
      } catch (e) {
        return unreadCell(`金额无法精确读取 / amount not exact: ${(e as Error).message}`, src);
      }
    }
    default:
      return withSrc({ kind: 'text' as const, text: t }, src);
  }
}

export function unreadCell(reason: string, src?: Source): Cell {
  return withSrc({ kind: 'unread' as const, reason }, src);
}
