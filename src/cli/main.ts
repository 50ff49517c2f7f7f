// juesuan command line.
import { InputError } from '../model/errors.ts';
import { COMMANDS } from './commands.ts';

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const commands = await Promise.all([...COMMANDS.values()].map((load) => load()));
    const lines = [
      'juesuan — 部门决算公开的导入、检查与编制 / departmental final-accounts disclosures',
      '',
      '用法 / usage: juesuan <command> [options]',
      '',
      '命令 / commands:',
      ...commands.map((c) => `  ${c.name.padEnd(14)} ${c.summary}`),
      '',
      '每个命令的帮助 / help for a command: juesuan <command> --help',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS.get(name);
  if (!load) {
    process.stderr.write(
      `未知命令 / unknown command: ${name}\n运行 juesuan --help 查看命令列表 / run juesuan --help\n`,
    );
    return 2;
  }
  const cmd = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${cmd.summary}\n\n${cmd.usage}\n`);
    return 0;
  }
  return cmd.run(rest);
}

// A reader that stops early (`juesuan build … | head -1`) closes the pipe: what is left for stdout is dropped, and
// the command still finishes (a build writes all its files) and exits with its own code.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof InputError) process.stderr.write(`错误 / error: ${err.message}\n`);
    else process.stderr.write(`内部错误 / internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = err instanceof InputError ? 1 : 70;
  },
);
