import type { Command } from 'commander';
import { z } from 'zod';
import { ConfigError } from '../diagnostics/errors.js';
import type { IpFamily } from '../model/ip.js';
import { DEFAULT_MAX_FILE_BYTES, type ChartSettings, type ReadSettings } from '../pipeline/settings.js';
import type { CliContext } from './context.js';
import { progress } from './output.js';

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
  namespace: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, { error: 'expected a namespace name (RFC 1123 label)' }).max(63).optional(),
  helmConfig: z.string().optional(),
  kustomizeFlag: z.array(z.string()).default([]),
  renderTimeout: z.coerce.number().positive().default(120),
  maxRenderBytes: z.coerce.number().int().positive().default(64 * 1024 * 1024),
  cacheDir: z.string().min(1).optional(),
});
export type CommonOptions = z.infer<typeof CommonOptions>;

function ipFamilies(flag: '4' | '6' | 'dual'): IpFamily[] {
  return flag === '4' ? [4] : flag === '6' ? [6] : [4, 6];
}

/** The use-cases' read settings from the common flags. */
export function readSettingsFrom(ctx: CliContext, opts: CommonOptions): ReadSettings {
  const charts: Map<string, ChartSettings> = opts.helmConfig ? ctx.io.readHelmConfig(opts.helmConfig) : new Map();
  return {
    maxFileBytes: opts.maxFileSize,
    ipFamilies: ipFamilies(opts.ipFamily),
    ...(opts.namespace ? { namespace: opts.namespace } : {}),
    progress: progress(ctx, opts),
    render: {
      helmValues: opts.helmValues,
      helmSet: opts.helmSet,
      ...(opts.helmReleaseName ? { helmReleaseName: opts.helmReleaseName } : {}),
      ...(opts.helmNamespace ? { helmNamespace: opts.helmNamespace } : {}),
      charts,
      kustomizeFlags: opts.kustomizeFlag,
      timeoutMs: opts.renderTimeout * 1000,
      maxOutputBytes: opts.maxRenderBytes,
      ...(opts.cacheDir ?? ctx.env.NETPOL_CI_CACHE_DIR ? { cacheDir: opts.cacheDir ?? ctx.env.NETPOL_CI_CACHE_DIR } : {}),
    },
  };
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function addCommonOptions(cmd: Command): Command {
  return cmd
    .option('-o, --output <file>', 'write the report to FILE instead of stdout')
    .option('--verbose', 'also show informational diagnostics (skipped files and kinds)')
    .option('-q, --quiet', 'show only errors; no progress')
    .option('--max-file-size <bytes>', `skip manifest files larger than this (default ${DEFAULT_MAX_FILE_BYTES})`)
    .option('--namespace <ns>', 'namespace of objects that name none, as kubectl apply -n (default: default); chart and kustomization namespaces win')
    .option('--ip-family <family>', 'address families of the cluster: 4, 6 or dual (default 4)')
    .option('--helm-values <file>', 'values file for every chart (repeatable)', collect)
    .option('--helm-set <key=value>', 'a value for every chart, as helm --set (repeatable)', collect)
    .option('--helm-release-name <name>', 'release name for helm template (default: the chart folder name)')
    .option('--helm-namespace <ns>', 'namespace for helm template')
    .option('--helm-config <file>', 'per-chart settings: charts: {<folder>: {releaseName, namespace, values: [...], set: [...]}}')
    .option('--kustomize-flag <flag>', 'extra flag for kubectl kustomize, e.g. --load-restrictor=LoadRestrictionsNone (repeatable)', collect)
    .option('--render-timeout <seconds>', 'time limit for each helm or kubectl rendering (default 120)')
    .option('--max-render-bytes <bytes>', 'output limit for each rendering (default 64 MiB)')
    .option('--cache-dir <dir>', 'keep Helm and Kustomize renderings across runs in DIR, keyed by content (default: $NETPOL_CI_CACHE_DIR, else none)');
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

/** A command's handler: gets the run's context, returns the exit code. */
export type Handler<A extends unknown[]> = (ctx: CliContext, ...args: A) => number;
