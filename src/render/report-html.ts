// Self-contained HTML report with quoted evidence. Everything from the document is escaped.
import type { CheckResult } from '../check/types.ts';
import { coverageLine, grouped, locationText, narrativeLine, pagesOf, SEVERITY_LABEL } from './report-group.ts';

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

const CSS = `body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;max-width:70em;color:#222}
h1{font-size:1.4em}h2{font-size:1.2em;border-bottom:1px solid #ccc}h3{font-size:1.05em}
.error{border-left:4px solid #c0392b}.warning{border-left:4px solid #d68910}.info{border-left:4px solid #2e86c1}
.f{padding:.4em .8em;margin:.5em 0;background:#fafafa}.rule{font-family:monospace;font-weight:bold}
.tie{color:#555}.ev{margin:.2em 0 0 1em;font-size:.92em}q{background:#fff3cd}.id{color:#999;font-size:.8em;font-family:monospace}
.cov{background:#eef;padding:.5em}`;

export function reportHtml(results: CheckResult[]): string {
  const e = escapeHtml;
  const body: string[] = [];
  for (const r of results) {
    const c = r.coverage.counts;
    body.push(`<section><h1>${e(r.department)} ${r.fiscalYear} 年度 — ${e(r.source)}</h1>`);
    body.push(
      `<p class="cov">错误 error ${c.error} · 警告 warning ${c.warning} · 提示 info ${c.info}<br>${e(coverageLine(r))}<br>${e(narrativeLine(r))}</p>`,
    );
    const skipped = r.coverage.rules.filter((x) => x.status === 'skipped');
    if (skipped.length || r.coverage.unread.length) {
      body.push('<ul>');
      for (const s of skipped)
        body.push(`<li>未运行 / not run: <span class="rule">${e(s.rule)}</span> — ${e(s.reason ?? '')}</li>`);
      for (const u of r.coverage.unread)
        body.push(`<li>未读 / unread: ${e(u.what)}${u.page ? ` (第${u.page}页)` : ''} — ${e(u.reason)}</li>`);
      body.push('</ul>');
    }
    for (const { severity, groups } of grouped(r)) {
      if (groups.length === 0) continue;
      body.push(`<h2>${e(SEVERITY_LABEL[severity])}</h2>`);
      for (const g of groups) {
        body.push(`<h3>${e(g.name)}</h3>`);
        for (const f of g.findings) {
          const pages = pagesOf(f);
          body.push(
            `<div class="f ${severity}" id="${e(f.id)}"><span class="rule">${e(f.rule)}</span>${pages.length ? ` p.${pages.join(',')}` : ''}: ${e(f.message)}<br><small>${e(f.messageEn)}</small>`,
          );
          const tie = [
            f.expected && `应为 expected ${f.expected}`,
            f.actual && `实为 actual ${f.actual}`,
            f.difference && `差额 diff ${f.difference}`,
          ].filter(Boolean);
          if (tie.length) body.push(`<div class="tie">${e(tie.join('；'))}</div>`);
          for (const ev of f.evidence) {
            body.push(
              `<div class="ev">${ev.role ? `${e(ev.role)}: ` : ''}${e(locationText(ev))}${ev.quote ? ` <q>${e(ev.quote)}</q>` : ev.value ? ` ${e(ev.value)}` : ''}</div>`,
            );
          }
          body.push(`<div class="id">${e(f.id)}</div></div>`);
        }
      }
    }
    body.push('</section>');
  }
  return `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>决算检查报告 / check report</title><style>${CSS}</style></head><body>\n${body.join('\n')}\n</body></html>\n`;
}
