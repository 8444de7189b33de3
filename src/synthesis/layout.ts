import path from 'node:path';
import { compareStrings } from '../manifests/cluster.js';
import { isDnsLabel } from '../manifests/k8s-names.js';
import type { NetworkPolicyManifest } from './synthesize.js';

/** Where synthesized policies go: one file per namespace in a folder, one file, or stdout. */
export type PolicyTarget = { readonly kind: 'folder'; readonly dir: string } | { readonly kind: 'file'; readonly file: string } | { readonly kind: 'stdout' };

/**
 * Groups policies into the files they are written to: `<dir>/<namespace>.yaml` for a folder
 * (sorted), the one file otherwise. `render` turns a file's policies into its text.
 */
export function layoutPolicies(policies: readonly NetworkPolicyManifest[], target: PolicyTarget, render: (ps: readonly NetworkPolicyManifest[]) => string): Map<string, string> {
  const files = new Map<string, string>();
  if (target.kind === 'folder') {
    const byNs = new Map<string, NetworkPolicyManifest[]>();
    for (const p of policies) {
      const list = byNs.get(p.metadata.namespace);
      if (list) list.push(p);
      else byNs.set(p.metadata.namespace, [p]);
    }
    for (const ns of [...byNs.keys()].sort(compareStrings)) {
      // synthesis refuses such namespaces; a name that is not a DNS label can never become a path here
      if (!isDnsLabel(ns)) throw new Error(`bug: namespace ${JSON.stringify(ns)} reached the file layout`);
      files.set(path.join(target.dir, `${ns}.yaml`), render(byNs.get(ns) as NetworkPolicyManifest[]));
    }
  } else if (target.kind === 'file') files.set(target.file, render(policies));
  return files;
}
