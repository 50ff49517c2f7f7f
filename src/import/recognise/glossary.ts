// 名词解释: numbered "term：definition" entries.
import type { z } from 'zod';
import type { GlossaryEntrySchema } from '../../model/disclosure.ts';
import type { PrintedText } from './printed.ts';
import { numberingOf } from './sections.ts';

export type GlossaryEntry = z.output<typeof GlossaryEntrySchema>;

/** Reads glossary entries from the paragraphs of the 名词解释 part; paragraphs that are not entries are returned apart. */
export function readGlossary(paragraphs: readonly PrintedText[]): { entries: GlossaryEntry[]; rest: PrintedText[] } {
  const entries: GlossaryEntry[] = [];
  const rest: PrintedText[] = [];
  for (const p of paragraphs) {
    const n = numberingOf(p.text);
    const body = n ? n.rest : p.text.trim();
    const i = body.search(/[：:]/);
    if (i > 0 && i <= 40) {
      const e: GlossaryEntry = { term: body.slice(0, i).trim(), definition: body.slice(i + 1).trim() };
      if (p.src) e.src = p.src;
      entries.push(e);
    } else if (!n && entries.length > 0) {
      const last = entries[entries.length - 1];
      if (last) last.definition += body;
    } else rest.push(p);
  }
  return { entries, rest };
}
