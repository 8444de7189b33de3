import { spawnSync } from './builtins.js';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../diagnostics/errors.js';
import { repoTop, resolveRef } from './git.js';

/**
 * The files a change touched, as paths relative to the compared roots (posix). For two refs, git's
 * own answer (`git diff --name-only base head -- paths`, renames shown as the new path); for two
 * folders, every regular file present on one side only or with different bytes.
 */
export function changedFilesInRepo(repo: string, base: string, head: string, paths: readonly string[]): string[] {
  const a = resolveRef(repo, base);
  const b = resolveRef(repo, head);
  const pathspecs = paths.map((p) => p.replace(/^\.\/?/, '')).filter((p) => p !== '');
  const r = spawnSync('git', ['-C', repoTop(repo), 'diff', '--name-only', '--no-renames', '-z', a, b, '--', ...pathspecs], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new ConfigError(`git is needed for --repo: ${r.error.message}`);
  if (r.status !== 0) throw new ConfigError(`git diff --name-only ${base} ${head}: ${r.stderr.trim()}`);
  return r.stdout
    .split('\0')
    .filter((f) => f !== '')
    .sort();
}

const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

function listFiles(root: string): Map<string, string> {
  const out = new Map<string, string>();
  let st;
  try {
    st = lstatSync(root);
  } catch {
    return out;
  }
  // a single file compared with a single file: one entry under its own name
  if (st.isFile()) {
    out.set(path.basename(root), root);
    return out;
  }
  const walk = (dir: string, rel: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name)) walk(path.join(dir, e.name), r);
      } else if (e.isFile()) out.set(r, path.join(dir, e.name));
    }
  };
  walk(root, '');
  return out;
}

function sameBytes(a: string, b: string): boolean {
  try {
    return readFileSync(a).equals(readFileSync(b));
  } catch {
    return false;
  }
}

export function changedFilesBetween(before: string, after: string): string[] {
  const a = listFiles(path.resolve(before));
  const b = listFiles(path.resolve(after));
  const out: string[] = [];
  for (const [rel, file] of a) {
    const other = b.get(rel);
    if (!other || !sameBytes(file, other)) out.push(rel);
  }
  for (const rel of b.keys()) if (!a.has(rel)) out.push(rel);
  return out.sort();
}
