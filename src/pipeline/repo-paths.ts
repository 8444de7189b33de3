import path from 'node:path';
import { visible } from '../diagnostics/sanitize.js';
import { ConfigError } from '../diagnostics/errors.js';

/**
 * The paths of a git-ref comparison (`--repo` with `--base`/`--head`), relative to the
 * repository root. Each side is exported to a temporary folder and the paths are joined to it:
 * `../` or `/etc` would read the folder above that temporary folder (all of /tmp) or the host,
 * not the repository at a ref. Such a path is a configuration error; the rest are normalised
 * (`./a/../b/` is `b`), so the checks and the reads agree on what a path names.
 */
export function repositoryPaths(paths: readonly string[]): string[] {
  return paths.map((p) => {
    const posix = p.split(path.sep).join('/');
    const norm = path.posix.normalize(posix).replace(/\/+$/, '') || '.';
    if (path.posix.isAbsolute(norm) || norm === '..' || norm.startsWith('../')) {
      throw new ConfigError(`${visible(p)} leaves the repository (paths are relative to the repository root)`);
    }
    return norm;
  });
}
