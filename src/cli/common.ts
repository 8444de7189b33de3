import type { Command } from 'commander';
import { z } from 'zod';
import { ConfigError } from '../diagnostics/errors.js';
import type { ExecLimits } from '../io/types.js';
import { parseCidr, type IpFamily, type IpRange } from '../model/ip.js';
import { DEFAULT_KUBE_VERSION, DEFAULT_MAX_FILE_BYTES, type ChartSettings, type ReadSettings } from '../pipeline/settings.js';
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
  kubeVersion: z.string().regex(/^v?\d+\.\d+(\.\d+)?$/, { error: 'expected a Kubernetes version such as 1.32 or v1.32.0' }).optional(),
  namespace: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, { error: 'expected a namespace name (RFC 1123 label)' }).max(63).optional(),
  helmConfig: z.string().optional(),
  kustomizeFlag: z.array(z.string()).default([]),
  renderTimeout: z.coerce.number().positive().default(120),
  podCidr: z.array(z.string()).default([]),
  serviceCidr: z.array(z.string()).default([]),
  timeout: z
    .string()
    .transform((text, ctx) => {
      const ms = parseDuration(text);
      if (ms === undefined) ctx.addIssue({ code: 'custom', message: `expected a duration such as 30s, 2m or 1h30m, got ${JSON.stringify(text)}` });
      return ms ?? 0;
    })
    .optional(),
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
  const cidrs = (flag: string, list: readonly string[]): IpRange[] =>
    list.map((text) => {
      const r = parseCidr(text);
      if (!r) throw new ConfigError(`${flag}: invalid CIDR ${JSON.stringify(text)}`);
      return r;
    });
  return {
    maxFileBytes: opts.maxFileSize,
    ipFamilies: ipFamilies(opts.ipFamily),
    ...(opts.namespace ? { namespace: opts.namespace } : {}),
    progress: progress(ctx, opts),
    podCidrs: cidrs('--pod-cidr', opts.podCidr),
    serviceCidrs: cidrs('--service-cidr', opts.serviceCidr),
    render: {
      helmValues: opts.helmValues,
      helmSet: opts.helmSet,
      ...(opts.helmReleaseName ? { helmReleaseName: opts.helmReleaseName } : {}),
      ...(opts.helmNamespace ? { helmNamespace: opts.helmNamespace } : {}),
      ...(opts.kubeVersion ? { kubeVersion: opts.kubeVersion } : {}),
      charts,
      kustomizeFlags: opts.kustomizeFlag,
      // --timeout limits every external step; --render-timeout (seconds) is the older, render-only spelling
      timeoutMs: opts.timeout ?? opts.renderTimeout * 1000,
      timeoutFlag: opts.timeout !== undefined ? '--timeout' : '--render-timeout',
      maxOutputBytes: opts.maxRenderBytes,
      ...(opts.cacheDir ?? ctx.env.NETPOL_CI_CACHE_DIR ? { cacheDir: opts.cacheDir ?? ctx.env.NETPOL_CI_CACHE_DIR } : {}),
    },
  };
}

/**
 * `30s`, `2m`, `1h30m`, `500ms`, or a plain number of seconds -> milliseconds; undefined when the
 * text is not a positive duration.
 */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) > 0 ? Number(t) * 1000 : undefined;
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  let rest = t;
  while (rest.length > 0) {
    const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)/.exec(rest);
    if (!m) return undefined;
    total += Number(m[1]) * (unit[m[2] as string] as number);
    rest = rest.slice(m[0].length);
  }
  return t.length > 0 && total > 0 ? total : undefined;
}

/** The time limit of the external steps the CLI runs itself (Graphviz). */
export function execLimits(settings: ReadSettings): ExecLimits {
  return { timeoutMs: settings.render.timeoutMs, ...(settings.render.timeoutFlag ? { timeoutFlag: settings.render.timeoutFlag } : {}) };
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
    .option('--kube-version <version>', `Kubernetes version charts are rendered for, as helm template --kube-version (default ${DEFAULT_KUBE_VERSION})`)
    .option('--helm-config <file>', 'per-chart settings: charts: {<folder>: {releaseName, namespace, values: [...], set: [...]}}')
    .option('--kustomize-flag <flag>', 'extra flag for kubectl kustomize, e.g. --load-restrictor=LoadRestrictionsNone (repeatable)', collect)
    .option('--cache-dir <dir>', 'keep Helm and Kustomize renderings, parsed manifests and (for check) the whole check across runs in DIR, keyed by content (default: $NETPOL_CI_CACHE_DIR, else none)')
    .option('--pod-cidr <cidr>', "the cluster's pod network (repeatable): address peers (ipBlock, ANP networks) covering it then apply to pod-to-pod traffic", collect)
    .option('--service-cidr <cidr>', "the cluster's Service network (repeatable): not treated as external addresses", collect)
    .option('--timeout <duration>', 'time limit for each external step (helm, kubectl, git, dot), e.g. 30s or 2m; exceeding it is exit 2 (default 120s)')
    .option('--render-timeout <seconds>', 'time limit for each helm or kubectl rendering, in seconds (default 120; --timeout wins)')
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

/** A command's handler: gets the run's context, returns the exit code. */
export type Handler<A extends unknown[]> = (ctx: CliContext, ...args: A) => number;
