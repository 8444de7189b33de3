import type { Command } from 'commander';
import { z } from 'zod';
import { ConfigError } from '../diagnostics/errors.js';
import type { LiveSource } from '../pipeline/live.js';

/** The flags that read a live cluster with kubectl (`--cluster` on connectivity, scan and verify). */
export const ClusterOptions = z.object({
  cluster: z.boolean().default(false),
  context: z.string().optional(),
  kubeconfig: z.string().optional(),
  clusterNamespaces: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(,[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, { error: 'expected namespace names separated by commas: ns1,ns2' })
    .transform((s) => [...new Set(s.split(','))])
    .optional(),
});
export type ClusterOptions = z.infer<typeof ClusterOptions>;

export function addClusterOptions(cmd: Command, what = 'read what is running in the cluster with kubectl instead of manifests'): Command {
  return cmd
    .option('--cluster', what)
    .option('--context <name>', 'with --cluster: kubeconfig context (default: the current one)')
    .option('--kubeconfig <file>', 'with --cluster: kubeconfig file (default: $KUBECONFIG or ~/.kube/config)')
    .option('--cluster-namespaces <ns,...>', 'with --cluster: read only these namespaces (default: all)');
}

/** kubectl's per-request limit when --timeout (the common time limit, in ms) is not given. */
const KUBECTL_TIMEOUT_SECONDS = 30;

/**
 * The kubectl source the flags describe; flags that need --cluster without it are usage errors.
 * `--timeout` (one limit for every external step) bounds each kubectl request too.
 */
export function liveSourceFrom(opts: ClusterOptions & { readonly timeout?: number | undefined }): LiveSource | undefined {
  if (!opts.cluster) {
    for (const [flag, set] of [['--context', opts.context], ['--kubeconfig', opts.kubeconfig], ['--cluster-namespaces', opts.clusterNamespaces]] as const) {
      if (set !== undefined) throw new ConfigError(`${flag} needs --cluster`);
    }
    return undefined;
  }
  return {
    kind: 'kubectl',
    target: { ...(opts.kubeconfig ? { kubeconfig: opts.kubeconfig } : {}), ...(opts.context ? { context: opts.context } : {}), timeoutSeconds: opts.timeout !== undefined ? Math.max(1, Math.ceil(opts.timeout / 1000)) : KUBECTL_TIMEOUT_SECONDS },
    ...(opts.clusterNamespaces ? { namespaces: opts.clusterNamespaces } : {}),
  };
}
