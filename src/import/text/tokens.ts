// Table body lines of extracted text → a stream of printed cells (one per token), with their line and page.
import type { Source } from '../../model/disclosure.ts';
import type { PrintedCell } from '../recognise/printed.ts';
import type { TextLine } from './lines.ts';

const CJK_START = /^[\u4e00-\u9fff（(“"]/;
const LEADING_FIGURE = /^([+-]?\d[\d,]*(?:\.\d+)?)(.+)$/;
const TRAILING_FIGURE = /^(.*[\u4e00-\u9fff）)”"])([+-]?\d[\d,]*\.\d+)$/;

/**
 * Splits a whitespace-separated piece where a figure is glued to a name: "87,628.42一、一般公共服务支出",
 * "302商品和服务支出", "护费1.00".
 */
export function splitGlued(piece: string): string[] {
  const lead = LEADING_FIGURE.exec(piece);
  if (lead?.[1] && lead[2] && CJK_START.test(lead[2])) return [lead[1], ...splitGlued(lead[2])];
  const trail = TRAILING_FIGURE.exec(piece);
  if (trail?.[1] && trail[2]) return [trail[1], trail[2]];
  return [piece];
}

/** Full-width digits (and a full-width point or comma between digits) as ASCII, so figures split as usual. */
export function asciiDigits(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/(?<=\d)[．，](?=\d)/g, (c) => (c === '．' ? '.' : ','));
}

export function lineSource(l: TextLine): Source {
  return { page: l.page, line: l.line };
}

/**
 * Tokens of table body lines. A figure cut at a line end ("83768000.0" then "0" at the start of the next line)
 * is joined back when the joined figure gets the table's usual two decimals.
 */
export function tokenize(lines: readonly TextLine[]): PrintedCell[] {
  const out: PrintedCell[] = [];
  lines.forEach((l) => {
    const pieces = asciiDigits(l.text).trim().split(/\s+/).filter(Boolean).flatMap(splitGlued);
    pieces.forEach((text, i) => {
      const prev = out[out.length - 1];
      if (i === 0 && prev && /^\d[\d,]*\.\d$/.test(prev.text) && /^\d$/.test(text) && pieces.length === 1) {
        prev.text += text;
        return;
      }
      out.push({ text, src: lineSource(l), lineStart: i === 0 });
    });
  });
  return out;
}
