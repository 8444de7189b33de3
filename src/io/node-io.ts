import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../diagnostics/errors.js';
import { readManifestFiles } from './files.js';
import { exportTree, pathExists, repoTop } from './git.js';
import { readHelmConfig, RenderCache } from './render.js';
import { findNca, runNcaScheme } from './nca.js';
import type { Io } from './types.js';

/** The Node implementation of the use-cases' I/O, with one run's caches. */
export function nodeIo(): Io {
  const cache = new RenderCache();
  let nca: { found: ReturnType<typeof findNca> } | undefined;
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
        try {
          if (options.createFolders) mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(file, text);
        } catch (e) {
          throw new ConfigError(`${file}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
        }
      }
    },
    isDirectory(p) {
      try {
        return statSync(p).isDirectory();
      } catch {
        return false;
      }
    },
    // baseline: nca
    findNca() {
      nca ??= { found: findNca() };
      return nca.found;
    },
    runNcaScheme: (files, scheme, outputs, timeoutMs) => runNcaScheme(files, scheme, outputs, timeoutMs),
  };
}
