// The check engine: runs every applicable rule of the catalogue over a Disclosure and reports findings and coverage.
import { createHash } from 'node:crypto';
import type { Disclosure, TableKind } from '../model/disclosure.ts';
import { templateById, templateFor } from '../model/templates.ts';
import { CATALOGUE } from './catalogue.ts';
import { buildNarrativeView, type NarrativeView } from './narrative/view.ts';
import type {
  CheckResult,
  Coverage,
  CoverageEntry,
  Draft,
  Evidence,
  Finding,
  NarrativeCoverage,
  Rule,
  RuleContext,
  Severity,
} from './types.ts';
import { SEVERITY_ORDER } from './types.ts';
import { TABLE_NAMES } from './view.ts';

export interface CheckOptions {
  rules?: readonly Rule[];
  /** Run only these rule ids. */
  only?: readonly string[];
}

export function makeContext(d: Disclosure): RuleContext {
  const template = templateById(d.meta.template) ?? templateFor(d.meta.fiscalYear, d.meta.region);
  let narrative: NarrativeView | undefined;
  const cache = new Map<string, unknown>();
  return {
    memo<T>(key: string, make: () => T): T {
      if (!cache.has(key)) cache.set(key, make());
      return cache.get(key) as T;
    },
    d,
    template,
    unit: d.meta.unit,
    year: d.meta.fiscalYear,
    table: (kind: TableKind) => d.tables.find((t) => t.kind === kind),
    get narrative() {
      narrative ??= buildNarrativeView(d);
      return narrative;
    },
  };
}

function locationKey(e: Evidence): string {
  return [e.tableKind ?? '', e.rowKey ?? '', e.columnId ?? '', e.section ?? '', e.quote ?? '', e.role ?? ''].join('¦');
}

export function findingId(rule: string, evidence: Evidence[]): string {
  const h = createHash('sha1');
  h.update(rule);
  for (const e of evidence) h.update(`\n${locationKey(e)}`);
  return `${rule}#${h.digest('hex').slice(0, 10)}`;
}

/** Whether a template's disclosures carry performance self-evaluation tables (Shanghai 2024 reports results in prose). */
const PERFORMANCE_TABLES: Record<string, boolean> = { 'national-2019': true, 'shanghai-2024': false };

function applicable(rule: Rule, ctx: RuleContext): string | undefined {
  if (rule.needsPerformance && ctx.d.performance.length === 0 && PERFORMANCE_TABLES[ctx.template.id] === false)
    return `模板不含绩效自评表 / template has no self-evaluation tables`;
  if (rule.templates && !rule.templates.includes(ctx.template.id))
    return `不适用于模板 ${ctx.template.id} / not for this template`;
  for (const k of rule.needs ?? []) {
    if (!ctx.template.tables.some((t) => t.kind === k)) return `模板无${TABLE_NAMES[k]} / template has no such table`;
  }
  return undefined;
}

function missing(rule: Rule, ctx: RuleContext): string | undefined {
  for (const k of rule.needs ?? []) {
    if (!ctx.table(k)) return `缺少${TABLE_NAMES[k]} / table missing: ${k}`;
  }
  if (rule.needsNarrative && ctx.d.narrative.length === 0) return '缺少情况说明 / no narrative';
  if (rule.needsPerformance && ctx.d.performance.length === 0) return '无绩效自评表 / no performance self-evaluation';
  return undefined;
}

export function runRules(
  d: Disclosure,
  opts: CheckOptions = {},
  ctx: RuleContext = makeContext(d),
): { findings: Finding[]; entries: CoverageEntry[] } {
  const rules = (opts.rules ?? CATALOGUE).filter((r) => !opts.only || opts.only.includes(r.id));
  const findings: Finding[] = [];
  const entries: CoverageEntry[] = [];
  const seen = new Map<string, number>();
  for (const rule of rules) {
    const na = applicable(rule, ctx);
    if (na) {
      entries.push({ rule: rule.id, status: 'n/a', reason: na });
      continue;
    }
    const miss = missing(rule, ctx);
    if (miss) {
      entries.push({ rule: rule.id, status: 'skipped', reason: miss });
      continue;
    }
    let out: Draft[] | { skip: string };
    try {
      out = rule.check(ctx);
    } catch (e) {
      entries.push({ rule: rule.id, status: 'skipped', reason: `规则出错 / rule failed: ${(e as Error).message}` });
      continue;
    }
    if (!Array.isArray(out)) {
      entries.push({ rule: rule.id, status: 'skipped', reason: out.skip });
      continue;
    }
    entries.push({ rule: rule.id, status: 'ran' });
    for (const dr of out) {
      let id = findingId(rule.id, dr.evidence);
      const n = (seen.get(id) ?? 0) + 1;
      seen.set(id, n);
      if (n > 1) id = `${id}-${n}`;
      const f: Finding = {
        id,
        rule: rule.id,
        severity: dr.severity ?? rule.severity,
        message: dr.message,
        messageEn: dr.messageEn,
        evidence: dr.evidence,
      };
      if (dr.expected !== undefined) f.expected = dr.expected;
      if (dr.actual !== undefined) f.actual = dr.actual;
      if (dr.difference !== undefined) f.difference = dr.difference;
      findings.push(f);
    }
  }
  return { findings, entries };
}

function firstPage(f: Finding): number {
  return Math.min(...f.evidence.map((e) => e.page ?? Number.MAX_SAFE_INTEGER));
}

/** Findings ordered by severity, then page, then rule id: deterministic. */
export function sortFindings(fs: Finding[]): Finding[] {
  return [...fs].sort(
    (a, b) =>
      SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] ||
      firstPage(a) - firstPage(b) ||
      a.rule.localeCompare(b.rule) ||
      a.id.localeCompare(b.id),
  );
}

/** Narrative figures found, checked by some rule that ran, and the ones no rule bound (with their place). */
export function narrativeCoverage(ctx: RuleContext): NarrativeCoverage {
  const v = ctx.narrative;
  const list = v.mentions
    .filter((m) => !v.checked.has(m))
    .map((m) => {
      const u: NarrativeCoverage['list'][number] = {
        value: m.raw,
        sentence: m.sentence.text,
        section: m.sentence.section.path,
      };
      if (m.sentence.src?.page !== undefined) u.page = m.sentence.src.page;
      if (m.sentence.src?.line !== undefined) u.line = m.sentence.src.line;
      return u;
    });
  return { found: v.mentions.length, checked: v.mentions.length - list.length, unbound: list.length, list };
}

export function check(d: Disclosure, opts: CheckOptions = {}): CheckResult {
  const ctx = makeContext(d);
  const { findings, entries } = runRules(d, opts, ctx);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const unread = [
    ...d.unread.map((u) => ({ what: u.what, reason: u.reason, ...(u.src?.page ? { page: u.src.page } : {}) })),
    ...d.tables.flatMap((t) =>
      t.unread.map((u) => ({
        what: t.title,
        reason: u.reason,
        ...((u.src?.page ?? t.src?.page) ? { page: (u.src?.page ?? t.src?.page) as number } : {}),
      })),
    ),
    ...d.tables.flatMap((t) =>
      t.rows.flatMap((r) =>
        Object.entries(r.cells).flatMap(([col, c]) =>
          c.kind === 'unread'
            ? [
                {
                  what: `${t.title} ${r.label || r.key}「${col}」`,
                  reason: c.reason,
                  ...((c.src?.page ?? r.src?.page) ? { page: (c.src?.page ?? r.src?.page) as number } : {}),
                },
              ]
            : [],
        ),
      ),
    ),
    ...d.performance.flatMap((p) =>
      (p.unread ?? []).map((u) => ({
        what: `${p.annex ?? '绩效自评'} ${p.project.name}：${u.what}`,
        reason: u.reason,
        ...(u.src?.page ? { page: u.src.page } : {}),
      })),
    ),
  ];
  const skipped = entries.filter((e) => e.status === 'skipped').length;
  const complete = skipped === 0 && unread.length === 0;
  const coverage: Coverage = {
    template: ctx.template.id,
    rules: entries,
    ran: entries.filter((e) => e.status === 'ran').length,
    skipped,
    notApplicable: entries.filter((e) => e.status === 'n/a').length,
    unread,
    complete,
    clean: complete && counts.error === 0 && counts.warning === 0,
    counts,
    narrative: narrativeCoverage(ctx),
  };
  return {
    source: d.meta.source.file,
    department: d.meta.department,
    fiscalYear: d.meta.fiscalYear,
    findings: sortFindings(findings),
    coverage,
  };
}

export function worstSeverity(results: CheckResult[]): Severity | undefined {
  let w: Severity | undefined;
  for (const r of results)
    for (const f of r.findings) if (!w || SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[w]) w = f.severity;
  return w;
}
