import { spawnSync } from 'node:child_process';
import type { Command } from 'commander';
import { z } from 'zod';
import type { IpFamily } from '../connectivity/ip.js';
import type { Diagnostic } from '../diagnostics.js';
import { loadManifests, type LoadResult } from '../manifests/load.js';
import { ConfigError } from './errors.js';
import { DEFAULT_MAX_FILE_BYTES, readManifestFiles, type ChartValues } from './inputs.js';
import { readHelmConfig, type ChartSettings, type RenderOptions } from './render.js';

/** Options every command that reads manifests shares. */
export const CommonOptions = z.object({
  output: z.string().optional(),
  verbose: z.boolean().default(false),
  quiet: z.boolean().default(false),
  maxFileSize: z.coerce.number().int().positive().default(DEFAULT_MAX_FILE_BYTES),
  ipFamily: z.enum(['4', '6', 'dual'], { error: (i) => `expected 4, 6 or dual, got ${JSON.stringify(i.input)}` }).default('4'),
  helmValues: z.array(z.string()).default([]),
  helmSet: z.array(z.string().regex(/^[^=]+=/, { error: 'expected key=value' })).default([]),
  helmReleaseName: z.string().optional(),
  helmNamespace: z.string().optional(),
  helmConfig: z.string().optional(),
  kustomizeFlag: z.array(z.string()).default([]),
  renderTimeout: z.coerce.number().positive().default(120),
  maxRenderBytes: z.coerce.number().int().positive().default(64 * 1024 * 1024),
});

/** Helm and Kustomize settings from the common flags. */
export function renderOptionsFrom(opts: z.infer<typeof CommonOptions>): RenderOptions {
  let charts = new Map<string, ChartSettings>();
  if (opts.helmConfig) {
    try {
      charts = readHelmConfig(opts.helmConfig);
    } catch (e) {
      throw new ConfigError(`--helm-config ${opts.helmConfig}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  return {
    helmValues: opts.helmValues,
    helmSet: opts.helmSet,
    ...(opts.helmReleaseName ? { helmReleaseName: opts.helmReleaseName } : {}),
    ...(opts.helmNamespace ? { helmNamespace: opts.helmNamespace } : {}),
    charts,
    kustomizeFlags: opts.kustomizeFlag,
    timeoutMs: opts.renderTimeout * 1000,
    maxOutputBytes: opts.maxRenderBytes,
  };
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function ipFamilies(flag: '4' | '6' | 'dual'): IpFamily[] {
  return flag === '4' ? [4] : flag === '6' ? [6] : [4, 6];
}

export function addCommonOptions(cmd: Command): Command {
  return cmd
    .option('-o, --output <file>', 'write the report to FILE instead of stdout')
    .option('--verbose', 'also show informational diagnostics (skipped files and kinds)')
    .option('-q, --quiet', 'show only errors; no progress')
    .option('--max-file-size <bytes>', `skip manifest files larger than this (default ${DEFAULT_MAX_FILE_BYTES})`)
    .option('--ip-family <family>', 'address families of the cluster: 4, 6 or dual (default 4)')
    .option('--helm-values <file>', 'values file for every chart (repeatable)', collect)
    .option('--helm-set <key=value>', 'a value for every chart, as helm --set (repeatable)', collect)
    .option('--helm-release-name <name>', 'release name for helm template (default: the chart folder name)')
    .option('--helm-namespace <ns>', 'namespace for helm template')
    .option('--helm-config <file>', 'per-chart settings: charts: {<folder>: {releaseName, namespace, values: [...], set: [...]}}')
    .option('--kustomize-flag <flag>', 'extra flag for kubectl kustomize, e.g. --load-restrictor=LoadRestrictionsNone (repeatable)', collect)
    .option('--render-timeout <seconds>', 'time limit for each helm or kubectl rendering (default 120)')
    .option('--max-render-bytes <bytes>', 'output limit for each rendering (default 64 MiB)');
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

export function loadPaths(paths: readonly string[], opts: z.infer<typeof CommonOptions>): { load: LoadResult; diagnostics: Diagnostic[]; values: ChartValues[] } {
  const read = readManifestFiles(paths, { maxFileBytes: opts.maxFileSize, render: renderOptionsFrom(opts) });
  const load = loadManifests(read.files);
  return { load, diagnostics: [...read.diagnostics, ...load.diagnostics], values: read.values };
}

/** Renders DOT to SVG with Graphviz; a missing `dot` is a clear configuration error. */
export function dotToSvg(dot: string): string {
  const r = spawnSync(process.env.DOT_PATH || 'dot', ['-Tsvg'], { input: dot, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new ConfigError(`--format svg needs Graphviz 'dot' on PATH (apt-get install graphviz): ${r.error.message}`);
  if (r.status !== 0) throw new ConfigError(`Graphviz dot failed: ${r.stderr.trim()}`);
  return r.stdout;
}
