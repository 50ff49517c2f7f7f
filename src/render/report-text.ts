// Terminal report: per document, findings grouped by severity and table/section, with pages and evidence.
import type { CheckResult } from '../check/types.ts';
import { coverageLine, grouped, locationText, narrativeLine, pagesOf, SEVERITY_LABEL } from './report-group.ts';

export function reportText(results: CheckResult[], opts: { evidence?: boolean } = {}): string {
  const out: string[] = [];
  for (const r of results) {
    const c = r.coverage.counts;
    out.push(`== ${r.source} — ${r.department} ${r.fiscalYear} 年度（${r.coverage.template}）`);
    out.push(`   错误 error ${c.error} · 警告 warning ${c.warning} · 提示 info ${c.info}`);
    out.push(`   ${coverageLine(r)}`);
    out.push(`   ${narrativeLine(r)}`);
    for (const s of r.coverage.rules.filter((x) => x.status === 'skipped'))
      out.push(`   未运行 / not run: ${s.rule} — ${s.reason}`);
    for (const u of r.coverage.unread)
      out.push(`   未读 / unread: ${u.what}${u.page ? ` (第${u.page}页)` : ''} — ${u.reason}`);
    for (const { severity, groups } of grouped(r)) {
      if (groups.length === 0) continue;
      out.push('', `-- ${SEVERITY_LABEL[severity]}`);
      for (const g of groups) {
        out.push(`  [${g.name}]`);
        for (const f of g.findings) {
          const pages = pagesOf(f);
          out.push(`    ${f.rule}${pages.length ? ` p.${pages.join(',')}` : ''}: ${f.message}`);
          const tie = [
            f.expected && `应为 expected ${f.expected}`,
            f.actual && `实为 actual ${f.actual}`,
            f.difference && `差额 diff ${f.difference}`,
          ]
            .filter(Boolean)
            .join('；');
          if (tie) out.push(`      ${tie}`);
          if (opts.evidence !== false)
            for (const e of f.evidence) {
              const where = locationText(e);
              const what = e.quote
                ? `“${e.quote.length > 80 ? `${e.quote.slice(0, 80)}…` : e.quote}”`
                : (e.value ?? '');
              out.push(`      · ${e.role ? `${e.role}: ` : ''}${where}${what ? ` ${what}` : ''}`);
            }
          out.push(`      id ${f.id}`);
        }
      }
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
