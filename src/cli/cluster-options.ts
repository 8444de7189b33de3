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
  timeout: z.coerce.number().int().positive().default(30),
});
export type ClusterOptions = z.infer<typeof ClusterOptions>;

export function addClusterOptions(cmd: Command): Command {
  return cmd
    .option('--cluster', 'read what is running in the cluster with kubectl instead of manifests')
    .option('--context <name>', 'with --cluster: kubeconfig context (default: the current one)')
    .option('--kubeconfig <file>', 'with --cluster: kubeconfig file (default: $KUBECONFIG or ~/.kube/config)')
    .option('--cluster-namespaces <ns,...>', 'with --cluster: read only these namespaces (default: all)')
    .option('--timeout <seconds>', 'with --cluster: per-request timeout for kubectl (default 30)');
}

/** The kubectl source the flags describe; flags that need --cluster without it are usage errors. */
export function liveSourceFrom(opts: ClusterOptions): LiveSource | undefined {
  if (!opts.cluster) {
    for (const [flag, set] of [['--context', opts.context], ['--kubeconfig', opts.kubeconfig], ['--cluster-namespaces', opts.clusterNamespaces]] as const) {
      if (set !== undefined) throw new ConfigError(`${flag} needs --cluster`);
    }
    return undefined;
  }
  return {
    kind: 'kubectl',
    target: { ...(opts.kubeconfig ? { kubeconfig: opts.kubeconfig } : {}), ...(opts.context ? { context: opts.context } : {}), timeoutSeconds: opts.timeout },
    ...(opts.clusterNamespaces ? { namespaces: opts.clusterNamespaces } : {}),
  };
}
