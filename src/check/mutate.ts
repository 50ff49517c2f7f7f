// Mutation harness: one-point changes to a disclosure (a figure, a word, a heading, a unit, a table), each of
// which makes the document wrong; the share of mutants whose check report gains a finding measures the catalogue.
import type { Disclosure, Section } from '../model/disclosure.ts';
import { formatAmount, parseAmount } from '../model/money.ts';
import { check } from './engine.ts';
import { scopeOf } from './narrative/figures.ts';
import { flattenSections } from './narrative/view.ts';
import type { CheckResult } from './types.ts';

export interface Mutation {
  kind:
    | 'table-figure'
    | 'narrative-figure'
    | 'unit'
    | 'percent'
    | 'word'
    | 'heading'
    | 'table'
    | 'glossary'
    | 'performance'
    | 'name';
  label: string;
  apply(d: Disclosure): void;
}

type TextRef = { path: number[]; field: 'heading' | number };

function sectionAt(d: Disclosure, path: number[]): Section {
  let list = d.narrative;
  let s: Section | undefined;
  for (const i of path) {
    s = list[i];
    if (!s) throw new Error(`no section at ${path.join('.')}`);
    list = s.children;
  }
  if (!s) throw new Error('empty path');
  return s;
}

function getText(d: Disclosure, r: TextRef): string {
  const s = sectionAt(d, r.path);
  return r.field === 'heading' ? s.heading : (s.paragraphs[r.field]?.text ?? '');
}

function setText(d: Disclosure, r: TextRef, text: string): void {
  const s = sectionAt(d, r.path);
  if (r.field === 'heading') s.heading = text;
  else {
    const p = s.paragraphs[r.field];
    if (p) p.text = text;
  }
}

/** Every text field of the narrative with its section's scope and heading chain. */
function textFields(d: Disclosure): { ref: TextRef; scoped: boolean; chain: string }[] {
  const flat = flattenSections(d.narrative);
  const out: { ref: TextRef; scoped: boolean; chain: string }[] = [];
  const walk = (list: Section[], path: number[]) => {
    list.forEach((s, i) => {
      const p = [...path, i];
      const fs = flat.find((f) => f.section === s);
      const chain = fs?.chain.join('>') ?? '';
      const scoped = fs ? scopeOf(fs) !== undefined || /机关运行经费|政府采购|国有资产/.test(chain) : false;
      out.push({ ref: { path: p, field: 'heading' }, scoped, chain });
      s.paragraphs.forEach((_, j) => {
        out.push({ ref: { path: p, field: j }, scoped, chain });
      });
      walk(s.children, p);
    });
  };
  walk(d.narrative, []);
  return out;
}

const replaceAt = (s: string, at: number, len: number, by: string) => s.slice(0, at) + by + s.slice(at + len);

/** The mutants of a disclosure. */
export function mutations(d: Disclosure): Mutation[] {
  const out: Mutation[] = [];
  // 1. every printed figure in every table, moved by an amount well beyond rounding
  d.tables.forEach((t, ti) => {
    t.rows.forEach((r, ri) => {
      for (const [col, c] of Object.entries(r.cells)) {
        if (c.kind !== 'amount') continue;
        const delta = (ri + ti) % 2 === 0 ? '1.00' : '-0.50';
        out.push({
          kind: 'table-figure',
          label: `${t.title} ${r.code ?? r.key} [${col}] ${c.text} ${delta.startsWith('-') ? '' : '+'}${delta}`,
          apply: (m) => {
            const cell = m.tables[ti]?.rows[ri]?.cells[col];
            if (cell?.kind !== 'amount') return;
            const fen = cell.fen + parseAmount(delta, t.unit);
            cell.fen = fen;
            cell.text = formatAmount(fen, t.unit);
          },
        });
      }
    });
  });
  // 2. narrative amounts, units and percentages in sections that report table figures
  for (const f of textFields(d)) {
    if (!f.scoped) continue;
    const text = getText(d, f.ref);
    for (const m of text.matchAll(/(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\s*)(万元|元|[%％])/g)) {
      const at = m.index ?? 0;
      if (at > 0 && /[\d.]/.test(text[at - 1] ?? '')) continue;
      const [whole, int = '', frac = '', sp = '', unit = ''] = m;
      const bumped = `${String(Number(int.replace(/,/g, '')) + 3)}${frac}`;
      const kind = unit === '%' || unit === '％' ? 'percent' : 'narrative-figure';
      out.push({
        kind,
        label: `${f.chain.slice(-30)}: ${whole} → ${bumped}${sp}${unit}`,
        apply: (x) => setText(x, f.ref, replaceAt(getText(x, f.ref), at, whole.length, `${bumped}${sp}${unit}`)),
      });
      if (unit === '万元' && Number(int.replace(/,/g, '')) !== 0)
        out.push({
          kind: 'unit',
          label: `${f.chain.slice(-30)}: ${whole} → 元`,
          apply: (x) => setText(x, f.ref, replaceAt(getText(x, f.ref), at, whole.length, `${int}${frac}${sp}元`)),
        });
    }
    // direction words next to figures
    for (const m of text.matchAll(/(减少|增加|大于|小于)(?=\s*[\d预])/g)) {
      const at = m.index ?? 0;
      const to = { 减少: '增加', 增加: '减少', 大于: '小于', 小于: '大于' }[m[0]] ?? m[0];
      out.push({
        kind: 'word',
        label: `${f.chain.slice(-30)}: ${m[0]} → ${to}`,
        apply: (x) => setText(x, f.ref, replaceAt(getText(x, f.ref), at, m[0].length, to)),
      });
    }
  }
  // 3. the fiscal year and the department's name in the narrative
  for (const f of textFields(d)) {
    const text = getText(d, f.ref);
    const y = text.indexOf(`${d.meta.fiscalYear}年度`);
    if (y >= 0 && f.ref.field !== 'heading')
      out.push({
        kind: 'word',
        label: `${f.chain.slice(-30)}: ${d.meta.fiscalYear}年度 → ${d.meta.fiscalYear - 1}年度`,
        apply: (x) => setText(x, f.ref, replaceAt(getText(x, f.ref), y, 4, String(d.meta.fiscalYear - 1))),
      });
  }
  // 4. headings: drop each 情况说明 part; break the numbering
  const parts = d.narrative.findIndex((s) => /情况说明/.test(s.heading));
  sectionAt(d, [Math.max(parts, 0)]).children.forEach((s, i) => {
    out.push({
      kind: 'heading',
      label: `删除部分 / drop section ${s.numbering}${s.heading}`,
      apply: (x) => {
        sectionAt(x, [parts]).children.splice(i, 1);
      },
    });
  });
  // 5. tables: drop each
  for (const t of d.tables)
    out.push({
      kind: 'table',
      label: `删除表 / drop table ${t.title}`,
      apply: (x) => {
        x.tables = x.tables.filter((y) => y.kind !== t.kind);
      },
    });
  // 6. glossary entries
  d.glossary.forEach((g, i) => {
    out.push({
      kind: 'glossary',
      label: `删除名词解释 / drop glossary term ${g.term}`,
      apply: (x) => {
        x.glossary.splice(i, 1);
      },
    });
  });
  // 7. performance: each indicator's score and weight
  d.performance.forEach((p, pi) => {
    p.indicators.forEach((ind, ii) => {
      for (const field of ['score', 'weight'] as const) {
        const v = ind[field];
        if (!v?.value) continue;
        out.push({
          kind: 'performance',
          label: `${p.project.name} ${ind.name} ${field} ${v.text} +0.50`,
          apply: (x) => {
            const t = x.performance[pi]?.indicators[ii];
            const cur = t?.[field];
            if (!t || !cur?.value) return;
            const scale = cur.scale ?? 0;
            const value = cur.value + 5n * 10n ** BigInt(Math.max(0, scale - 1));
            t[field] = { text: formatScaledText(value, scale), value, scale };
          },
        });
      }
    });
  });
  // 8. a row's name changed in one table
  d.tables.forEach((t, ti) => {
    t.rows.forEach((r, ri) => {
      if (r.code?.length !== 7) return;
      out.push({
        kind: 'name',
        label: `${t.title} ${r.code} 名称 / name ${r.label} → ${r.label}费`,
        apply: (x) => {
          const row = x.tables[ti]?.rows[ri];
          if (row) row.label = `${row.label}费`;
        },
      });
    });
  });
  return out;
}

function formatScaledText(value: bigint, scale: number): string {
  const s = value.toString().padStart(scale + 1, '0');
  return scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
}

function signature(r: CheckResult): Set<string> {
  return new Set(r.findings.map((f) => `${f.id}|${f.severity}|${f.expected ?? ''}|${f.actual ?? ''}`));
}

export interface MutationReport {
  total: number;
  caught: number;
  byKind: Record<string, { total: number; caught: number }>;
  missed: string[];
}

/** Applies every mutation to a fresh copy and counts those whose report gains a finding. */
export function runMutations(d: Disclosure, list: Mutation[] = mutations(d)): MutationReport {
  const base = signature(check(d));
  const report: MutationReport = { total: 0, caught: 0, byKind: {}, missed: [] };
  for (const m of list) {
    const copy = structuredClone(d);
    m.apply(copy);
    const sig = signature(check(copy));
    const caught = [...sig].some((s) => !base.has(s));
    report.total++;
    const k = report.byKind[m.kind] ?? { total: 0, caught: 0 };
    report.byKind[m.kind] = k;
    k.total++;
    if (caught) {
      report.caught++;
      k.caught++;
    } else report.missed.push(`${m.kind}: ${m.label}`);
  }
  return report;
}
