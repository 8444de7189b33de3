import { Codes, diag, formatPath, type Diagnostic } from '../diagnostics/diagnostic.js';
import { NAMESPACE_NAME_LABEL, type Cluster, workloadKey } from '../manifests/cluster.js';
import type { LabelSelector } from '../manifests/schemas.js';
import { isEmptySelector, selectorMatches } from '../connectivity/selector.js';
import type { NetworkPolicyManifest, PolicyPeer, SynthesisOptions } from './synthesize.js';

/**
 * `synthesize --check-selectors` (netalchemy `build --check-selectors`): every generated selector
 * meant for one workload is run against the given manifests; one that selects no workload, or
 * more than one, is reported with the policy and field. Selectors that are not meant for one
 * workload are not checked: a default deny's `{}`, the DNS peer, the ingress-controller peer,
 * and preset peers (`podSelector: {}`).
 */
export function checkSelectors(cluster: Cluster, policies: readonly NetworkPolicyManifest[], options: Pick<SynthesisOptions, 'dns'>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const selected = (namespace: string, selector: LabelSelector): string[] =>
    cluster.workloads.filter((w) => w.ref.namespace === namespace && w.pods.some((p) => selectorMatches(selector, p.labels))).map((w) => workloadKey(w.ref));
  const check = (policy: NetworkPolicyManifest, path: (string | number)[], namespace: string, selector: LabelSelector) => {
    const hits = selected(namespace, selector);
    if (hits.length === 1) return;
    const what = `${policy.metadata.namespace}/${policy.metadata.name} ${formatPath(path)} ${JSON.stringify(selector)}`;
    out.push(
      diag(
        Codes.selectorCheck,
        'warning',
        hits.length === 0 ? `${what} selects no workload in namespace ${namespace}` : `${what} selects ${hits.length} workloads, not one: ${hits.join(', ')}`,
        undefined,
        hits.length === 0 ? 'the workload it was written for has no pods with these labels in the manifests' : 'give the workload a distinguishing pod label',
      ),
    );
  };
  const peerNamespace = (peer: PolicyPeer, own: string): string | undefined => {
    if (!peer.podSelector || isEmptySelector(peer.podSelector)) return undefined;
    if (!peer.namespaceSelector) return own;
    const name = peer.namespaceSelector.matchLabels?.[NAMESPACE_NAME_LABEL];
    if (name === undefined) return undefined; // the ingress controller: not a workload peer
    const dnsLabels = options.dns.podLabels;
    if (name === options.dns.namespace && JSON.stringify(peer.podSelector.matchLabels ?? {}) === JSON.stringify(dnsLabels)) return undefined;
    return name;
  };
  for (const p of policies) {
    const ns = p.metadata.namespace;
    if (!isEmptySelector(p.spec.podSelector)) check(p, ['spec', 'podSelector'], ns, p.spec.podSelector);
    for (const [direction, rules] of [['ingress', p.spec.ingress ?? []], ['egress', p.spec.egress ?? []]] as const) {
      rules.forEach((r, i) => {
        const peers = 'from' in r ? r.from : (r as { to: PolicyPeer[] }).to;
        peers.forEach((peer, j) => {
          const target = peerNamespace(peer, ns);
          if (target !== undefined) check(p, ['spec', direction, i, direction === 'ingress' ? 'from' : 'to', j, 'podSelector'], target, peer.podSelector as LabelSelector);
        });
      });
    }
  }
  return out;
}
