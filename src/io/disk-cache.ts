import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';

/** Bumped whenever what is stored (or how a key is built) changes: old entries are then never read. */
const FORMAT = 'netpol-ci-cache/1';

/**
 * A content-addressed store across runs, in a folder the Actions keep with actions/cache
 * (`--cache-dir`). Safe by construction: the key is a hash of every input of the stored result,
 * the entry repeats its key and format, and its value is validated on the way in; a corrupt,
 * foreign or stale entry is ignored (and replaced), never trusted. Writes are atomic (write, then
 * rename), so concurrent runs never read half an entry.
 */
export class DiskCache {
  constructor(readonly dir: string) {}

  private file(kind: string, key: string): string {
    return path.join(this.dir, kind, `${key.slice(0, 2)}`, `${key}.json`);
  }

  get<T>(kind: string, key: string, schema: z.ZodType<T>): T | undefined {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.file(kind, key), 'utf8'));
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
      mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, json);
      renameSync(tmp, file);
    } catch {
      // a cache that cannot be written costs time, never correctness
    }
  }
}
