// The command registry: each name loads the command of that name, and `juesuan --help` lists them all.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { COMMANDS } from '../../src/cli/commands.ts';

describe('CLI command registry', () => {
  it('each registered name loads the command of that name', async () => {
    for (const [name, load] of COMMANDS) assert.equal((await load()).name, name);
  });

  it('--help lists every command; an unknown command exits 2 naming it', () => {
    const help = execFileSync(process.execPath, ['bin/juesuan.js', '--help'], { encoding: 'utf8' });
    for (const name of COMMANDS.keys()) assert.match(help, new RegExp(`^  ${name} `, 'm'));
    assert.throws(
      () => execFileSync(process.execPath, ['bin/juesuan.js', 'frobnicate'], { encoding: 'utf8', stdio: 'pipe' }),
      (e: { status: number; stderr: string }) => e.status === 2 && /unknown command: frobnicate/.test(e.stderr),
    );
  });
});
