// juesuan rules: list the rule catalogue (text, JSON or the Markdown of docs/rules.md).
import { CATALOGUE } from '../check/catalogue.ts';
import { InputError } from '../model/errors.ts';
import { rulesMarkdown, rulesText } from '../render/report-rules.ts';
import type { Command } from './command.ts';

export const command: Command = {
  name: 'rules',
  summary: '列出检查规则目录 / list the rule catalogue',
  usage: '用法 / usage: juesuan rules [--format text|json|md]',
  async run(args) {
    const i = args.findIndex((a) => a === '--format' || a.startsWith('--format='));
    const format = i < 0 ? 'text' : (args[i]?.split('=')[1] ?? args[i + 1] ?? '');
    if (format === 'md') process.stdout.write(`${rulesMarkdown(CATALOGUE)}\n`);
    else if (format === 'json') {
      const list = CATALOGUE.map(({ id, family, severity, title, basis, templates, needs }) => ({
        id,
        family,
        severity,
        title,
        basis,
        templates,
        needs,
      }));
      process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    } else if (format === 'text') process.stdout.write(rulesText(CATALOGUE));
    else throw new InputError('--format', `不支持的格式 / unknown format: ${format} (text|json|md)`);
    return 0;
  },
};
