import { spawnSync } from 'node:child_process';
import type { Command } from 'commander';
import { z } from 'zod';
import type { IpFamily } from '../connectivity/ip.js';
import type { Diagnostic } from '../diagnostics.js';
import { loadManifests, type LoadResult } from '../manifests/load.js';
import { ConfigError } from './errors.js';
import { DEFAULT_MAX_FILE_BYTES, readManifestFiles } from './inputs.js';

/** Options every command that reads manifests shares. */
export const CommonOptions = z.object({
  output: z.string().optional(),
  verbose: z.boolean().default(false),
  quiet: z.boolean().default(false),
  maxFileSize: z.coerce.number().int().positive().default(DEFAULT_MAX_FILE_BYTES),
  ipFamily: z.enum(['4', '6', 'dual'], { error: (i) => `expected 4, 6 or dual, got ${JSON.stringify(i.input)}` }).default('4'),
});

export function ipFamilies(flag: '4' | '6' | 'dual'): IpFamily[] {
  return flag === '4' ? [4] : flag === '6' ? [6] : [4, 6];
}

export function addCommonOptions(cmd: Command): Command {
  return cmd
    .option('-o, --output <file>', 'write the report to FILE instead of stdout')
    .option('--verbose', 'also show informational diagnostics (skipped files and kinds)')
    .option('-q, --quiet', 'show only errors; no progress')
    .option('--max-file-size <bytes>', `skip manifest files larger than this (default ${DEFAULT_MAX_FILE_BYTES})`)
    .option('--ip-family <family>', 'address families of the cluster: 4, 6 or dual (default 4)');
}

/** Parses raw commander options with a zod schema; a failure is a ConfigError naming the flag. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const r = schema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    const flag = issue ? `--${String(issue.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : '';
    throw new ConfigError(`${flag}: ${issue?.message ?? 'invalid option'}`);
  }
  return r.data;
}

export function loadPaths(paths: readonly string[], maxFileSize: number): { load: LoadResult; diagnostics: Diagnostic[] } {
  const read = readManifestFiles(paths, { maxFileBytes: maxFileSize });
  const load = loadManifests(read.files);
  return { load, diagnostics: [...read.diagnostics, ...load.diagnostics] };
}

/** Renders DOT to SVG with Graphviz; a missing `dot` is a clear configuration error. */
export function dotToSvg(dot: string): string {
  const r = spawnSync(process.env.DOT_PATH || 'dot', ['-Tsvg'], { input: dot, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new ConfigError(`--format svg needs Graphviz 'dot' on PATH (apt-get install graphviz): ${r.error.message}`);
  if (r.status !== 0) throw new ConfigError(`Graphviz dot failed: ${r.stderr.trim()}`);
  return r.stdout;
}
