import { Command } from 'commander';
import { z } from 'zod';
import { ConfigError } from '../../diagnostics/errors.js';
import { fixRepoDrift, judgedAgainst, runClusterDrift, runRepoDrift, type RepoDriftRequest } from '../../pipeline/verify.js';
import type { LiveSource } from '../../pipeline/cluster-drift.js';
import { renderPoliciesYaml } from '../../report/policies.js';
import { renderClusterDrift, renderRepoDrift, VERIFY_FORMATS } from '../../report/verify.js';
import { addCommonOptions, CommonOptions, parseOptions, readSettingsFrom } from '../common.js';
import { addClusterOptions, ClusterOptions, liveSourceFrom } from '../cluster-options.js';
import type { CliContext } from '../context.js';
import { addDriftOptions, driftBasisFrom, DriftOptions, ingressControllerPlace, refuseDriftFlags } from '../drift-options.js';
import { addTrafficOptions, TrafficOptions, trafficRequestFrom } from '../traffic-options.js';
import { summaryText } from '../../report/scan.js';
import { VERSION } from '../version.js';
import { emit, exitCodeFor, printDiagnostics, progress } from '../output.js';

const Options = CommonOptions.extend(ClusterOptions.shape).extend(TrafficOptions.shape).extend(DriftOptions.shape).extend({
  format: z.enum(VERIFY_FORMATS, { error: (i) => `expected one of ${VERIFY_FORMATS.join(', ')}, got ${JSON.stringify(i.input)}` }).default('txt'),
  policies: z.string({ error: '--policies DIR is required: the folder of committed policies' }),
  allowExcess: z.boolean().default(false),
  fix: z.boolean().default(false),
  clusterExport: z.string().optional(),
});
type Options = z.infer<typeof Options>;

export function verifyCommand(ctx: CliContext, done: (code: number) => void): Command {
  const cmd = new Command('verify')
    .description('the drift gate: committed policies vs what the manifests need (repo drift), or the live cluster vs the repository (cluster drift)')
    .argument('[paths...]', 'the application manifests (repo drift; with --cluster: limit the comparison to their namespaces)')
    .option('-f, --format <format>', `output format: ${VERIFY_FORMATS.join('|')}`, 'txt')
    .option('--policies <dir>', 'the folder of committed policies')
    .option('--allow-excess', 'report excess (allowed beyond the needs) without failing')
    .option('--fix', 'write the synthesized policies that close the drift into --policies, print what changed, then verify again')
    .option('--cluster-export <dir>', 'cluster drift from a folder of exported manifests (kubectl get -o yaml), offline');
  // repo drift is judged on the basis synthesize was given: the same flags as check --policies
  addDriftOptions(cmd, true);
  addClusterOptions(cmd);
  // with --cluster or --cluster-export, the traffic is checked against both sides' policies, and the cluster maps its addresses
  addTrafficOptions(cmd);
  addCommonOptions(cmd).action((paths: string[], raw: unknown) => done(verify(ctx, paths, parseOptions(Options, raw))));
  return cmd;
}

function verify(ctx: CliContext, paths: string[], opts: Options): number {
  if (opts.cluster && opts.clusterExport !== undefined) throw new ConfigError('--cluster and --cluster-export exclude each other');
  if (opts.clusterExport === undefined && !liveSourceFrom(opts)) return repoDrift(ctx, paths, opts);
  if (opts.fix) throw new ConfigError('--fix applies to repo drift; the cluster is fixed by applying the repository (kubectl apply)');
  refuseDriftFlags(opts, 'repo drift (verify <path...> --policies DIR), not cluster drift');
  if (opts.baseline.length > 0) throw new ConfigError('--baseline applies to the drift gate: repo drift (verify <path...> --policies DIR), not cluster drift');
  if (opts.clusterExport !== undefined && (opts.context !== undefined || opts.kubeconfig !== undefined || opts.clusterNamespaces !== undefined)) {
    throw new ConfigError('--context, --kubeconfig and --cluster-namespaces need --cluster, not --cluster-export');
  }
  return clusterDrift(ctx, paths, opts);
}

function repoDrift(ctx: CliContext, paths: string[], opts: Options): number {
  if (paths.length === 0) throw new ConfigError('verify takes the manifest paths: verify <path...> --policies DIR (or --cluster)');
  const say = progress(ctx, opts);
  // where the ingress controller runs shapes the policies --fix writes, and where the comparison evaluates it
  const settings = { ...readSettingsFrom(ctx, opts), ...ingressControllerPlace(opts.ingressController) };
  const traffic = trafficRequestFrom(opts);
  const request: RepoDriftRequest = { ...driftBasisFrom(opts), paths, policies: opts.policies, ...(traffic ? { traffic } : {}) };
  say('reading manifests and policies…');
  if (opts.fix) {
    const fix = fixRepoDrift(ctx.io, request, settings, renderPoliciesYaml);
    say('');
    const d = fix.after.drift;
    emit(ctx, renderRepoDrift(opts.format, { drift: d, policies: opts.policies, allowExcess: opts.allowExcess, fix, version: VERSION, basis: judgedAgainst(opts.policies, request) }), opts.output);
    printDiagnostics(ctx, fix.after.diagnostics, opts);
    return exitCodeFor(fix.after.diagnostics, d.missing.length > 0 || (d.excess.length > 0 && !opts.allowExcess));
  }
  const r = runRepoDrift(ctx.io, request, settings);
  say('');
  const d = r.drift;
  emit(ctx, renderRepoDrift(opts.format, { drift: d, policies: opts.policies, allowExcess: opts.allowExcess, version: VERSION, basis: judgedAgainst(opts.policies, request) }), opts.output);
  printDiagnostics(ctx, r.diagnostics, opts);
  return exitCodeFor(r.diagnostics, d.missing.length > 0 || (d.excess.length > 0 && !opts.allowExcess));
}

function clusterDrift(ctx: CliContext, paths: string[], opts: Options): number {
  const say = progress(ctx, opts);
  const source = (opts.clusterExport !== undefined ? { kind: 'export', dir: opts.clusterExport } : liveSourceFrom(opts)) as LiveSource;
  // the cluster (or its export) is also the snapshot that maps the trace's pod and Service addresses
  const traffic = source.kind === 'kubectl' ? trafficRequestFrom(opts, source) : trafficRequestFrom(opts.traffic.length > 0 ? { ...opts, clusterSnapshot: opts.clusterSnapshot ?? source.dir } : opts);
  say('reading the cluster…');
  const r = runClusterDrift(ctx.io, { source, policies: opts.policies, ...(paths.length > 0 ? { paths } : {}), ...(traffic ? { traffic } : {}) }, readSettingsFrom(ctx, opts));
  say('');
  emit(ctx, renderClusterDrift(opts.format, { outcome: r, version: VERSION }), opts.output);
  printDiagnostics(ctx, r.diagnostics, opts);
  if (r.traffic && !opts.quiet && !opts.verbose) ctx.stderr(`${summaryText(r.traffic.summary)}\n`);
  // observed traffic that either side's policies block is a finding, like a changed connection
  return exitCodeFor(r.diagnostics, r.diff.entries.length > 0 || (r.traffic?.check.blocked.length ?? 0) > 0);
}
