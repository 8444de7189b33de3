import { realpathSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { readRegularFile } from './read-policy.js';
import { writeFileInside } from './write-policy.js';

/** Bumped whenever what is stored (or how a key is built) changes: old entries are then never read. */
const FORMAT = 'netpol-ci-cache/1';

/**
 * The largest entry read back: V8 cannot hold a longer string (about 2^29 UTF-16 units), so
 * a bigger file can only be junk planted in the folder, and reading it would cost seconds and gigabytes.
 */
const MAX_ENTRY_BYTES = 512 * 1024 * 1024;

/**
 * A content-addressed store across runs, in a folder the Actions keep with actions/cache
 * (`--cache-dir`). Safe by construction: the key is a hash of every input of the stored result,
 * the entry repeats its key and format, and its value is validated on the way in; a corrupt,
 * foreign or stale entry is ignored (and replaced), never trusted. Writes are atomic (write, then
 * rename), so concurrent runs never read half an entry.
 *
 * The folder is restored from a cache a pull request may have written, so an entry is read under
 * the reading policy (read-policy.ts), as a manifest is: a FIFO, a device or a symlink leaving the
 * folder planted in place of an entry is a miss, never opened or read (a FIFO's open would block,
 * /dev/zero would be read until memory runs out), and so is an entry larger than any the writer keeps;
 * an entry is written under the writing policy (write-policy.ts): never through a planted symlink.
 */
export class DiskCache {
  private real: string | undefined;

  constructor(readonly dir: string) {}

  private file(kind: string, key: string): string {
    return path.join(this.dir, kind, `${key.slice(0, 2)}`, `${key}.json`);
  }

  /** The stored value, or undefined (a miss) when the entry is absent, unsafe, too large, corrupt, foreign or of another shape. */
  get<T>(kind: string, key: string, schema: z.ZodType<T>, maxBytes = MAX_ENTRY_BYTES): T | undefined {
    let raw: unknown;
    try {
      this.real ??= realpathSync(this.dir);
      const read = readRegularFile(path.resolve(this.file(kind, key)), this.real, Math.min(maxBytes, MAX_ENTRY_BYTES));
      if (!read.ok) return undefined;
      raw = JSON.parse(read.bytes.toString('utf8'));
    } catch {
      return undefined;
    }
    const entry = raw as { format?: unknown; key?: unknown; value?: unknown } | null;
    if (!entry || entry.format !== FORMAT || entry.key !== key) return undefined;
    const parsed = schema.safeParse(entry.value);
    return parsed.success ? parsed.data : undefined;
  }

  /** Keeps the value, unless its JSON is longer than `maxChars` (then nothing is written). */
  set(kind: string, key: string, value: unknown, maxChars = Infinity): void {
    const file = this.file(kind, key);
    try {
      const json = JSON.stringify({ format: FORMAT, key, value });
      if (json.length > maxChars) return;
      const tmp = `${file}.${process.pid}.tmp`;
      // under the writing policy: a folder symlink planted in the cache (helm/ab -> elsewhere) is never written through
      writeFileInside({ inside: this.dir, createFolders: true }, tmp, json);
      renameSync(tmp, file);
    } catch {
      // a cache that cannot be written costs time, never correctness
    }
  }
}
