// The rule catalogue as Markdown (docs/rules.md) and as a terminal listing.
import type { Rule } from '../check/types.ts';
import { FAMILY_TITLES } from '../check/types.ts';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function rulesMarkdown(rules: readonly Rule[]): string {
  const out: string[] = [
    '# 检查规则目录 / rule catalogue',
    '',
    '<!-- generated from src/check/catalogue.ts by `npx juesuan rules --format md > docs/rules.md`; do not edit -->',
    '',
    `${rules.length} 条规则 / rules. 严重程度 / severity: error（错误）, warning（警告）, info（提示：如元→万元四舍五入尾差）.`,
    '',
  ];
  for (const [family, title] of Object.entries(FAMILY_TITLES)) {
    const rs = rules.filter((r) => r.family === family);
    if (rs.length === 0) continue;
    out.push(
      `## ${title} (${rs.length})`,
      '',
      '| id | 严重程度 severity | 规则 | rule | 依据 basis | 适用 applies to |',
      '|---|---|---|---|---|---|',
    );
    for (const r of rs) {
      const scope = [r.templates ? r.templates.join(', ') : '全部模板 / all', ...(r.needs ?? [])].join('; ');
      out.push(
        `| \`${r.id}\` | ${r.severity} | ${cell(r.title.zh)} | ${cell(r.title.en)} | ${cell(r.basis)} | ${cell(scope)} |`,
      );
    }
    out.push('');
  }
  return `${out.join('\n')}`;
}

export function rulesText(rules: readonly Rule[]): string {
  const out: string[] = [];
  for (const [family, title] of Object.entries(FAMILY_TITLES)) {
    const rs = rules.filter((r) => r.family === family);
    if (rs.length === 0) continue;
    out.push(`${title} (${rs.length})`);
    for (const r of rs) out.push(`  ${r.id.padEnd(24)} ${r.severity.padEnd(7)} ${r.title.zh} / ${r.title.en}`);
    out.push('');
  }
  out.push(`共 ${rules.length} 条规则 / ${rules.length} rules`);
  return `${out.join('\n')}\n`;
}
