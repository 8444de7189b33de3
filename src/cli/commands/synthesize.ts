import { Command } from 'commander';
import { z } from 'zod';
import { NAMESPACE_NAME_LABEL } from '../../manifests/cluster.js';
import { layoutPolicies, policyTarget, runSynthesize, writePolicies } from '../../pipeline/synthesize.js';
import { renderPoliciesYaml } from '../../report/policies.js';
import { DEFAULT_SYNTHESIS_OPTIONS, type PodPeerSelector } from '../../synthesis/synthesize.js';
import { addCommonOptions, CommonOptions, parseOptions, readSettingsFrom } from '../common.js';
import type { CliContext } from '../context.js';
import { exitCodeFor, printDiagnostics, progress } from '../output.js';

const labelList = z
  .string()
  .regex(/^[^=,\s]+=[^=,\s]*(,[^=,\s]+=[^=,\s]*)*$/, { error: 'expected key=value[,key=value...]' })
  .transform((s) => Object.fromEntries(s.split(',').map((kv) => kv.split('=') as [string, string])));

const Options = CommonOptions.extend({
  links: z.string().optional(),
  baseline: z.array(z.string()).default([]),
  defaultDeny: z.union([z.boolean(), z.enum(['true', 'false'], { error: '--default-deny takes true or false' }).transform((v) => v === 'true')]).default(true),
  dryRun: z.boolean().default(false),
  dnsPort: z.coerce.number().int().min(1).max(65535).default(53),
  dnsNamespace: z.string().default('kube-system'),
  dnsSelector: labelList.default({ 'k8s-app': 'kube-dns' }),
  ingressController: labelList.optional(),
  namePrefix: z.string().regex(/^[a-z0-9-]*$/, { error: 'lower-case letters, digits and dashes only' }).default(''),
});

/** `namespace=ingress-nginx,app=x`: the `namespace` key names the namespace; the rest are pod labels. */
function ingressControllerSelector(labels: Record<string, string> | undefined): PodPeerSelector | undefined {
  if (!labels) return undefined;
  const { namespace, ...pod } = labels;
  return { ...(namespace ? { namespaceLabels: { [NAMESPACE_NAME_LABEL]: namespace } } : {}), ...(Object.keys(pod).length > 0 ? { podLabels: pod } : {}) };
}

export function synthesizeCommand(ctx: CliContext, done: (code: number) => void): Command {
  const cmd = new Command('synthesize')
    .description('least-privilege NetworkPolicies for the connections the application needs')
    .argument('<path...>', 'manifest files or folders (scanned recursively)')
    .option('--links <file>', 'use this reviewed link list (scan --format json|yaml) instead of scanning')
    .option('--baseline <file>', 'baseline rules (repeatable): deny rules remove links, allow rules add theirs', (v: string, prev: string[] = []) => [...prev, v])
    .option('--default-deny [bool]', 'add a default-deny policy per namespace (default true; --default-deny=false to omit)')
    .option('--dry-run', 'print what would be written, write nothing')
    .option('--dns-port <port>', 'port DNS listens on (default 53; OpenShift: 5353)')
    .option('--dns-namespace <ns>', 'namespace DNS runs in (default kube-system)')
    .option('--dns-selector <labels>', 'labels of the DNS pods (default k8s-app=kube-dns)')
    .option('--ingress-controller <selector>', 'where the ingress controller runs, e.g. namespace=ingress-nginx,app.kubernetes.io/name=ingress-nginx (default: any namespace)')
    .option('--name-prefix <prefix>', 'prefix for policy names');
  addCommonOptions(cmd).action((paths: string[], raw: unknown) => done(synthesize(ctx, paths, parseOptions(Options, raw))));
  return cmd;
}

function synthesize(ctx: CliContext, paths: string[], opts: z.infer<typeof Options>): number {
  const say = progress(ctx, opts);
  say('reading, scanning and synthesizing…');
  const ic = ingressControllerSelector(opts.ingressController);
  const r = runSynthesize(
    ctx.io,
    {
      paths,
      ...(opts.links !== undefined ? { linksFile: opts.links } : {}),
      ...(opts.baseline.length > 0 ? { baselineFiles: opts.baseline } : {}),
      options: {
        ...DEFAULT_SYNTHESIS_OPTIONS,
        defaultDeny: opts.defaultDeny,
        dnsPort: opts.dnsPort,
        dns: { namespace: opts.dnsNamespace, podLabels: opts.dnsSelector },
        ...(ic ? { ingressController: ic } : {}),
        namePrefix: opts.namePrefix,
      },
    },
    readSettingsFrom(ctx, opts),
  );
  say('');
  if (r.refused) {
    // a links file with errors must not overwrite policies with ones built from what was left of it
    printDiagnostics(ctx, r.diagnostics, opts);
    ctx.stderr(`netpol-ci: the ${opts.baseline.length > 0 ? 'links or baseline rule files have' : 'links file has'} errors; no policies written\n`);
    return exitCodeFor(r.diagnostics);
  }
  const target = policyTarget(ctx.io, opts.output);
  if (target.kind === 'stdout') ctx.stdout(renderPoliciesYaml(r.policies));
  else if (opts.dryRun) for (const [f, text] of layoutPolicies(r.policies, target, renderPoliciesYaml)) ctx.stdout(`# would write ${f}\n${text}`);
  else {
    const files = writePolicies(ctx.io, r.policies, target, renderPoliciesYaml);
    if (!opts.quiet) ctx.stderr(`wrote ${r.policies.length} policies to ${files.size} file(s)\n`);
  }
  printDiagnostics(ctx, r.diagnostics, opts);
  return exitCodeFor(r.diagnostics);
}
