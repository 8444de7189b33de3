import type { KubectlTarget } from '../io/types.js';

/** Where the live state comes from: kubectl against a cluster, or a folder of exported manifests. */
export type LiveSource =
  | { readonly kind: 'kubectl'; readonly target: KubectlTarget; /** read only these namespaces (default: all) */ readonly namespaces?: readonly string[] }
  | { readonly kind: 'export'; readonly dir: string };

/** How a cluster read with kubectl is named in reports: `cluster`, or `cluster CONTEXT`. */
export function clusterLabel(source: Extract<LiveSource, { kind: 'kubectl' }>): string {
  return source.target.context ? `cluster ${source.target.context}` : 'cluster';
}
