import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { z } from 'zod';
import type { Diagnostic } from '../../diagnostics.js';
import { NAMESPACE_NAME_LABEL } from '../../manifests/cluster.js';
import { renderPoliciesYaml } from '../../report/policies.js';
import { DEFAULT_SYNTHESIS_OPTIONS, synthesizePolicies, type PodPeerSelector } from '../../synthesis/synthesize.js';
import type { Link } from '../../topology/links.js';
import { parseLinksFile } from '../../topology/links-file.js';
import { scanTopology } from '../../topology/scan.js';
import { addCommonOptions, CommonOptions, loadPaths, parseOptions } from '../common.js';
import { ConfigError } from '../errors.js';
import { emit, exitCodeFor, printDiagnostics, progress } from '../output.js';

const labelList = z
  .string()
  .regex(/^[^=,\s]+=[^=,\s]*(,[^=,\s]+=[^=,\s]*)*$/, { error: 'expected key=value[,key=value...]' })
  .transform((s) => Object.fromEntries(s.split(',').map((kv) => kv.split('=') as [string, string])));

const Options = CommonOptions.extend({
  links: z.string().optional(),
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

export function synthesizeCommand(): Command {
  const cmd = new Command('synthesize')
    .description('least-privilege NetworkPolicies for the connections the application needs')
    .argument('<path...>', 'manifest files or folders (scanned recursively)')
    .option('--links <file>', 'use this reviewed link list (scan --format json|yaml) instead of scanning')
    .option('--default-deny [bool]', 'add a default-deny policy per namespace (default true; --default-deny=false to omit)')
    .option('--dry-run', 'print what would be written, write nothing')
    .option('--dns-port <port>', 'port DNS listens on (default 53; OpenShift: 5353)')
    .option('--dns-namespace <ns>', 'namespace DNS runs in (default kube-system)')
    .option('--dns-selector <labels>', 'labels of the DNS pods (default k8s-app=kube-dns)')
    .option('--ingress-controller <selector>', 'where the ingress controller runs, e.g. namespace=ingress-nginx,app.kubernetes.io/name=ingress-nginx (default: any namespace)')
    .option('--name-prefix <prefix>', 'prefix for policy names');
  addCommonOptions(cmd).action((paths: string[], raw: unknown) => {
    const opts = parseOptions(Options, raw);
    const say = progress(opts);
    say('reading manifests…');
    const { load, diagnostics, values } = loadPaths(paths, opts);
    const all: Diagnostic[] = [...diagnostics];
    let links: readonly Link[];
    if (opts.links) {
      let text: string;
      try {
        text = readFileSync(opts.links, 'utf8');
      } catch (e) {
        throw new ConfigError(`--links ${opts.links}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      const parsed = parseLinksFile(opts.links, text);
      links = parsed.links;
      all.push(...parsed.diagnostics);
    } else {
      say('scanning…');
      const scanned = scanTopology(load.cluster, { values });
      links = scanned.value.links;
      all.push(...scanned.diagnostics);
    }
    say('synthesizing…');
    const ic = ingressControllerSelector(opts.ingressController);
    const result = synthesizePolicies(load.cluster, links, {
      ...DEFAULT_SYNTHESIS_OPTIONS,
      defaultDeny: opts.defaultDeny,
      dnsPort: opts.dnsPort,
      dns: { namespace: opts.dnsNamespace, podLabels: opts.dnsSelector },
      ...(ic ? { ingressController: ic } : {}),
      namePrefix: opts.namePrefix,
    });
    all.push(...result.diagnostics);
    say('');
    if (opts.links && all.some((d) => d.severity === 'error')) {
      // a links file with errors must not overwrite policies with ones built from what was left of it
      printDiagnostics(all, opts);
      process.stderr.write('netpol-ci: the links file has errors; no policies written\n');
      process.exitCode = exitCodeFor(all);
      return;
    }
    const policies = result.value.policies;
    const out = opts.output;
    const toDir = out !== undefined && (out.endsWith('/') || (existsSync(out) && statSync(out).isDirectory()));
    const files = new Map<string, string>();
    if (toDir) {
      const byNs = new Map<string, typeof policies>();
      for (const p of policies) byNs.set(p.metadata.namespace, [...(byNs.get(p.metadata.namespace) ?? []), p]);
      for (const [ns, list] of byNs) files.set(path.join(out, `${ns}.yaml`), renderPoliciesYaml(list));
    } else if (out !== undefined) files.set(out, renderPoliciesYaml(policies));
    if (opts.dryRun || out === undefined) {
      if (opts.dryRun && out !== undefined) for (const [f, text] of files) emit(`# would write ${f}\n${text}`, undefined);
      else emit(renderPoliciesYaml(policies), undefined);
    } else {
      if (toDir) mkdirSync(out, { recursive: true });
      for (const [f, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) writeFileSync(f, text);
      if (!opts.quiet) process.stderr.write(`wrote ${policies.length} policies to ${files.size} file(s)\n`);
    }
    printDiagnostics(all, opts);
    process.exitCode = exitCodeFor(all);
  });
  return cmd;
}
