// A derived, read-only view of the narrative: flattened sections, sentences, and the amount and
// percentage mentions in them with their subject words and source. Pure; no table knowledge.
import type { Disclosure, Section, Source } from '../../model/disclosure.ts';
import { parseScaled } from '../../model/money.ts';
import { squash } from '../text.ts';

export interface FlatSection {
  section: Section;
  /** Headings from the top, joined with " > ". */
  path: string;
  /** Squashed headings from the top (for scope tests). */
  chain: string[];
  depth: number;
}

export interface Sentence {
  text: string;
  section: FlatSection;
  src: Source | undefined;
  /** True for a heading line. */
  heading: boolean;
}

export type MoneyUnit = '元' | '万元' | '亿元';

export interface AmountMention {
  kind: 'amount';
  raw: string;
  /** Number as printed, without unit. */
  number: string;
  unit: MoneyUnit;
  /** Value in 分. */
  fen: bigint;
  decimals: number;
  /** Words right before the figure, back to the previous delimiter or figure (squashed). */
  subject: string;
  /** Offset in the sentence. */
  at: number;
  end: number;
  sentence: Sentence;
}

export interface PercentMention {
  kind: 'percent';
  raw: string;
  number: string;
  /** Value × 10^-scale percent. */
  value: bigint;
  scale: number;
  subject: string;
  at: number;
  end: number;
  sentence: Sentence;
}

export type Mention = AmountMention | PercentMention;

const UNIT_SCALE: Record<MoneyUnit, number> = { 元: 2, 万元: 6, 亿元: 10 };
export const FIGURE_RE = /(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(亿元|万元|元|[%％])/g;
const SUBJECT_STOP = /[，,。；;：:、！？\n]/;

export interface NarrativeView {
  sections: FlatSection[];
  sentences: Sentence[];
  mentions: Mention[];
  amounts: AmountMention[];
  percents: PercentMention[];
  /** All narrative text (headings and paragraphs), for presence tests. */
  fullText: string;
  /** Sections whose heading path contains any of the phrases. */
  sectionsMatching(...phrases: string[]): FlatSection[];
  sentencesIn(sections: FlatSection[]): Sentence[];
  /** Mentions of one sentence, in order. */
  inSentence(s: Sentence): Mention[];
  /** Mentions some rule compared with a table figure or with other figures (filled while rules run). */
  checked: Set<Mention>;
  /** Records that a rule compared these mentions (undefined ones are ignored). */
  markChecked(...ms: (Mention | undefined)[]): void;
}

export function flattenSections(roots: Section[]): FlatSection[] {
  const out: FlatSection[] = [];
  const walk = (s: Section, chain: string[], names: string[]) => {
    const heading = `${s.numbering}${s.heading}`;
    const c = [...chain, squash(heading)];
    const n = [...names, heading.trim()];
    out.push({ section: s, path: n.join(' > '), chain: c, depth: c.length });
    for (const ch of s.children) walk(ch, c, n);
  };
  for (const r of roots) walk(r, [], []);
  return out;
}

/** Splits text into sentences at 。；;！？, keeping the terminator. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of text) {
    cur += ch;
    if ('。；;！？'.includes(ch)) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    }
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

export function mentionsIn(sentence: Sentence): Mention[] {
  const out: Mention[] = [];
  const text = sentence.text;
  let lastEnd = 0;
  for (const m of text.matchAll(FIGURE_RE)) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    // not part of a longer number or code (e.g. "2019年" is not matched; "〔2019〕9号" has no unit)
    if (at > 0 && /[\d.]/.test(text[at - 1] ?? '')) continue;
    const before = text.slice(lastEnd, at);
    const cut = Math.max(...[...before].map((c, i) => (SUBJECT_STOP.test(c) ? i + 1 : 0)), 0);
    const subject = squash(before.slice(cut));
    const number = `${m[1] ?? ''}${m[2] ?? ''}`;
    const unitText = m[3] ?? '';
    const decimals = m[2] ? m[2].length - 1 : 0;
    lastEnd = end;
    if (unitText === '%' || unitText === '％') {
      const scale = Math.max(decimals, 0);
      out.push({
        kind: 'percent',
        raw: m[0],
        number,
        value: parseScaled(number, scale),
        scale,
        subject,
        at,
        end,
        sentence,
      });
      continue;
    }
    const unit = unitText as MoneyUnit;
    let fen: bigint;
    try {
      fen = parseScaled(number, UNIT_SCALE[unit]);
    } catch {
      continue;
    }
    out.push({ kind: 'amount', raw: m[0], number, unit, fen, decimals, subject, at, end, sentence });
  }
  return out;
}

export function buildNarrativeView(d: Disclosure): NarrativeView {
  const sections = flattenSections(d.narrative);
  const sentences: Sentence[] = [];
  for (const fs of sections) {
    const s = fs.section;
    const headingText = `${s.numbering}${s.heading}`.trim();
    // a numbered item may be printed as one long heading holding several sentences
    splitSentences(squashSoft(headingText)).forEach((t, i) => {
      sentences.push({ text: t, section: fs, src: s.src, heading: i === 0 });
    });
    for (const p of s.paragraphs) {
      for (const t of splitSentences(squashSoft(p.text))) {
        sentences.push({ text: t, section: fs, src: p.src ?? s.src, heading: false });
      }
    }
  }
  const mentions = sentences.flatMap(mentionsIn);
  const fullText = sentences.map((s) => s.text).join('\n');
  const bySentence = new Map<Sentence, Mention[]>();
  for (const m of mentions) {
    const l = bySentence.get(m.sentence) ?? [];
    l.push(m);
    bySentence.set(m.sentence, l);
  }
  const checked = new Set<Mention>();
  return {
    sections,
    sentences,
    mentions,
    amounts: mentions.filter((m): m is AmountMention => m.kind === 'amount'),
    percents: mentions.filter((m): m is PercentMention => m.kind === 'percent'),
    fullText,
    sectionsMatching: (...phrases) => sections.filter((s) => s.chain.some((h) => phrases.some((p) => h.includes(p)))),
    sentencesIn: (secs) => sentences.filter((s) => secs.includes(s.section)),
    inSentence: (s) => bySentence.get(s) ?? [],
    checked,
    markChecked: (...ms) => {
      for (const m of ms) if (m) checked.add(m);
    },
  };
}

/** Drops line-break whitespace inside Chinese text but keeps a space between two Latin/digit runs. */
export function squashSoft(s: string): string {
  return s
    .replace(/\s*\n\s*/g, '')
    .replace(/([^\p{ASCII}])\s+/gu, '$1')
    .replace(/\s+([^\p{ASCII}])/gu, '$1')
    .trim();
}
