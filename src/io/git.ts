import { spawnSync } from './builtins.js';
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../diagnostics/errors.js';
import { timedOut, type ExecLimits } from './types.js';

function git(repo: string, args: string[], limits: ExecLimits = {}): string {
  const r = spawnSync('git', ['-C', repo, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: limits.timeoutMs, killSignal: 'SIGKILL' });
  if (r.error) {
    if ((r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') throw timedOut(`git ${args[0]}`, limits);
    throw new ConfigError(`git is needed for --repo: ${r.error.message}`);
  }
  if (r.status !== 0) throw new ConfigError(`git ${args.join(' ')}: ${r.stderr.trim()}`);
  return r.stdout;
}

/** The commit a ref names, or a ConfigError naming the ref. */
export function resolveRef(repo: string, ref: string, limits: ExecLimits = {}): string {
  if (ref.startsWith('-')) throw new ConfigError(`invalid ref ${JSON.stringify(ref)}`);
  try {
    return git(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], limits).trim();
  } catch (e) {
    if (e instanceof ConfigError && / timed out /.test(e.message)) throw e;
    throw new ConfigError(`--repo ${repo}: ${JSON.stringify(ref)} is not a commit`);
  }
}

/** The repository's top folder. */
export function repoTop(repo: string, limits: ExecLimits = {}): string {
  return git(repo, ['rev-parse', '--show-toplevel'], limits).trim();
}

/** Whether `p` (relative to the repository root) exists at `ref`. */
export function pathExists(repo: string, ref: string, p: string, limits: ExecLimits = {}): boolean {
  // `./a` and `a` name the same path; `../` must not become `./` (the root) by stripping one dot
  const rel = path.posix.normalize(p.split(path.sep).join('/')).replace(/\/+$/, '');
  if (rel === '.' || rel === '') return true;
  if (path.posix.isAbsolute(rel) || rel === '..' || rel.startsWith('../')) return false;
  const r = spawnSync('git', ['-C', repoTop(repo, limits), 'cat-file', '-e', `${resolveRef(repo, ref, limits)}:${rel}`], { timeout: limits.timeoutMs, killSignal: 'SIGKILL' });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') throw timedOut('git cat-file', limits);
  return r.status === 0;
}

/**
 * Writes the tree of `ref` (limited to `paths`, relative to the repository root) into a fresh
 * temporary folder with `git archive`, without touching the working tree or the index.
 */
export function exportTree(repo: string, ref: string, paths: readonly string[], limits: ExecLimits = {}): string {
  const commit = resolveRef(repo, ref, limits);
  const top = repoTop(repo, limits);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-tree-'));
  // pathspecs that do not exist at this ref are not an error: the side simply has no manifests there
  const existing = paths.filter((p) => pathExists(repo, commit, p, limits));
  if (paths.length > 0 && existing.length === 0) return dir;
  const archive = spawnSync('git', ['-C', top, 'archive', '--format=tar', commit, '--', ...(existing.length > 0 ? existing : ['.'])], { maxBuffer: 1024 * 1024 * 1024, timeout: limits.timeoutMs, killSignal: 'SIGKILL' });
  if ((archive.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') throw timedOut(`git archive ${ref}`, limits);
  if (archive.error || archive.status !== 0) throw new ConfigError(`git archive ${ref}: ${archive.error?.message ?? archive.stderr.toString().trim()}`);
  mkdirSync(dir, { recursive: true });
  const r = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout, timeout: limits.timeoutMs, killSignal: 'SIGKILL' });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') throw timedOut(`unpacking ${ref}`, limits);
  if (r.status !== 0) throw new ConfigError(`cannot unpack ${ref}: ${r.stderr.toString().trim()}`);
  return dir;
}
