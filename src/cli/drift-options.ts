import type { Command } from 'commander';
import { z } from 'zod';
import { ConfigError } from '../diagnostics/errors.js';
import { NAMESPACE_NAME_LABEL } from '../manifests/cluster.js';
import type { DriftBasis } from '../pipeline/verify.js';
import { GAP_MODES } from '../synthesis/gap-rules.js';
import { DEFAULT_SYNTHESIS_OPTIONS, type PodPeerSelector } from '../synthesis/synthesize.js';
import { labelList } from './label-options.js';

export { ingressControllerPlace, labelList } from './label-options.js';

/**
 * What committed policies are judged against: the choices they were synthesized with. `verify`
 * and `check --policies` take these flags with one meaning (the drift gate is one use-case), so
 * no default is applied here: `check` must know which were given, and refuses them without
 * `--policies` (a flag that would change nothing).
 */
export const DriftOptions = z.object({
  links: z.string().min(1).optional(),
  gaps: z.enum(GAP_MODES, { error: (i) => `expected one of ${GAP_MODES.join(', ')}, got ${JSON.stringify(i.input)}` }).optional(),
  // commander spells --no-ports as ports: false
  ports: z.boolean().default(true),
  dnsPort: z.coerce.number().int().min(1).max(65535).optional(),
  dnsNamespace: z.string().min(1).optional(),
  dnsSelector: labelList.optional(),
  ingressController: labelList.optional(),
  // check's --baseline (its baseline gate) is verify's too: the same files are the drift basis with --policies
  baseline: z.array(z.string()).default([]),
});
export type DriftOptions = z.infer<typeof DriftOptions>;

/**
 * The drift options on a command (verify, check). `withBaseline`: add `--baseline FILE` too (check
 * has its own, for its baseline gate, and uses the same files as the drift basis).
 */
export function addDriftOptions(cmd: Command, withBaseline = false): Command {
  if (withBaseline) cmd.option('--baseline <file>', 'baseline rules the policies were synthesized with (synthesize --baseline; repeatable): what a deny rule forbids is not needed, closures it crosses are needed cut', (v: string, prev: string[] = []) => [...prev, v]);
  return cmd
    .option('--links <file>', 'the reviewed links the policies were synthesized from (synthesize --links): the needs instead of the scan')
    .option('--gaps <mode>', 'how the policies close gaps, as given to synthesize: deny (default), namespace or open; what the closures open is needed, not excess')
    .option('--no-ports', 'the policies were synthesized with --no-ports (peer-only rules): a needed pair may be allowed on every connection')
    .option('--dns-port <port>', 'port DNS listens on (default 53; OpenShift: 5353)')
    .option('--dns-namespace <ns>', 'namespace DNS runs in (default kube-system)')
    .option('--dns-selector <labels>', 'labels of the DNS pods (default k8s-app=kube-dns)')
    .option('--ingress-controller <selector>', 'where the ingress controller runs, e.g. namespace=ingress-nginx,app.kubernetes.io/name=ingress-nginx: shapes the policies that would close the drift');
}

/** The drift flags given on the command line, by their spelling (for "needs --policies" errors). */
export function givenDriftFlags(opts: DriftOptions): string[] {
  const given: [string, boolean][] = [
    ['--links', opts.links !== undefined],
    ['--gaps', opts.gaps !== undefined],
    ['--no-ports', !opts.ports],
    ['--dns-port', opts.dnsPort !== undefined],
    ['--dns-namespace', opts.dnsNamespace !== undefined],
    ['--dns-selector', opts.dnsSelector !== undefined],
    ['--ingress-controller', opts.ingressController !== undefined],
  ];
  return given.filter(([, g]) => g).map(([flag]) => flag);
}

/** `namespace=ingress-nginx,app=x`: the `namespace` key names the namespace; the rest are pod labels. */
export function ingressControllerSelector(labels: Readonly<Record<string, string>> | undefined): PodPeerSelector | undefined {
  if (!labels) return undefined;
  const { namespace, ...pod } = labels;
  return { ...(namespace ? { namespaceLabels: { [NAMESPACE_NAME_LABEL]: namespace } } : {}), ...(Object.keys(pod).length > 0 ? { podLabels: pod } : {}) };
}


/** The pipeline's drift basis from the flags, defaults applied (those of `synthesize`). */
export function driftBasisFrom(opts: DriftOptions): DriftBasis {
  const ic = ingressControllerSelector(opts.ingressController);
  const d = DEFAULT_SYNTHESIS_OPTIONS;
  return {
    ...(opts.links !== undefined ? { linksFile: opts.links } : {}),
    ...(opts.baseline.length > 0 ? { baselineFiles: opts.baseline } : {}),
    gapMode: opts.gaps ?? 'deny',
    synthesis: {
      ...d,
      dnsPort: opts.dnsPort ?? d.dnsPort,
      dns: { namespace: opts.dnsNamespace ?? d.dns.namespace, podLabels: opts.dnsSelector ?? d.dns.podLabels },
      ...(ic ? { ingressController: ic } : {}),
      ...(opts.ports ? {} : { noPorts: true }),
    },
  };
}

/** Drift flags on a command run without the drift gate: a usage error, never a flag that does nothing. */
export function refuseDriftFlags(opts: DriftOptions, why: string): void {
  const given = givenDriftFlags(opts);
  if (given.length > 0) throw new ConfigError(`${given.join(', ')} ${given.length === 1 ? 'applies' : 'apply'} to the drift gate: ${why}`);
}
