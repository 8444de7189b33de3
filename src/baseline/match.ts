import type { Cluster, Workload } from '../manifests/cluster.js';
import type { IpRange } from '../model/ip.js';
import type { Peer } from '../model/peer.js';
import type { BaselineRule, Endpoint } from './rules.js';
import { matchesRequirements } from './selector.js';

/**
 * Which peers a rule side selects. A workload matches when one of its pods does (a workload's
 * connectivity is the union of its pods'). The ingress controller and Gateways are no workloads
 * and have no labels a rule could name: they are matched by no rule. An address range matches
 * the part of it inside the rule's CIDR (or all of it, for a side without selector).
 */
export function workloadMatches(e: Endpoint, w: Workload, cluster: Cluster): boolean {
  if (e.kind === 'any') return true;
  if (e.kind === 'cidr') return false;
  const nsLabels = cluster.namespaces.get(w.ref.namespace)?.labels ?? {};
  if (!matchesRequirements(e.namespaces, nsLabels)) return false;
  return w.pods.some((p) => matchesRequirements(e.pods, p.labels));
}

/** The part of `range` the side selects, or undefined. */
export function rangeWithin(e: Endpoint, range: IpRange): IpRange | undefined {
  if (e.kind === 'any') return range;
  if (e.kind !== 'cidr' || e.range.family !== range.family) return undefined;
  const lo = e.range.lo > range.lo ? e.range.lo : range.lo;
  const hi = e.range.hi < range.hi ? e.range.hi : range.hi;
  return lo <= hi ? { family: range.family, lo, hi } : undefined;
}

/** Per rule side, the workloads it selects (by workload key). */
export class RuleMatcher {
  private readonly cache = new Map<Endpoint, Set<string>>();
  private readonly byKey: Map<string, Workload>;

  constructor(private readonly cluster: Cluster) {
    this.byKey = new Map(cluster.workloads.map((w) => [key(w), w]));
  }

  workloads(e: Endpoint): Set<string> {
    let s = this.cache.get(e);
    if (!s) {
      s = new Set(this.cluster.workloads.filter((w) => workloadMatches(e, w, this.cluster)).map(key));
      this.cache.set(e, s);
    }
    return s;
  }

  workload(k: string): Workload | undefined {
    return this.byKey.get(k);
  }

  private readonly keys = new WeakMap<object, string>();

  /** A workload's key, built once per reference object (the check asks for it once per rule and connection). */
  keyOf(ref: Workload['ref']): string {
    let k = this.keys.get(ref);
    if (k === undefined) this.keys.set(ref, (k = `${ref.namespace}/${ref.name}[${ref.kind}]`));
    return k;
  }

  /** The peer narrowed to what the side selects (an address range clipped to the CIDR), or undefined. */
  narrow(e: Endpoint, p: Peer): Peer | undefined {
    if (p.kind === 'workload') return e.kind === 'any' || this.workloads(e).has(this.keyOf(p.ref)) ? p : undefined;
    if (p.kind === 'external') {
      const r = rangeWithin(e, p.range);
      return r ? { kind: 'external', range: r } : undefined;
    }
    return undefined;
  }

  /** Both sides of the rule, narrowed; undefined when the rule does not cover the pair. */
  pair(rule: BaselineRule, src: Peer, dst: Peer): { src: Peer; dst: Peer } | undefined {
    const s = this.narrow(rule.from, src);
    if (!s) return undefined;
    const d = this.narrow(rule.to, dst);
    if (!d) return undefined;
    return { src: s, dst: d };
  }
}

function key(w: Workload): string {
  return `${w.ref.namespace}/${w.ref.name}[${w.ref.kind}]`;
}
