import { lstatSync, mkdirSync } from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';

// V8's compile cache (Node 22.1+; GitHub's runners have Node 24): the CLI's modules compiled by an
// earlier run are read back instead of compiled again, about 40 ms of a small run (README,
// Performance). Node checks each entry against the source and its own version and ignores what
// does not match, so a stale entry costs a compile, never a wrong answer. Node 20 has no such
// cache: nothing happens there.
//
// Where: in `--cache-dir` (or $NETPOL_CI_CACHE_DIR), the folder the Actions keep across runs, under
// `node-compile-cache/`; without one, in a folder of this user's own under the system temp folder,
// as Node's own default does, but private: created 0700, and used only when it is a real folder
// (not a symlink) that this user owns and nobody else can write, so that another user of a shared
// machine cannot plant compiled code in it. Never in the repository being read. Node's own switches
// win: NODE_COMPILE_CACHE (Node enabled it already) and NODE_DISABLE_COMPILE_CACHE (off).

type EnableCompileCache = (dir?: string) => unknown;

/** The value of `--cache-dir` on a command line (`--cache-dir DIR` or `--cache-dir=DIR`), the last one given, as commander reads it. */
export function cacheDirArgument(argv: readonly string[]): string | undefined {
  let dir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') break;
    if (a === '--cache-dir' && i + 1 < argv.length) dir = argv[++i];
    else if (a.startsWith('--cache-dir=')) dir = a.slice('--cache-dir='.length);
  }
  return dir;
}

/** This user's private folder under the temp folder, or undefined when it is not safely ours. */
function privateTempDir(): string | undefined {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  if (uid === undefined) return undefined;
  const dir = path.join(os.tmpdir(), `netpol-ci-compile-cache-${uid}`);
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
  }
  try {
    const st = lstatSync(dir);
    return st.isDirectory() && st.uid === uid && (st.mode & 0o022) === 0 ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** The compile cache folder this run would use (see above), or undefined for none. */
export function compileCacheDir(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string = process.cwd()): string | undefined {
  if (env.NODE_COMPILE_CACHE !== undefined || env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const kept = cacheDirArgument(argv) ?? (env.NETPOL_CI_CACHE_DIR || undefined);
  return kept ? path.resolve(cwd, kept, 'node-compile-cache') : privateTempDir();
}

/** Turns V8's compile cache on for the modules loaded after this call, where Node has it. */
export function startCompileCache(argv: readonly string[], env: NodeJS.ProcessEnv): void {
  const enable = (module as unknown as { enableCompileCache?: EnableCompileCache }).enableCompileCache;
  if (typeof enable !== 'function') return;
  const dir = compileCacheDir(argv, env);
  if (!dir) return;
  try {
    // a folder that cannot be created or written only costs the compile: Node reports it in its return value, never throws for it
    enable(dir);
  } catch {
    // an older Node's variant of the API: no cache
  }
}
