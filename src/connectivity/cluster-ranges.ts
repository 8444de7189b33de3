import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { originRef } from '../manifests/objects.js';
import { formatRange, fullRange, rangeContains, type IpFamily, type IpRange } from '../model/ip.js';
import { DIRECTIONS, type Direction, type PeerMatcher, type Policy } from './policy.js';

/**
 * The cluster's own address ranges (`--pod-cidr`, `--service-cidr`). The network-policy-api says
 * ANP `networks` "will be checked against cluster-internal traffic as well"; with the pod network
 * known, an address peer (ANP networks or a NetworkPolicy ipBlock) whose addresses cover every
 * pod range matches every pod. Pod addresses are unknown inside the range, so a peer covering
 * only part of it matches no pod (and is warned about). Pod and Service addresses are not
 * external: the external address space leaves them out.
 */
export interface ClusterRanges {
  readonly pods: readonly IpRange[];
  readonly services: readonly IpRange[];
}

const overlaps = (a: IpRange, b: IpRange) => a.family === b.family && a.lo <= b.hi && b.lo <= a.hi;

/** Whether an address peer covers every pod range (its includes, minus its excepts). */
export function coversPodNetwork(peer: Extract<PeerMatcher, { kind: 'ip' }>, pods: readonly IpRange[]): boolean {
  return pods.length > 0 && pods.every((p) => peer.include.some((r) => rangeContains(r, p)) && !peer.exclude.some((x) => overlaps(x, p)));
}

/** Whether an atom of the address space lies in the pod or Service network (so it is not external). */
export function insideCluster(atom: IpRange, ranges: ClusterRanges | undefined): boolean {
  return ranges !== undefined && [...ranges.pods, ...ranges.services].some((r) => rangeContains(r, atom));
}

/** The policy's address peers with their rules (a plain loop: this runs once per policy of the cluster). */
function addressPeers(p: Policy): readonly AddressPeer[] {
  // indexed loops, nothing allocated for a policy without address peers: this runs once per
  // policy, mostly before V8 optimises it, and a for-of allocates per step until then
  let out: AddressPeer[] | undefined;
  for (let di = 0; di < DIRECTIONS.length; di++) {
    const d = DIRECTIONS[di] as Direction;
    const rules = p.rules[d];
    for (let ri = 0; ri < rules.length; ri++) {
      const r = rules[ri] as Policy['rules']['ingress'][number];
      for (let i = 0; i < r.peers.length; i++) {
        const m = r.peers[i] as PeerMatcher;
        if (m.kind === 'ip') (out ??= []).push({ direction: d, index: r.ref.index, peer: m });
      }
    }
  }
  return out ?? NO_ADDRESS_PEERS;
}

type AddressPeer = { direction: 'ingress' | 'egress'; index: number; peer: Extract<PeerMatcher, { kind: 'ip' }> };
const NO_ADDRESS_PEERS: readonly AddressPeer[] = [];

/**
 * Warnings about address peers and the pod network. Without --pod-cidr: a rule naming 0.0.0.0/0
 * or ::/0 seems to cover pod traffic too, which is not modelled. With it: a peer covering part of
 * the pod network matches no pod.
 */
export function clusterRangeWarnings(policies: readonly Policy[], families: readonly IpFamily[], ranges: ClusterRanges | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (let pi = 0; pi < policies.length; pi++) {
    const p = policies[pi] as Policy;
    const peers = addressPeers(p);
    if (peers.length === 0) continue;
    const warned = new Set<string>();
    for (const { direction, index, peer } of peers) {
      const key = `${direction}${index}`;
      if (warned.has(key)) continue;
      // located only when warned about: locating reads the document's text
      const at = () => originRef(p.origin, ['spec', direction, index]);
      if (!ranges || ranges.pods.length === 0) {
        const everything = peer.include.find((r) => families.includes(r.family) && rangeContains(r, fullRange(r.family)));
        if (everything) {
          warned.add(key);
          const cidr = everything.family === 4 ? '0.0.0.0/0' : '::/0';
          out.push(
            diag(Codes.podTrafficNotModelled, 'warning', `${cidr} also covers pod addresses; the pod-to-pod traffic it seems to ${direction === 'ingress' ? 'admit' : 'allow'} is not modelled (address peers match only addresses outside the cluster)`, at(), 'give --pod-cidr to apply it to pods'),
          );
        }
      } else if (!coversPodNetwork(peer, ranges.pods)) {
        const partial = ranges.pods.find((pr) => peer.include.some((r) => overlaps(r, pr)) && !peer.include.some((r) => rangeContains(r, pr) && !peer.exclude.some((x) => overlaps(x, pr))));
        if (partial) {
          warned.add(key);
          out.push(diag(Codes.podTrafficNotModelled, 'warning', `covers part of the pod network ${formatRange(partial)}; pod addresses inside it are unknown, so it matches no pod`, at()));
        }
      }
    }
  }
  return out;
}
