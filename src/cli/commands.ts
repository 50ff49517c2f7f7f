// The CLI's commands. Each command lives in its own module.
import type { Command } from './command.ts';

export const COMMANDS: Array<() => Promise<Command>> = [
  () => import('./import.ts').then((m) => m.command),
  () => import('./import-dir.ts').then((m) => m.command),
  () => import('./build.ts').then((m) => m.command),
  () => import('./init-workbook.ts').then((m) => m.command),
  () => import('./check.ts').then((m) => m.command),
  () => import('./rules.ts').then((m) => m.command),
];
