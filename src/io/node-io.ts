import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../diagnostics/errors.js';
import { readManifestFiles } from './files.js';
import { exportTree, pathExists, repoTop } from './git.js';
import { kubectlGet, kubectlResources } from './kubectl.js';
import { readHelmConfig, RenderCache } from './render.js';
import { forEachLine } from './traffic.js';
import type { Io } from './types.js';
import { writeFileInside } from './write-policy.js';

/** The Node implementation of the use-cases' I/O, with one run's caches. */
export function nodeIo(): Io {
  const cache = new RenderCache();
  return {
    readManifests: (paths, options) => readManifestFiles(paths, options, cache),
    readText(file, what) {
      try {
        return readFileSync(file, 'utf8');
      } catch (e) {
        throw new ConfigError(`${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
    },
    readHelmConfig(file) {
      try {
        return readHelmConfig(file);
      } catch (e) {
        throw new ConfigError(`--helm-config ${file}: ${(e as Error).message.split('\n')[0]}`);
      }
    },
    repoTop,
    pathExists,
    exportTree(repo, ref, paths) {
      const dir = exportTree(repo, ref, paths);
      return { dir, top: repoTop(repo), dispose: () => rmSync(dir, { recursive: true, force: true }) };
    },
    dotToSvg(dot) {
      const r = spawnSync(process.env.DOT_PATH || 'dot', ['-Tsvg'], { input: dot, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      if (r.error) throw new ConfigError(`--format svg needs Graphviz 'dot' on PATH (apt-get install graphviz): ${r.error.message}`);
      if (r.status !== 0) throw new ConfigError(`Graphviz dot failed: ${r.stderr.trim()}`);
      return r.stdout;
    },
    writeFiles(files, options = {}) {
      for (const [file, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
        // a single report file (-o FILE) is confined to its own folder: it cannot follow a symlink either
        const inside = options.inside ?? path.dirname(path.resolve(file));
        writeFileInside({ inside, ...(options.createFolders ? { createFolders: true } : {}) }, file, text);
      }
    },
    isDirectory(p) {
      try {
        return statSync(p).isDirectory();
      } catch {
        return false;
      }
    },
    // verify: cluster reads
    removeFiles(files) {
      for (const file of [...files].sort()) {
        try {
          unlinkSync(file);
        } catch (e) {
          throw new ConfigError(`${file}: cannot remove (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
        }
      }
    },
    kubectlResources,
    kubectlGet,
    // traffic: trace files
    forEachLine,
  };
}
