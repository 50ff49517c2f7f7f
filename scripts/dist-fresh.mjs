// Whether dist/ (compiled by scripts/build.mjs, stamped dist/.built) is newer than every source file under src/.
import { readdirSync, statSync } from 'node:fs';

/** Newest modification time of the files under a folder, in ms. */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) t = Math.max(t, statSync(`${e.parentPath ?? e.path}/${e.name}`).mtimeMs);
  }
  return t;
}

/** @param {URL} root the repository folder */
export function distIsFresh(root) {
  let built;
  try {
    built = statSync(new URL('dist/.built', root)).mtimeMs;
  } catch {
    return false;
  }
  return built >= newest(new URL('src', root));
}
