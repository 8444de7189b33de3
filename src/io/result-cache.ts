import { createHash } from './builtins.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DiskCache } from './disk-cache.js';

/** Results of use-cases kept across runs in `--cache-dir` (see Io.resultCache). */
export interface ResultCache {
  /** The stored JSON value of a key, or undefined (absent, corrupt or foreign). */
  get(kind: string, key: string): unknown;
  set(kind: string, key: string, value: unknown): void;
}

/**
 * The identity of the running code: a hash of every file beside this module (in the CLI's bundle,
 * dist/cli/main.cjs, which holds all of it; in an Action's, the shared chunks of dist/, which hold
 * the whole engine). A result computed by other code, even at
 * the same version number, is then never read back: the cache needs no manual invalidation when
 * netpol-ci changes.
 */
function codeIdentity(): string {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  try {
    for (const f of readdirSync(dir).sort()) {
      if (!/\.([cm]?js|ts)$/.test(f)) continue;
      hash.update(`${f}\u0000`);
      hash.update(readFileSync(path.join(dir, f)));
    }
  } catch {
    // unreadable code folder: a random identity, so nothing is shared with another run
    hash.update(String(Math.random()));
  }
  return hash.digest('hex');
}

/** A ResultCache in a DiskCache folder; every key is salted with the code's identity (computed once, on first use). */
export function resultCacheIn(dir: string): ResultCache {
  const disk = new DiskCache(dir);
  let code: string | undefined;
  const salted = (key: string) => createHash('sha256').update((code ??= codeIdentity())).update('\u0000').update(key).digest('hex');
  return {
    get: (kind, key) => disk.get(kind, salted(key), z.unknown()),
    set: (kind, key, value) => disk.set(kind, salted(key), value),
  };
}
