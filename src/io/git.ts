import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../diagnostics/errors.js';

function git(repo: string, args: string[]): string {
  const r = spawnSync('git', ['-C', repo, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new ConfigError(`git is needed for --repo: ${r.error.message}`);
  if (r.status !== 0) throw new ConfigError(`git ${args.join(' ')}: ${r.stderr.trim()}`);
  return r.stdout;
}

/** The commit a ref names, or a ConfigError naming the ref. */
export function resolveRef(repo: string, ref: string): string {
  if (ref.startsWith('-')) throw new ConfigError(`invalid ref ${JSON.stringify(ref)}`);
  try {
    return git(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).trim();
  } catch {
    throw new ConfigError(`--repo ${repo}: ${JSON.stringify(ref)} is not a commit`);
  }
}

/** The repository's top folder. */
export function repoTop(repo: string): string {
  return git(repo, ['rev-parse', '--show-toplevel']).trim();
}

/** Whether `p` (relative to the repository root) exists at `ref`. */
export function pathExists(repo: string, ref: string, p: string): boolean {
  const rel = p.replace(/^\.\/?/, '');
  if (rel === '') return true;
  return spawnSync('git', ['-C', repoTop(repo), 'cat-file', '-e', `${resolveRef(repo, ref)}:${rel}`]).status === 0;
}

/**
 * Writes the tree of `ref` (limited to `paths`, relative to the repository root) into a fresh
 * temporary folder with `git archive`, without touching the working tree or the index.
 */
export function exportTree(repo: string, ref: string, paths: readonly string[]): string {
  const commit = resolveRef(repo, ref);
  const top = repoTop(repo);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-tree-'));
  // pathspecs that do not exist at this ref are not an error: the side simply has no manifests there
  const existing = paths.filter((p) => pathExists(repo, commit, p));
  if (paths.length > 0 && existing.length === 0) return dir;
  const archive = execFileSync('git', ['-C', top, 'archive', '--format=tar', commit, '--', ...(existing.length > 0 ? existing : ['.'])], { maxBuffer: 1024 * 1024 * 1024 });
  mkdirSync(dir, { recursive: true });
  const r = spawnSync('tar', ['-x', '-C', dir], { input: archive });
  if (r.status !== 0) throw new ConfigError(`cannot unpack ${ref}: ${r.stderr.toString().trim()}`);
  return dir;
}
