// Narrative structure: paragraphs from wrapped lines, numbering (一、 （一） 1. （1） and their ASCII-bracket
// variants "(1)" "（1 )" "(二）"), and the Section tree.
import type { Section, TextBlock } from '../../model/disclosure.ts';
import type { PrintedText } from './printed.ts';

const CN = '一二三四五六七八九十百';
const NUMBERINGS: { level: number; re: RegExp }[] = [
  { level: 0, re: new RegExp(`^第([${CN}]+)部分\\s*[、:：]?`) },
  { level: 1, re: new RegExp(`^([${CN}]+)\\s*、`) },
  { level: 2, re: new RegExp(`^[（(]\\s*([${CN}]+)\\s*[）)]\\s*、?`) },
  { level: 3, re: /^(\d{1,2})\s*(?:[.．](?!\d)|、)/ },
  { level: 4, re: /^[（(]\s*(\d{1,2})\s*[）)]\s*、?/ },
  { level: 5, re: /^([①②③④⑤⑥⑦⑧⑨⑩])/ },
];

export interface Numbering {
  /** As printed ("（1 )"). */
  numbering: string;
  level: number;
  /** The text after the numbering. */
  rest: string;
}

/** The numbering a line or paragraph starts with, if any. */
export function numberingOf(text: string): Numbering | undefined {
  const t = text.trimStart();
  for (const { level, re } of NUMBERINGS) {
    const m = re.exec(t);
    if (m) return { numbering: m[0].trim(), level, rest: t.slice(m[0].length).trim() };
  }
  return undefined;
}

const PAGE_MARK = /^[-—－]\s*\d+\s*[-—－]$|^第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?$/;

/** A printed page number ("- 9 -", "第 3 页"). */
export function isPageMark(text: string): boolean {
  return PAGE_MARK.test(text.trim());
}

const ENDS_PARAGRAPH = /[。！？：:；;]$/;
const HEADING_END = /(?:说明|情况|概况|职责|设置|解释|结果|事项|决算表)$/;

/** Printed width of a line: CJK and full-width characters count 1, others ½. */
export function lineWidth(text: string): number {
  const t = text.trim();
  let w = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    w += c >= 0x2e80 && c <= 0xffef ? 1 : 0.5;
  }
  return w;
}

/** The width of a full line: the upper quartile of line widths. */
function fullWidth(lines: readonly PrintedText[]): number {
  const ws = lines
    .map((l) => lineWidth(l.text))
    .filter((w) => w > 0)
    .sort((a, b) => a - b);
  return ws[Math.floor(ws.length * 0.75)] ?? 0;
}

/**
 * Joins wrapped lines into paragraphs. A paragraph ends at a line ending in 。！？： or ；, at a line clearly
 * shorter than a full line, and at a numbered heading ("（一）部门职责"); a numbered line always starts a new one.
 * Chinese wraps have no space; a wrap between two Latin letters keeps one.
 */
export function joinParagraphs(lines: readonly PrintedText[]): PrintedText[] {
  const out: PrintedText[] = [];
  const full = fullWidth(lines);
  let cur: PrintedText | undefined;
  for (const l of lines) {
    const t = l.text.trim();
    if (t === '' || isPageMark(t)) continue;
    const numbered = numberingOf(t) !== undefined;
    if (cur && !numbered) {
      const sep = /[A-Za-z]$/.test(cur.text) && /^[A-Za-z]/.test(t) ? ' ' : '';
      cur.text += sep + t;
    } else {
      cur = { text: t, ...(l.src ? { src: l.src } : {}) };
      out.push(cur);
    }
    const short = full > 0 && lineWidth(t) < full * (numbered ? 0.85 : 0.75);
    if (ENDS_PARAGRAPH.test(t) || short || (numbered && HEADING_END.test(t))) cur = undefined;
  }
  return out;
}

/** Heading of a numbered paragraph: the text before a leading "标题：" when short, else the whole paragraph. */
function splitHeading(rest: string): { heading: string; body?: string } {
  const i = rest.search(/[：:]/);
  if (i > 0 && i <= 30) {
    const body = rest.slice(i + 1).trim();
    return body ? { heading: rest.slice(0, i), body } : { heading: rest.slice(0, i) };
  }
  return { heading: rest };
}

/**
 * Builds the Section tree from paragraphs. A numbered paragraph opens a section at its level (nested under the
 * nearest shallower one); other paragraphs belong to the innermost open section, or to an unnumbered section.
 */
export function buildSections(paragraphs: readonly PrintedText[]): Section[] {
  const roots: Section[] = [];
  const stack: Section[] = [];
  for (const p of paragraphs) {
    const n = numberingOf(p.text);
    // A "第一部分" heading sits above 一、 (level 0 for it, so it nests correctly).
    if (n) {
      const { heading, body } = splitHeading(n.rest);
      const s: Section = { numbering: n.numbering, level: n.level, heading, paragraphs: [], children: [] };
      if (p.src) s.src = p.src;
      if (body) s.paragraphs.push(block(body, p));
      while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= n.level) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(s);
      else roots.push(s);
      stack.push(s);
      continue;
    }
    const open = stack[stack.length - 1];
    if (open) open.paragraphs.push(block(p.text, p));
    else {
      const s: Section = { numbering: '', level: 0, heading: '', paragraphs: [block(p.text, p)], children: [] };
      if (p.src) s.src = p.src;
      roots.push(s);
    }
  }
  return roots;
}

function block(text: string, p: PrintedText): TextBlock {
  return p.src ? { text, src: p.src } : { text };
}

/** Every heading and paragraph of a tree, depth first, as printed. */
export function sectionTexts(sections: readonly Section[]): PrintedText[] {
  const out: PrintedText[] = [];
  const walk = (s: Section) => {
    const head = `${s.numbering}${s.heading}`;
    if (head) out.push(s.src ? { text: head, src: s.src } : { text: head });
    for (const p of s.paragraphs) out.push(p);
    s.children.forEach(walk);
  };
  sections.forEach(walk);
  return out;
}
