// Making an output folder with its missing parents. Plain JavaScript: the PDF thread uses it too.
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Makes a folder and its missing parents, or throws the error of the folder that could not be made. (Node's own
 * recursive mkdir never returns for a path under /proc.)
 * @param {string} dir
 * @returns {void}
 */
export function makeFolder(dir) {
  try {
    mkdirSync(dir);
    return;
  } catch (e) {
    const code = /** @type {NodeJS.ErrnoException} */ (e).code;
    if (code === 'EEXIST' && statSync(dir).isDirectory()) return;
    if (code !== 'ENOENT' || dirname(dir) === dir) throw e;
  }
  makeFolder(dirname(dir));
  try {
    mkdirSync(dir);
  } catch (e) {
    if (/** @type {NodeJS.ErrnoException} */ (e).code !== 'EEXIST') throw e;
  }
}
