// The CLI's commands by name. Each command lives in its own module, loaded only when it runs (or for the help list).
import type { Command } from './command.ts';

export const COMMANDS: ReadonlyMap<string, () => Promise<Command>> = new Map([
  ['import', () => import('./import.ts').then((m) => m.command)],
  ['import-dir', () => import('./import-dir.ts').then((m) => m.command)],
  ['build', () => import('./build.ts').then((m) => m.command)],
  ['init-workbook', () => import('./init-workbook.ts').then((m) => m.command)],
  ['check', () => import('./check.ts').then((m) => m.command)],
  ['rules', () => import('./rules.ts').then((m) => m.command)],
]);
