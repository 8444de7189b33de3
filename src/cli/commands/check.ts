import { Command } from 'commander';
import { z } from 'zod';
import { ConfigError } from '../../diagnostics/errors.js';
import type { CheckOutcome, CheckRequest } from '../../pipeline/check.js';
import { runGatedCheck } from '../../pipeline/check-gates.js';
import { renderPoliciesYaml } from '../../report/policies.js';
import { DEFAULT_MAX_BYTES } from '../../report/check/budget.js';
import { renderCheckJson } from '../../report/check/json.js';
import { renderCheckMd } from '../../report/check/md.js';
import { renderCheckTxt } from '../../report/check/txt.js';
import { addCommonOptions, CommonOptions, parseOptions, readSettingsFrom } from '../common.js';
import type { CliContext } from '../context.js';
import { addDriftOptions, driftBasisFrom, DriftOptions, ingressControllerPlace, refuseDriftFlags } from '../drift-options.js';
import { addTrafficOptions, snapshotClusterFrom, TrafficOptions, trafficRequestFrom } from '../traffic-options.js';
import { addClusterOptions, ClusterOptions } from '../cluster-options.js';
import { emit, exitCodeFor, printDiagnostics, progress } from '../output.js';

export const CHECK_FORMATS = ['md', 'txt', 'json'] as const;
/** What `--fail-on` can name: each makes the check exit 1 when the PR has one. */
export const FAIL_ON = ['diff', 'broken', 'gaps', 'baseline', 'drift', 'lint'] as const;
export type FailOn = (typeof FAIL_ON)[number];

const Options = CommonOptions.extend(TrafficOptions.shape).extend(ClusterOptions.shape).extend(DriftOptions.shape).extend({
  format: z.enum(CHECK_FORMATS, { error: (i) => `expected one of ${CHECK_FORMATS.join(', ')}, got ${JSON.stringify(i.input)}` }).default('md'),
  repo: z.string().optional(),
  base: z.string({ error: 'is required' }).min(1),
  head: z.string({ error: 'is required' }).min(1),
  failOn: z
    .string()
    .default('')
    .transform((s, ctx) => {
      const items = s.split(',').map((x) => x.trim()).filter(Boolean);
      for (const x of items) if (!(FAIL_ON as readonly string[]).includes(x)) ctx.addIssue({ code: 'custom', message: `expected a comma-separated list of ${FAIL_ON.join(', ')}, got ${JSON.stringify(x)}` });
      return [...new Set(items)] as FailOn[];
    }),
  lint: z.boolean().default(false),
  exposure: z.boolean().default(false),
  maxBytes: z.coerce.number().int().min(1024, { error: 'must be at least 1024' }).default(DEFAULT_MAX_BYTES),
  baseline: z.array(z.string()).default([]),
  engine: z.enum(['builtin', 'nca', 'both'], { error: (i) => `expected builtin, nca or both, got ${JSON.stringify(i.input)}` }).optional(),
  ncaTimeout: z.coerce.number().positive().optional(),
  policies: z.string().min(1).optional(),
  blobBase: z
    .string()
    .regex(/^https?:\/\/[^\s()<>]+$/, { error: 'expected a URL such as https://github.com/OWNER/REPO' })
    .optional(),
});

/**
 * Whether the outcome has something `--fail-on` names: a connectivity change, a needed link the PR
 * breaks, a gap the PR adds, a violated baseline rule (or the engines disagreeing), drift, a
 * lint finding the PR adds.
 */
export function failsOn(o: CheckOutcome, failOn: readonly FailOn[]): boolean {
  const has: Record<FailOn, () => boolean> = {
    diff: () => o.diff.entries.length > 0,
    broken: () => o.broken.length > 0,
    gaps: () => o.gaps.some((g) => g.introduced),
    baseline: () => (o.baseline?.violations.length ?? 0) > 0,
    drift: () => (o.drift?.findings.length ?? 0) > 0,
    lint: () => (o.lint?.findings.length ?? 0) > 0,
  };
  return failOn.some((f) => has[f]());
}

export function checkCommand(ctx: CliContext, done: (code: number) => void): Command {
  const cmd = new Command('check')
    .description('the PR check: connectivity diff grouped by cause, needed links the PR breaks, gaps, as the Markdown a reviewer reads')
    .argument('[paths...]', 'with --repo: paths inside the repository (default: all of it)')
    .requiredOption('--base <ref|path>', 'the PR base: a folder, or a git ref with --repo')
    .requiredOption('--head <ref|path>', 'the PR head: a folder, or a git ref with --repo')
    .option('--repo <dir>', 'a git repository: --base and --head are refs, read without touching the working tree')
    .option('-f, --format <format>', `output format: ${CHECK_FORMATS.join('|')}`, 'md')
    .option('--fail-on <list>', `exit 1 when the PR has any of: ${FAIL_ON.join(',')} (default: only input errors fail, with 2)`)
    .option('--max-bytes <n>', `budget of the Markdown body in UTF-8 bytes (default ${DEFAULT_MAX_BYTES}; GitHub refuses bodies over 65,536 characters)`)
    .option('--baseline <file>', 'baseline rules (np-guard or netalchemy format) checked on head, by the built-in engine and nca (repeatable); with --policies, also the basis of the drift gate, as verify --baseline', (v: string, prev: string[] = []) => [...prev, v])
    .option('--engine <engine>', 'with --baseline: builtin, nca or both (default: both when nca is installed)')
    .option('--nca-timeout <seconds>', 'with --baseline: time budget of nca (default 300)')
    .option('--policies <dir>', "the committed policies folder (with --repo: relative to the repository): head's needs against it (repo drift, as verify; judged on the basis of the drift options below)")
    .option('--lint', "policy sanity on head: lint findings base does not have (a finding is its code, policy and rule, not its line); implied by --fail-on lint")
    .option('--exposure', 'the workloads the PR exposes to more of the outside (any namespace, selector-matched pods elsewhere, addresses), in the "reachable from outside" section')
    .option('--blob-base <url>', 'https://github.com/OWNER/REPO: file references link to <url>/blob/<sha>/<path>#L<n> (with --repo)');
  // with --policies: what the committed policies were synthesized with (--links, --gaps, --no-ports, DNS), as for verify
  addDriftOptions(cmd);
  addTrafficOptions(cmd);
  addClusterOptions(cmd, 'with --traffic: read pods, Services, namespaces and nodes from the cluster with kubectl to map trace addresses to workloads (instead of --cluster-snapshot)');
  addCommonOptions(cmd).action((paths: string[], raw: unknown) => done(check(ctx, paths, parseOptions(Options, raw))));
  return cmd;
}

function requestFrom(paths: string[], opts: z.infer<typeof Options>): CheckRequest {
  if (opts.repo !== undefined) return { kind: 'repo', repo: opts.repo, base: opts.base, head: opts.head, paths };
  if (paths.length > 0) throw new ConfigError('paths after the options go with --repo; without it, --base and --head are the two folders');
  return { kind: 'paths', base: opts.base, head: opts.head };
}

function check(ctx: CliContext, paths: string[], opts: z.infer<typeof Options>): number {
  const say = progress(ctx, opts);
  const request = requestFrom(paths, opts);
  say('checking base and head…');
  if (opts.baseline.length === 0 && (opts.engine !== undefined || opts.ncaTimeout !== undefined)) throw new ConfigError('--engine and --nca-timeout go with --baseline');
  // --dns-* say where DNS runs: the DNS needs the PR breaks are judged there too, with or without --policies
  if (opts.policies === undefined) refuseDriftFlags({ ...opts, dnsPort: undefined, dnsNamespace: undefined, dnsSelector: undefined }, 'give --policies DIR');
  const basis = driftBasisFrom(opts);
  const traffic = trafficRequestFrom(opts, snapshotClusterFrom(opts));
  const o = runGatedCheck(
    ctx.io,
    request,
    {
      ...(opts.baseline.length > 0 ? { baselineFiles: opts.baseline } : {}),
      ...(opts.engine ? { engine: opts.engine } : {}),
      ...(opts.ncaTimeout ? { ncaTimeoutMs: opts.ncaTimeout * 1000 } : {}),
      ...(opts.policies !== undefined ? { policies: opts.policies } : {}),
      ...(traffic ? { traffic } : {}),
      // failing on new lint findings needs them computed: --fail-on lint implies --lint
      ...(opts.lint || opts.failOn.includes('lint') ? { lint: true } : {}),
      ...(opts.exposure ? { exposure: true } : {}),
      // with --repo, --links is a path in the repository, read at head like --policies
      ...(opts.policies !== undefined ? { drift: basis } : {}),
      dns: { namespace: basis.synthesis.dns.namespace, podLabels: basis.synthesis.dns.podLabels, port: basis.synthesis.dnsPort },
      renderPolicies: renderPoliciesYaml,
    },
    // with --policies, where the ingress controller runs (--ingress-controller) is where {ingress-controller} is evaluated, on both sides
    { ...readSettingsFrom(ctx, opts), ...ingressControllerPlace(opts.ingressController) },
  );
  say('');
  const text =
    opts.format === 'md'
      ? renderCheckMd(o, { maxBytes: opts.maxBytes, ...(opts.blobBase ? { blobBase: opts.blobBase } : {}) })
      : opts.format === 'json'
        ? renderCheckJson(o)
        : renderCheckTxt(o);
  emit(ctx, text, opts.output);
  printDiagnostics(ctx, o.diagnostics, opts);
  // bad input in head (the PR's files) exits 2; base's problems are printed but are not the PR's
  return exitCodeFor(o.headDiagnostics, failsOn(o, opts.failOn));
}
