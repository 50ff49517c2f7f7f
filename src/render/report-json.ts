// Findings as JSON: {"documents": [{"source", "department", "fiscalYear", "findings": [...], "coverage"}]}.
import type { CheckResult } from '../check/types.ts';

export function reportJson(results: CheckResult[]): string {
  const documents = results.map((r) => ({
    source: r.source,
    department: r.department,
    fiscalYear: r.fiscalYear,
    findings: r.findings,
    coverage: r.coverage,
  }));
  return `${JSON.stringify({ documents }, null, 2)}\n`;
}
