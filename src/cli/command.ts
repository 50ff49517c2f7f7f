// The shape of one CLI command.
export interface Command {
  name: string;
  /** One line, Chinese first then English. */
  summary: string;
  usage: string;
  /** Returns the process exit code. */
  run(args: string[]): Promise<number>;
}
