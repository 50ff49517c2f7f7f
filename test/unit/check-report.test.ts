import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CATALOGUE } from '../../src/check/catalogue.ts';
import { check } from '../../src/check/engine.ts';
import { replaceText } from '../../src/check/fixtures/mutators.ts';
import { sample } from '../../src/check/fixtures/sample.ts';
import { exitCode, expandInputs, parseArgs } from '../../src/cli/check.ts';
import { InputError } from '../../src/model/errors.ts';
import { escapeHtml, reportHtml } from '../../src/render/report-html.ts';
import { reportJson } from '../../src/render/report-json.ts';
import { rulesMarkdown } from '../../src/render/report-rules.ts';
import { reportText } from '../../src/render/report-text.ts';

function broken() {
  const d = sample();
  replaceText(d, '执行率75.00%', '执行率57.00%');
  replaceText(d, '内设3个处室', '内设<script>alert(1)</script>XX个处室');
  return check(d);
}

describe('reports', () => {
  it('JSON has documents → findings with id, rule, severity, message, evidence, expected, actual; and coverage', () => {
    const j = JSON.parse(reportJson([broken()]));
    const doc = j.documents[0];
    assert.equal(doc.source, 'sample-2019.json');
    const f = doc.findings.find((x: { rule: string }) => x.rule === 'NARR-RATE');
    assert.equal(f.severity, 'error');
    assert.equal(f.expected, '75.00%');
    assert.equal(f.actual, '57.00%');
    assert.ok(f.evidence[0].page > 0 && f.evidence[0].quote.includes('执行率57.00%'));
    assert.ok(doc.coverage.ran > 100);
    assert.equal(doc.coverage.clean, false);
  });

  it('text report groups by severity and shows pages and evidence', () => {
    const t = reportText([broken()]);
    assert.ok(t.indexOf('-- 错误 / error') < t.indexOf('-- 警告 / warning') || !t.includes('-- 警告'));
    assert.match(t, /NARR-RATE p\.\d+/);
    assert.match(t, /应为 expected 75\.00%/);
  });

  it('HTML report is self-contained and escapes document text', () => {
    const h = reportHtml([broken()]);
    assert.ok(h.startsWith('<!doctype html>'));
    assert.ok(!h.includes('<script>alert(1)</script>'));
    assert.ok(h.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(!/<link|src="http/.test(h));
    assert.equal(escapeHtml(`<a href="x">'&`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
  });

  it('a document with unread parts is never reported clean', () => {
    const d = sample();
    d.unread.push({ what: '第 5 页', reason: '扫描件 / scanned image', src: { page: 5 } });
    const r = check(d);
    assert.equal(r.coverage.complete, false);
    assert.equal(r.coverage.clean, false);
    assert.ok(r.findings.some((f) => f.rule === 'COMP-UNREAD'));
  });

  it('unread cells and unread parts of a self-evaluation count as unread too', () => {
    const d = sample();
    const p = d.performance[0];
    assert.ok(p, 'the sample has a self-evaluation');
    p.unread = [{ what: '评分结果', reason: '无法识别 / unreadable', src: { page: 30 } }];
    const row = d.tables[0]?.rows[0];
    assert.ok(row);
    const col = Object.keys(row.cells)[0] as string;
    row.cells[col] = { kind: 'unread', reason: '数字个数不符 / figure count mismatch' };
    const r = check(d);
    assert.equal(r.coverage.complete, false);
    assert.ok(r.coverage.unread.some((u) => u.what.includes('评分结果') && u.page === 30));
    assert.ok(r.coverage.unread.some((u) => u.reason.includes('figure count mismatch')));
    assert.ok(r.findings.some((f) => f.rule === 'COMP-UNREAD' && f.message.includes('评分结果')));
  });

  it('a missing table skips the rules that need it and says why', () => {
    const d = sample();
    d.tables = d.tables.filter((t) => t.kind !== 'general_budget_basic');
    const r = check(d);
    const s = r.coverage.rules.find((e) => e.rule === 'T6-PERSONNEL');
    assert.equal(s?.status, 'skipped');
    assert.match(s?.reason ?? '', /一般公共预算财政拨款基本支出决算表/);
    assert.ok(r.findings.some((f) => f.rule === 'COMP-T6-PRESENT'));
    assert.equal(r.coverage.clean, false);
  });
});

describe('check command', () => {
  it('parses formats and fail-on levels, rejecting bad values with a clear message', () => {
    assert.deepEqual(parseArgs(['a.json', '--format', 'html', '--fail-on=warning']), {
      files: ['a.json'],
      format: 'html',
      failOn: 'warning',
    });
    assert.throws(() => parseArgs(['a.json', '--format', 'pdf']), InputError);
    assert.throws(() => parseArgs([]), /请指定文件/);
  });

  it('expands folders to their .json/.txt/.pdf files, marked as found (not named)', () => {
    const inputs = expandInputs(['test/fixtures/seed']);
    assert.deepEqual(inputs, [{ path: 'test/fixtures/seed/shenzhen-fupin-2019.txt', explicit: false }]);
    assert.deepEqual(expandInputs(['test/golden/seed.disclosure.json']), [
      { path: 'test/golden/seed.disclosure.json', explicit: true },
    ]);
    assert.throws(() => expandInputs(['no/such/file.pdf']), /no such file/);
  });

  it('exits by the worst finding', () => {
    const r = broken();
    assert.equal(exitCode([r], 'error'), 1);
    assert.equal(exitCode([r], 'never'), 0);
    assert.equal(exitCode([check(sample())], 'warning'), 0);
  });
});

describe('docs/rules.md', () => {
  it('is generated from the catalogue and up to date (npx juesuan rules --format md > docs/rules.md)', () => {
    assert.equal(readFileSync('docs/rules.md', 'utf8'), `${rulesMarkdown(CATALOGUE)}\n`);
  });
});
