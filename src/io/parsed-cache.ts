import { createHash } from './builtins.js';
import { z } from 'zod';
import type { ManifestFile } from '../manifests/documents.js';
import { PARSED_FORMAT, type StoredParse } from '../manifests/parsed-store.js';
import { DiskCache } from './disk-cache.js';

const pathSchema = z.array(z.union([z.string(), z.number().int().nonnegative()]));
const SpecialSchema = z.union([
  z.tuple([pathSchema, z.literal('integral'), z.string(), z.string()]),
  z.tuple([pathSchema, z.literal('number'), z.enum(['NaN', 'Infinity', '-Infinity', '-0'])]),
]);
const SourceRefSchema = z.object({
  file: z.literal(''),
  doc: z.number().int(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  path: pathSchema.optional(),
});

/** What a stored entry must look like before it is used at all (then decodeParse checks it fits its file); anything else is ignored. */
export const StoredParseSchema: z.ZodType<StoredParse> = z.object({
  documents: z.array(
    z.object({
      doc: z.number().int().positive(),
      startLine: z.number().int().positive(),
      text: z.union([z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]), z.string()]),
      value: z.unknown(),
      specials: z.array(SpecialSchema).optional(),
    }),
  ),
  diagnostics: z.array(
    z.object({
      code: z.string(),
      severity: z.enum(['error', 'warning', 'info']),
      message: z.string(),
      at: SourceRefSchema.optional(),
      hint: z.string().optional(),
    }),
  ),
}) as unknown as z.ZodType<StoredParse>;


/** A stored parse bigger than this many times its file (aliases expanded by JSON) is not kept: parsing it again is cheaper. */
const MAX_GROWTH = 16;
const maxStoredChars = (file: ManifestFile) => MAX_GROWTH * file.text.length + 65536;

/**
 * Parsed documents across runs (`--cache-dir DIR`, kind `parsed`), one entry per file content:
 * the key is a SHA-256 of the parser's own source and format (PARSED_FORMAT), whether the file is
 * read as JSON or YAML (by its extension, the only thing its name decides), and its text. The
 * path is not in the entry, so a renamed or copied file reuses it. Entries go through DiskCache
 * (format and key repeated inside, schema-checked, atomic writes) and then through decodeParse,
 * which rejects offsets or specials that do not fit the file: a corrupt or foreign entry is
 * parsed again, never trusted.
 */
export class ParsedCache {
  private readonly disk: DiskCache;
  private readonly keys = new WeakMap<ManifestFile, string>();
  private static formatHash: string | undefined;

  constructor(readonly dir: string) {
    this.disk = new DiskCache(dir);
  }

  private key(file: ManifestFile): string {
    let key = this.keys.get(file);
    if (key === undefined) {
      ParsedCache.formatHash ??= createHash('sha256').update(PARSED_FORMAT).digest('hex');
      // UTF-16 code units: one text, one key, whatever it holds (lone surrogates included)
      key = createHash('sha256')
        .update(`${ParsedCache.formatHash}\0${/\.json$/i.test(file.path) ? 'json' : 'yaml'}\0`)
        .update(file.text, 'utf16le')
        .digest('hex');
      this.keys.set(file, key);
    }
    return key;
  }

  /** The stored parses of the files that have one. */
  read(files: readonly ManifestFile[]): Map<ManifestFile, StoredParse> {
    const found = new Map<ManifestFile, StoredParse>();
    for (const f of files) {
      // never more than the writer keeps (in UTF-8: up to 3 bytes a UTF-16 unit): a bigger entry was planted
      const stored = this.disk.get('parsed', this.key(f), StoredParseSchema, 3 * maxStoredChars(f));
      if (stored) found.set(f, stored);
    }
    return found;
  }

  write(parses: ReadonlyMap<ManifestFile, StoredParse>): void {
    for (const [f, parse] of parses) this.disk.set('parsed', this.key(f), parse, maxStoredChars(f));
  }
}
