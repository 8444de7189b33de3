import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { refine } from '../connectivity/diff.js';
import type { Connectivity, PolicyEngine } from '../connectivity/engine.js';
import { explainPair, type ExplainedStep, type PairExplanation } from '../connectivity/explain.js';
import { compareStrings, type Cluster, type Workload } from '../manifests/cluster.js';
import { ConnectionSet } from '../model/connection-set.js';
import { atomize, type IpFamily, type IpRange } from '../model/ip.js';
import { peerKey, workloadKey, type Peer } from '../model/peer.js';
import type { Evidence, Link } from '../topology/links.js';
import { resolvesThroughClusterDns } from '../topology/scan.js';

/**
 * Repo drift: what the committed policies allow against what the manifests need.
 *
 * The comparison is semantic: both sides are connection sets per (source, destination) pair, so
 * reformatting, reordering or splitting a policy never shows. How the special peers count:
 * - the ingress controller is compared like any source: the engine lets it reach the backends of
 *   Ingress/Route objects on the ports they expose, and scan's exposure links are the need;
 * - outside addresses are cut into atoms at every boundary of both sides (policy ipBlocks and the
 *   needed addresses), and compared atom by atom: allowing 0.0.0.0/0:443 when one address is
 *   needed is excess for every other atom;
 * - DNS: every workload with an egress need needs DNS (the synthesizer's rule), so a policy that
 *   blocks it is *missing*; DNS to the DNS pods is never *excess*, whoever it is allowed to (a
 *   namespace-wide "allow DNS" policy is common and harmless);
 * - Gateway links cannot be checked (the engine has no Gateway proxy): reported as info.
 */
export interface DnsNeed {
  readonly namespace: string;
  readonly podLabels: Readonly<Record<string, string>>;
  readonly conns: ConnectionSet;
}

/** Why a pair is needed: the links' evidence, or the DNS rule (with where the source names the DNS Service, if it does). */
export type NeedReason = { readonly kind: 'link'; readonly evidence: readonly Evidence[] } | { readonly kind: 'dns'; readonly evidence?: readonly Evidence[] };

/** A needed connection the policies block. */
export interface MissingFinding {
  readonly kind: 'missing';
  readonly src: Peer;
  readonly dst: Peer;
  readonly needed: ConnectionSet;
  readonly allowed: ConnectionSet;
  /** needed minus allowed */
  readonly conns: ConnectionSet;
  readonly reasons: readonly NeedReason[];
  /** The verdict chains that block it. */
  readonly explanation?: PairExplanation;
}

/** A rule (or the absence of any isolating policy) that allows some of an excess. */
export interface Allower {
  readonly side: 'egress' | 'ingress' | 'exposure';
  readonly step?: ExplainedStep;
  /** For exposure: the Ingress/Route objects. */
  readonly by?: readonly string[];
  readonly conns: ConnectionSet;
}

/** A connection the policies allow beyond the needs. */
export interface ExcessFinding {
  readonly kind: 'excess';
  readonly src: Peer;
  readonly dst: Peer;
  readonly needed: ConnectionSet;
  readonly allowed: ConnectionSet;
  /** allowed minus needed (minus DNS to DNS pods) */
  readonly conns: ConnectionSet;
  readonly allowers: readonly Allower[];
}

export type RepoDriftFinding = MissingFinding | ExcessFinding;

export interface RepoDrift {
  /** Missing first, then excess; each sorted by source then destination. */
  readonly missing: readonly MissingFinding[];
  readonly excess: readonly ExcessFinding[];
  /** Needed pairs compared (after DNS and address refinement). */
  readonly needsChecked: number;
  /** Allowed pairs compared. */
  readonly allowedPairs: number;
}

export interface RepoDriftInput {
  readonly engine: PolicyEngine;
  readonly connectivity: Connectivity;
  readonly cluster: Cluster;
  /** Scan links plus any extra needs (traffic links). */
  readonly needs: readonly Link[];
  readonly dns: DnsNeed;
  /**
   * Workloads that name the cluster DNS Service themselves (workloadKey -> where): they need DNS
   * whether or not they have another egress need, and the DNS need cites where.
   */
  readonly dnsClients?: ReadonlyMap<string, readonly Evidence[]>;
  /** Workloads that stand in for DNS pods absent from the manifests: only the DNS need to them is checked. */
  readonly probes?: ReadonlySet<string>;
  readonly families: readonly IpFamily[];
  /**
   * The policies were synthesized peer-only (`--no-ports`): a pair that is needed at all may be
   * allowed on every connection (the rules name no ports), so only what is needed of it can be
   * missing and none of it is excess. Pairs nothing needs are judged as ever.
   */
  readonly peerOnly?: boolean;
}

function isDnsPod(w: Workload, dns: DnsNeed): boolean {
  return w.ref.namespace === dns.namespace && w.pods.some((p) => Object.entries(dns.podLabels).every(([k, v]) => p.labels[k] === v));
}

const pairKey = (src: Peer, dst: Peer) => `${peerKey(src)}\u0000${peerKey(dst)}`;

export function computeRepoDrift(input: RepoDriftInput): { value: RepoDrift; diagnostics: Diagnostic[] } {
  const { engine, connectivity, cluster, dns } = input;
  const diagnostics: Diagnostic[] = [];
  const probes = input.probes ?? new Set<string>();
  const dnsPods = cluster.workloads.filter((w) => isDnsPod(w, dns)).map((w) => w.ref);
  const dnsKeys = new Set(dnsPods.map((r) => peerKey({ kind: 'workload', ref: r })));

  // needs as connections, with their reasons by pair
  const rows: { src: Peer; dst: Peer; conns: ConnectionSet }[] = [];
  const reasons = new Map<string, NeedReason[]>();
  const addReason = (src: Peer, dst: Peer, r: NeedReason) => {
    const k = pairKey(src, dst);
    const list = reasons.get(k);
    if (list) list.push(r);
    else reasons.set(k, [r]);
  };
  const withEgress = new Map<string, Peer>();
  const selfNeeds = new Map<string, { peer: Peer; conns: ConnectionSet; evidence: readonly Evidence[] }>();
  // pods that resolve through their node (dnsPolicy Default, hostNetwork) or only their own dnsConfig servers (None) never ask the cluster DNS
  const clusterDnsUsers = new Set(cluster.workloads.filter(resolvesThroughClusterDns).map((w) => peerKey({ kind: 'workload', ref: w.ref })));
  const cuts: IpRange[] = [...connectivity.ipRanges];
  for (const l of input.needs) {
    if (l.src.kind === 'gateway' || l.dst.kind === 'gateway') {
      diagnostics.push(diag(Codes.needNotChecked, 'info', `${peerKey(l.src)} => ${peerKey(l.dst)} ${l.conns.toString()}: Gateway links are not checked (the engine does not model Gateway proxies)`));
      continue;
    }
    // the synthesizer never writes egress towards the ingress controller: it is not a policy peer
    if (l.dst.kind === 'ingress-controller') continue;
    // a workload to itself (its replicas calling each other, a gap closure): connectivity has no
    // self-pairs, so it is judged on its own below, against the engine's answer for the pair; it is
    // also an egress need, which needs DNS
    if (l.src.kind === 'workload' && l.dst.kind === 'workload' && peerKey(l.src) === peerKey(l.dst)) {
      if (clusterDnsUsers.has(peerKey(l.src))) withEgress.set(peerKey(l.src), l.src);
      const cur = selfNeeds.get(peerKey(l.src));
      if (cur) selfNeeds.set(peerKey(l.src), { peer: l.src, conns: cur.conns.union(l.conns), evidence: [...cur.evidence, ...l.evidence] });
      else selfNeeds.set(peerKey(l.src), { peer: l.src, conns: l.conns, evidence: l.evidence });
      continue;
    }
    for (const p of [l.src, l.dst]) if (p.kind === 'external') cuts.push(p.range);
    if ((l.src.kind === 'external' && !input.families.includes(l.src.range.family)) || (l.dst.kind === 'external' && !input.families.includes(l.dst.range.family))) continue;
    rows.push({ src: l.src, dst: l.dst, conns: l.conns });
    addReason(l.src, l.dst, { kind: 'link', evidence: l.evidence });
    if (l.src.kind === 'workload' && clusterDnsUsers.has(peerKey(l.src))) withEgress.set(peerKey(l.src), l.src);
  }
  for (const w of cluster.workloads) {
    const key = peerKey({ kind: 'workload', ref: w.ref });
    if (input.dnsClients?.has(workloadKey(w.ref)) && !withEgress.has(key)) withEgress.set(key, { kind: 'workload', ref: w.ref });
  }
  for (const [srcKey, src] of withEgress) {
    const named = src.kind === 'workload' ? input.dnsClients?.get(workloadKey(src.ref)) : undefined;
    for (const ref of dnsPods) {
      const dst: Peer = { kind: 'workload', ref };
      if (peerKey(dst) === srcKey) continue;
      rows.push({ src, dst, conns: dns.conns });
      addReason(src, dst, { kind: 'dns', ...(named ? { evidence: named } : {}) });
    }
  }
  const atoms = atomize(cuts, input.families);
  const needs = refine({ connections: rows, workloads: connectivity.workloads, ipRanges: [] }, atoms);
  const allowed = refine(connectivity, atoms);
  const reasonsOf = (src: Peer, dst: Peer): NeedReason[] => {
    // a need on a range was refined into atoms: its reasons are those of the ranges covering the atom
    const direct = reasons.get(pairKey(src, dst));
    if (direct) return direct;
    const out: NeedReason[] = [];
    for (const l of input.needs) {
      const cover = (need: Peer, atom: Peer) =>
        need.kind === atom.kind && (atom.kind !== 'external' || (need.kind === 'external' && need.range.family === atom.range.family && need.range.lo <= atom.range.lo && atom.range.hi <= need.range.hi)) && (atom.kind === 'external' || peerKey(need) === peerKey(atom));
      if (cover(l.src, src) && cover(l.dst, dst)) out.push({ kind: 'link', evidence: l.evidence });
    }
    return out;
  };

  const missing: MissingFinding[] = [];
  for (const [k, need] of needs) {
    if (probes.has(peerKey(need.src))) continue;
    const have = allowed.get(k)?.conns ?? ConnectionSet.NONE;
    const lack = need.conns.subtract(have);
    if (lack.isEmpty) continue;
    const explanation = explainPair(engine, need.src, need.dst);
    missing.push({ kind: 'missing', src: need.src, dst: need.dst, needed: need.conns, allowed: have, conns: lack, reasons: reasonsOf(need.src, need.dst), ...(explanation ? { explanation } : {}) });
  }
  // the pods of one workload reaching each other: what the engine allows from the workload to itself
  for (const need of [...selfNeeds.values()].sort((a, b) => compareStrings(peerKey(a.peer), peerKey(b.peer)))) {
    const explanation = explainPair(engine, need.peer, need.peer);
    const have = explanation?.conns ?? ConnectionSet.NONE;
    const lack = need.conns.subtract(have);
    if (lack.isEmpty) continue;
    missing.push({ kind: 'missing', src: need.peer, dst: need.peer, needed: need.conns, allowed: have, conns: lack, reasons: [{ kind: 'link', evidence: need.evidence }], ...(explanation ? { explanation } : {}) });
  }
  const excess: ExcessFinding[] = [];
  for (const [k, have] of allowed) {
    if (probes.has(peerKey(have.src)) || probes.has(peerKey(have.dst))) continue;
    const need = needs.get(k)?.conns ?? ConnectionSet.NONE;
    if (input.peerOnly && needs.has(k)) continue;
    let extra = have.conns.subtract(need);
    // peer-only DNS rules name no ports either: what a pod sends the DNS pods is theirs to allow (never an outside address)
    if (have.dst.kind === 'workload' && dnsKeys.has(peerKey(have.dst))) extra = extra.subtract(input.peerOnly && have.src.kind === 'workload' ? ConnectionSet.ALL : dns.conns);
    if (extra.isEmpty) continue;
    excess.push({ kind: 'excess', src: have.src, dst: have.dst, needed: need, allowed: have.conns, conns: extra, allowers: allowersOf(engine, have.src, have.dst, extra) });
  }
  const order = (a: RepoDriftFinding, b: RepoDriftFinding) => compareStrings(peerKey(a.src), peerKey(b.src)) || compareStrings(peerKey(a.dst), peerKey(b.dst));
  missing.sort(order);
  excess.sort(order);
  return { value: { missing, excess, needsChecked: needs.size + selfNeeds.size, allowedPairs: allowed.size }, diagnostics };
}

/**
 * The rules that allow (part of) an excess on each side: NetworkPolicy and admin Allow rules, a
 * baseline Allow, or `default` (no policy isolates that side). Both sides must allow a connection,
 * so either side's rules can be tightened to close it.
 */
function allowersOf(engine: PolicyEngine, src: Peer, dst: Peer, extra: ConnectionSet): Allower[] {
  const x = explainPair(engine, src, dst);
  if (!x) return [];
  const out: Allower[] = [];
  const take = (side: 'egress' | 'ingress', steps: readonly ExplainedStep[] | undefined) => {
    for (const s of steps ?? []) {
      if (s.verdict !== 'Allow' && !(s.layer === 'BANP' && s.verdict === 'Pass')) continue;
      const conns = s.conns.intersect(extra);
      if (!conns.isEmpty) out.push({ side, step: s, conns });
    }
  };
  take('egress', x.egress);
  take('ingress', x.ingress);
  if (x.exposure) {
    const conns = x.exposure.ports.intersect(extra);
    if (!conns.isEmpty) out.push({ side: 'exposure', by: x.exposure.by, conns });
  }
  return out;
}
