// Shared pieces for reading performance annexes from extracted text: a token stream that keeps
// line boundaries, display widths (to tell wrapped columns apart), label matching across wrapped lines,
// and exact number values.
import type { NumberValue, Source } from '../../model/disclosure.ts';
import type { TextLine } from './lines.ts';

/** One whitespace-separated piece of a line. */
export interface Token {
  text: string;
  /** Index of the line in the annex's line list. */
  lineIndex: number;
  /** First token on its line. */
  lineStart: boolean;
  /** Last token on its line. */
  lineEnd: boolean;
  src: Source;
}

export function tokenize(lines: readonly TextLine[], file: string): Token[] {
  const out: Token[] = [];
  lines.forEach((l, lineIndex) => {
    const parts = l.text.trim().split(/\s+/).filter(Boolean);
    parts.forEach((text, i) => {
      out.push({
        text,
        lineIndex,
        lineStart: i === 0,
        lineEnd: i === parts.length - 1,
        src: { file, page: l.page, line: l.line },
      });
    });
  });
  return out;
}

/** Removes whitespace and unifies bracket and punctuation variants, for comparing labels and names. */
export function compact(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')')
    .replace(/[，,]/g, ',')
    .replace(/[：:]/g, ':')
    .replace(/[；;]/g, ';');
}

const NARROW_PUNCT = new Set('、，。；：“”‘’'.split(''));

/** Display width in em: ideographs and full-width brackets 1, ASCII and compressible punctuation 0.5. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x80 || NARROW_PUNCT.has(ch) ? 0.5 : 1;
  return w;
}

/** A plain decimal figure such as 2.27, 25.00, 0.0 (weights and scores). */
export const DECIMAL_RE = /^\d+\.\d+$/;

/** Exact value of a printed decimal: "2.27" → 227 × 10^-2, "2.3" → 23 × 10^-1. */
export function numberValue(text: string): NumberValue {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return { text };
  const frac = m[3] ?? '';
  const v = BigInt(`${m[2]}${frac}`);
  return { text, value: m[1] === '-' ? -v : v, scale: frac.length };
}

export interface LabelMatch {
  label: string;
  /** Token index where the label starts. */
  start: number;
  /** Token index after the last token consumed by the label. */
  end: number;
  /** Text left over in the last consumed token after the label (value glued to the label). */
  rest: string;
}

/**
 * Does a label (possibly wrapped over several lines) start at token i? The label must start at a token
 * start; it may end inside a token, whose remainder is returned as `rest`.
 */
export function matchLabelAt(tokens: readonly Token[], i: number, label: string): LabelMatch | undefined {
  const want = compact(label);
  let acc = '';
  for (let j = i; j < tokens.length && j < i + 12; j++) {
    const t = compact((tokens[j] as Token).text);
    const next = acc + t;
    if (next.length >= want.length) {
      if (!next.startsWith(want)) return undefined;
      const cut = want.length - acc.length;
      return { label, start: i, end: j + 1, rest: restAfter((tokens[j] as Token).text, cut) };
    }
    if (!want.startsWith(next)) return undefined;
    acc = next;
  }
  return undefined;
}

/** The part of `raw` after its first `n` compacted characters. */
function restAfter(raw: string, n: number): string {
  let seen = 0;
  let k = 0;
  while (k < raw.length && seen < n) {
    if (!/\s/.test(raw[k] as string)) seen++;
    k++;
  }
  return raw.slice(k).trim();
}

export interface Field {
  label: string;
  /** Value pieces with their line, for joining. */
  parts: { text: string; lineIndex: number }[];
  src: Source;
}

/**
 * Reads "label value label value …" from a token stream. Labels are tried in the given order; each is
 * used at most once and a later label may be found when an earlier one is missing. Values are the text
 * between one label and the next, with wrapped lines joined without spaces and tokens on one line kept
 * apart by a space.
 */
export function readFields(tokens: readonly Token[], labels: readonly string[]): Field[] {
  const fields: { label: string; src: Source; parts: { text: string; lineIndex: number }[] }[] = [];
  let next = 0;
  let i = 0;
  while (i < tokens.length) {
    let found: LabelMatch | undefined;
    for (let k = next; k < labels.length && !found; k++) {
      // Longer labels first among those that match here ("部门负责人" before "负责人").
      const m = matchLabelAt(tokens, i, labels[k] as string);
      if (m) {
        found = m;
        next = k + 1;
      }
    }
    if (found) {
      const t = tokens[i] as Token;
      const f = { label: found.label, src: t.src, parts: [] as { text: string; lineIndex: number }[] };
      const last = tokens[found.end - 1] as Token;
      if (found.rest) f.parts.push({ text: found.rest, lineIndex: last.lineIndex });
      fields.push(f);
      i = found.end;
      continue;
    }
    const cur = fields[fields.length - 1];
    const t = tokens[i] as Token;
    if (cur) cur.parts.push({ text: t.text, lineIndex: t.lineIndex });
    i++;
  }
  return fields;
}

/** Joins pieces: a space between pieces of one line, nothing across a line wrap. */
export function joinParts(parts: readonly { text: string; lineIndex: number }[]): string {
  let s = '';
  let prevLine = -1;
  for (const p of parts) {
    if (s && p.lineIndex === prevLine) s += ' ';
    s += p.text;
    prevLine = p.lineIndex;
  }
  return s;
}

/** Joins wrapped text, starting a new line before numbered paragraphs ("2、…", "3.…"). */
export function joinParagraphs(parts: readonly { text: string; lineIndex: number }[]): string {
  let s = '';
  let prevLine = -1;
  for (const p of parts) {
    if (s && p.lineIndex === prevLine) s += ' ';
    else if (s && /^\d+[、.．](?!\d)/.test(p.text)) s += '\n';
    s += p.text;
    prevLine = p.lineIndex;
  }
  return s;
}
