// Check engine types: rules, findings with evidence, coverage.
import type { Disclosure, Table, TableKind } from '../model/disclosure.ts';
import type { Unit } from '../model/money.ts';
import type { Template } from '../model/templates.ts';
import type { NarrativeView } from './narrative/view.ts';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITY_ORDER: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export type Family = 'completeness' | 'arithmetic' | 'cross' | 'narrative' | 'performance' | 'form';

export const FAMILY_TITLES: Record<Family, string> = {
  completeness: '完整性 / completeness',
  arithmetic: '表内勾稽 / table arithmetic',
  cross: '表间勾稽 / cross-table ties',
  narrative: '表文一致 / narrative ↔ tables',
  performance: '绩效自评 / performance',
  form: '名称与格式 / names and form',
};

/** One location involved in a finding. */
export interface Evidence {
  /** What this location is in the tie ("合计 / total", "明细之和 / sum of parts", "说明 / narrative"). */
  role?: string;
  file?: string;
  page?: number;
  line?: number;
  /** "公开03表 支出决算表". */
  table?: string;
  tableKind?: TableKind;
  /** "2011301 行政运行". */
  row?: string;
  rowKey?: string;
  /** Column header as printed ("本年支出/基本支出"). */
  column?: string;
  columnId?: string;
  /** Narrative section heading path ("三、… > （三）支出决算情况说明"). */
  section?: string;
  /** Quoted text. */
  quote?: string;
  /** The figure as printed (with its unit). */
  value?: string;
}

/** A finding as a rule reports it; the engine adds id, rule and default severity. */
export interface Draft {
  severity?: Severity;
  message: string;
  messageEn: string;
  evidence: Evidence[];
  expected?: string;
  actual?: string;
  difference?: string;
}

export interface Finding {
  /** Stable: rule + hash of the locations; survives re-runs. */
  id: string;
  rule: string;
  severity: Severity;
  message: string;
  messageEn: string;
  evidence: Evidence[];
  expected?: string;
  actual?: string;
  difference?: string;
}

/** A rule may decline to run; the reason goes into coverage. */
export interface Skip {
  skip: string;
}

export interface RuleContext {
  d: Disclosure;
  template: Template;
  unit: Unit;
  year: number;
  table(kind: TableKind): Table | undefined;
  narrative: NarrativeView;
  /** A value computed once per check and shared between rules. */
  memo<T>(key: string, make: () => T): T;
}

export interface RuleFixture {
  /** Mutates a clean sample so that the rule must fire. */
  fire(d: Disclosure): void;
  /** Which sample to start from (default the 2019 one). */
  sample?: '2019' | '2024';
}

export interface Rule {
  id: string;
  family: Family;
  severity: Severity;
  title: { zh: string; en: string };
  /** The identity or regulation behind the rule. */
  basis: string;
  /** Tables the rule needs; a missing one makes the rule skip (coverage says why). */
  needs?: TableKind[];
  /** Template ids the rule applies to; default all. */
  templates?: string[];
  /** Needs narrative sections to be present. */
  needsNarrative?: boolean;
  /** Needs performance self-evaluations. */
  needsPerformance?: boolean;
  check(ctx: RuleContext): Draft[] | Skip;
  fixtures: RuleFixture[];
}

export interface CoverageEntry {
  rule: string;
  status: 'ran' | 'skipped' | 'n/a';
  reason?: string;
}

/** A narrative figure no rule compared with a table figure or with other figures. */
export interface UnboundFigure {
  /** The figure as printed ("12.50万元", "3.2%"). */
  value: string;
  sentence: string;
  section: string;
  page?: number;
  line?: number;
}

/** Narrative figures (amounts and percentages): found, checked by some rule, not bound. */
export interface NarrativeCoverage {
  found: number;
  checked: number;
  unbound: number;
  list: UnboundFigure[];
}

export interface Coverage {
  template: string;
  rules: CoverageEntry[];
  ran: number;
  skipped: number;
  notApplicable: number;
  unread: { what: string; reason: string; page?: number }[];
  /** Every applicable rule ran and nothing is unread. */
  complete: boolean;
  /** Complete and no error or warning. */
  clean: boolean;
  counts: Record<Severity, number>;
  /** Narrative figures left unchecked are listed, not silently dropped. */
  narrative: NarrativeCoverage;
}

export interface CheckResult {
  source: string;
  department: string;
  fiscalYear: number;
  findings: Finding[];
  coverage: Coverage;
}
