import { NAMESPACE_NAME_LABEL } from '../manifests/cluster.js';
import type { LabelSelector } from '../manifests/schemas.js';
import { editDistance } from '../model/edit-distance.js';
import type { NamespaceMatch, PeerMatcher, Subject } from './policy.js';

/**
 * Pods the manifests do not hold. Most repositories leave out the cluster DNS (kube-system), the
 * ingress controller's and the monitoring namespaces; the engine imagines no pods there, so a
 * rule towards them matches nothing *of the manifests* and its removal changes no connection the
 * manifests show, while in the cluster it is what lets DNS through. Lint judges no rule by pods it
 * cannot see (nca --sanity adds kube-dns pods for the same reason): it says what it left out.
 *
 * A peer reaches beyond the manifests when its namespace part may match a namespace with no
 * workload in them: a namespaceSelector on labels alone (any namespace may carry them), or one
 * naming a namespace the manifests hold no workload of, or one where an operator runs pods they do
 * not hold (kube-prometheus' Prometheus resource: the operator's pods carry labels the manifests
 * do not show). A policy's own namespace (no namespaceSelector) is taken as the manifests show it
 * when they hold a workload of it and no operator runs pods there (a pod selector matching nothing
 * there is a mistake worth reporting); a policy of a namespace they hold no workload of
 * (kube-system's, committed beside the app) selects pods they cannot show.
 */
function outsideNamespaces(ns: NamespaceMatch, seen: Seen): string | undefined {
  const names = ns.kind === 'named' ? [ns.name] : pinnedNames(ns.selector);
  if (names === undefined) return describeSelector((ns as { selector: LabelSelector }).selector);
  const unheld = names.filter((n) => !seen.held.has(n));
  if (unheld.length > 0) return `pods of namespace${unheld.length > 1 ? 's' : ''} ${unheld.join(', ')}`;
  const operated = names.filter((n) => seen.operated?.has(n));
  return operated.length === 0 ? undefined : `the pods an operator runs in namespace${operated.length > 1 ? 's' : ''} ${operated.join(', ')}`;
}

/** What the manifests show of namespaces: those they hold workloads of, and those where an operator runs pods they do not hold (Cluster.operatorNamespaces). */
export interface Seen {
  readonly held: ReadonlySet<string>;
  readonly operated?: ReadonlySet<string> | undefined;
}

/**
 * What a peer that matches no pod of the manifests may match outside them (`pods of namespace
 * kube-system`, `nodes or domain names`), or undefined when it cannot (an address peer; a peer of the manifests'
 * own namespaces). `none` peers are ANP `nodes` and `domainNames` (not modelled) or invalid admin
 * peers that fail closed (an error already says so).
 */
export function unmodelledReach(peer: PeerMatcher | Subject, seen: Seen): string | undefined {
  if (peer.kind === 'none') return 'nodes or domain names';
  if (peer.kind !== 'pods') return undefined;
  return outsideNamespaces(peer.namespaces, seen);
}

/** The namespace names a selector is restricted to (matchLabels or `In` on the name label), or undefined when it names none. */
function pinnedNames(selector: LabelSelector): string[] | undefined {
  let names: string[] | undefined;
  const labels = selector.matchLabels;
  if (labels && Object.prototype.hasOwnProperty.call(labels, NAMESPACE_NAME_LABEL)) names = [labels[NAMESPACE_NAME_LABEL] as string];
  for (const e of selector.matchExpressions ?? []) {
    if (e.key !== NAMESPACE_NAME_LABEL || e.operator !== 'In') continue;
    const values = e.values ?? [];
    names = names === undefined ? [...values] : names.filter((n) => values.includes(n));
  }
  return names === undefined ? undefined : [...new Set(names)].sort();
}

/** `pods of namespaces labelled team=ops`, `… env NotIn (dev)`, or `pods of any namespace` for `{}`. */
function describeSelector(selector: LabelSelector): string {
  const parts = [
    ...Object.keys(selector.matchLabels ?? {}).map((k) => `${k}=${(selector.matchLabels as Record<string, string>)[k]}`),
    ...(selector.matchExpressions ?? []).map((e) => `${e.key} ${e.operator}${e.values && e.values.length > 0 ? ` (${e.values.join(', ')})` : ''}`),
  ];
  return parts.length === 0 ? 'pods of any namespace' : `pods of namespaces labelled ${parts.join(', ')}`;
}

/** Namespaces every cluster has, which policies name without the manifests holding them. */
const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/**
 * A namespace a peer names that is one or two edits from one every cluster has (`kube-sytem`): a
 * typo, not a namespace outside the manifests, so the rule is judged (it can never match what it
 * means) instead of being left alone. Only the system namespaces: two namespaces of an app one edit
 * apart (`payments-v1`, `payments-v2`) are no typo of each other.
 */
export function misspeltNamespace(peer: PeerMatcher): { readonly written: string; readonly meant: string; readonly edits: number } | undefined {
  if (peer.kind !== 'pods' || peer.namespaces.kind !== 'selector') return undefined;
  for (const written of pinnedNames(peer.namespaces.selector) ?? []) {
    if (SYSTEM_NAMESPACES.includes(written)) continue;
    for (const meant of SYSTEM_NAMESPACES) {
      const edits = editDistance(written, meant);
      if (edits > 0 && edits <= (meant.length >= 8 ? 2 : 1)) return { written, meant, edits };
    }
  }
  return undefined;
}
