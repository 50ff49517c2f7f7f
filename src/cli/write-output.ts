// The one way the commands write a file: to a temporary file beside it, then renamed, so that a failure never
// leaves a half-written output; a failure is an input error naming the path.
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../model/errors.ts';
import { makeFolder } from '../util/make-folder.mjs';

/** `inNewFolder`: create the folder when missing (a build's output tree); otherwise a missing folder is an error. */
export async function writeOutput(path: string, data: string | Uint8Array, inNewFolder = false): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    if (inNewFolder) makeFolder(dirname(path));
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new InputError(path, `无法写入输出文件 / cannot write the output: ${(e as Error).message}`);
  }
}
