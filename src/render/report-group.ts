// Grouping of findings for the human-readable reports: by severity, then by table or narrative section.
import type { CheckResult, Evidence, Finding, Severity } from '../check/types.ts';

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: '错误 / error',
  warning: '警告 / warning',
  info: '提示 / info',
};

export function groupOf(f: Finding): string {
  const e = f.evidence[0];
  if (!e) return '全文 / document';
  if (e.table) return e.table;
  if (e.section) return e.section.split(' > ').slice(0, 2).join(' > ');
  return '全文 / document';
}

export function pagesOf(f: Finding): number[] {
  return [...new Set(f.evidence.map((e) => e.page).filter((p): p is number => p !== undefined))].sort((a, b) => a - b);
}

export function grouped(r: CheckResult): { severity: Severity; groups: { name: string; findings: Finding[] }[] }[] {
  return (['error', 'warning', 'info'] as const).map((severity) => {
    const groups = new Map<string, Finding[]>();
    for (const f of r.findings.filter((x) => x.severity === severity)) {
      const g = groupOf(f);
      groups.set(g, [...(groups.get(g) ?? []), f]);
    }
    return { severity, groups: [...groups].map(([name, findings]) => ({ name, findings })) };
  });
}

export function locationText(e: Evidence): string {
  const parts: string[] = [];
  if (e.page !== undefined) parts.push(`第${e.page}页`);
  if (e.line !== undefined) parts.push(`行${e.line}`);
  if (e.table) parts.push(e.table);
  if (e.row) parts.push(e.row);
  if (e.column) parts.push(`「${e.column}」`);
  if (e.section && !e.table) parts.push(e.section);
  return parts.join(' ');
}

export function coverageLine(r: CheckResult): string {
  const c = r.coverage;
  const state = c.clean
    ? '通过 / clean'
    : c.complete
      ? '有问题 / findings'
      : '检查不完整 / incomplete: 不能视为无误 / not to be read as clean';
  return `规则 / rules: 运行 ran ${c.ran}，跳过 skipped ${c.skipped}，不适用 n/a ${c.notApplicable}；未读部分 / unread ${c.unread.length}；${state}`;
}

/** One line on the narrative figures: found, checked by a rule, not bound to anything (listed in the JSON report). */
export function narrativeLine(r: CheckResult): string {
  const n = r.coverage.narrative;
  return `情况说明数字 / narrative figures: 共 found ${n.found}，已核对 checked ${n.checked}，未能对应未核对 not bound ${n.unbound}${n.unbound ? '（明细见 JSON coverage.narrative.list / listed in the JSON report）' : ''}`;
}
