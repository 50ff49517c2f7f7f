// A problem with the user's input: reported as a message naming the file (and page), never as a stack trace.
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly page?: number,
  ) {
    super(`${file}${page !== undefined ? ` 第 ${page} 页 / page ${page}` : ''}: ${problem}`);
    this.name = 'InputError';
  }
}
