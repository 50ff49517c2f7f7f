// juesuan check: check disclosures (JSON model files, extracted text, PDF) against the rule catalogue.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { check, worstSeverity } from '../check/engine.ts';
import type { CheckResult, Severity } from '../check/types.ts';
import { SEVERITY_ORDER } from '../check/types.ts';
import type { Disclosure } from '../model/disclosure.ts';
import { InputError } from '../model/errors.ts';
import { DisclosureFormatError, fromJson } from '../model/json.ts';
import { reportHtml } from '../render/report-html.ts';
import { reportJson } from '../render/report-json.ts';
import { reportText } from '../render/report-text.ts';
import type { Command } from './command.ts';

const EXTENSIONS = new Set(['.json', '.txt', '.pdf']);

export interface Input {
  path: string;
  /** Named on the command line (errors stop the run), or found in a folder (errors are reported and skipped). */
  explicit: boolean;
}

/** Files named on the command line; folders are searched (recursively) for .json, .txt and .pdf files. */
export function expandInputs(paths: string[], explicit = true): Input[] {
  const out: Input[] = [];
  for (const p of paths) {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch {
      throw new InputError(p, '文件或文件夹不存在 / no such file or folder');
    }
    if (st.isDirectory()) {
      const entries = readdirSync(p)
        .sort()
        .map((e) => join(p, e))
        .filter((f) => statSync(f).isDirectory() || EXTENSIONS.has(extname(f).toLowerCase()));
      out.push(...expandInputs(entries, false));
    } else out.push({ path: p, explicit });
  }
  return out;
}

async function load(path: string): Promise<Disclosure> {
  if (extname(path).toLowerCase() === '.json') {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw new InputError(path, `无法读取文件 / cannot read the file: ${(e as Error).message}`);
    }
    try {
      return fromJson(text, path);
    } catch (e) {
      if (e instanceof DisclosureFormatError) throw new InputError(path, e.message.replace(`${path}: `, ''));
      throw e;
    }
  }
  const mod = (await import('../import/index.ts')) as { importFile: (p: string) => Promise<Disclosure> };
  return mod.importFile(path);
}

export interface CheckArgs {
  files: string[];
  format: 'text' | 'json' | 'html';
  failOn: Severity | 'never';
}

export function parseArgs(args: string[]): CheckArgs {
  const files: string[] = [];
  let format: CheckArgs['format'] = 'text';
  let failOn: CheckArgs['failOn'] = 'error';
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      const v = args[++i];
      if (v === undefined) throw new InputError(name, `缺少参数值 / missing value for ${name}`);
      return v;
    };
    if (a === '--format' || a.startsWith('--format=')) {
      const v = value('--format');
      if (v !== 'text' && v !== 'json' && v !== 'html')
        throw new InputError('--format', `不支持的格式 / unknown format: ${v} (text|json|html)`);
      format = v;
    } else if (a === '--fail-on' || a.startsWith('--fail-on=')) {
      const v = value('--fail-on');
      if (v !== 'error' && v !== 'warning' && v !== 'info' && v !== 'never')
        throw new InputError('--fail-on', `不支持的取值 / unknown value: ${v} (error|warning|never)`);
      failOn = v;
    } else if (a.startsWith('--')) throw new InputError(a, '未知选项 / unknown option');
    else files.push(a);
  }
  if (files.length === 0)
    throw new InputError('juesuan check', '请指定文件或文件夹 / name at least one file or folder');
  return { files, format, failOn };
}

/** Exit code by the worst finding: 1 when it reaches the --fail-on level, else 0. */
export function exitCode(results: CheckResult[], failOn: CheckArgs['failOn']): number {
  if (failOn === 'never') return 0;
  const w = worstSeverity(results);
  return w && SEVERITY_ORDER[w] >= SEVERITY_ORDER[failOn] ? 1 : 0;
}

export const command: Command = {
  name: 'check',
  summary: '按规则目录检查决算公开文件 / check disclosures against the rule catalogue',
  usage: [
    '用法 / usage: juesuan check <files or folders…> [--format text|json|html] [--fail-on error|warning|never]',
    '',
    '  输入 / inputs: .json (Disclosure model), .txt (extracted text), .pdf; folders are searched recursively',
    '  --format    text (default), json, html (self-contained)',
    '  --fail-on   exit 1 when a finding at this level or worse exists (default error); never = always 0',
  ].join('\n'),
  async run(args) {
    const a = parseArgs(args);
    const results: CheckResult[] = [];
    for (const f of expandInputs(a.files)) {
      try {
        results.push(check(await load(f.path)));
      } catch (e) {
        if (f.explicit || !(e instanceof InputError)) throw e;
        process.stderr.write(`跳过 / skipped: ${e.message}\n`);
      }
    }
    if (results.length === 0) throw new InputError(a.files.join(' '), '没有可检查的文件 / nothing to check');
    const out =
      a.format === 'json' ? reportJson(results) : a.format === 'html' ? reportHtml(results) : reportText(results);
    process.stdout.write(out);
    return exitCode(results, a.failOn);
  },
};
