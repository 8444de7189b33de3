import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Cluster } from '../manifests/cluster.js';
import { fullRange } from '../model/ip.js';
import type { IpFamily } from '../model/ip.js';
import { peerKey, type Peer } from '../model/peer.js';
import { evidenceText, type Link } from '../topology/links.js';
import { RuleMatcher } from './match.js';
import type { BaselineRule, Endpoint, RuleSet } from './rules.js';

/**
 * Baseline rules applied to the links before synthesis (`synthesize --baseline`):
 *
 * - a deny rule removes the connections it forbids from every link it matches; a link left with
 *   nothing is not synthesized. Each removal is reported with the link's provenance and the rule's;
 * - an allow rule's connections become links (as netpol-synthesizer does), with the rule as their
 *   provenance: its sources and destinations are the workloads it selects, and the address range
 *   it names (or every address, for a side without selector).
 *
 * Deny wins: a connection an allow rule asks for and a deny rule forbids is not synthesized.
 */
export function applyBaselineToLinks(cluster: Cluster, links: readonly Link[], rules: RuleSet, families: readonly IpFamily[] = [4]): { links: Link[]; diagnostics: Diagnostic[] } {
  const matcher = new RuleMatcher(cluster);
  const diagnostics: Diagnostic[] = [];
  const fromRules: Link[] = [];
  for (const r of rules.rules) if (r.action === 'allow') fromRules.push(...linksOf(r, matcher, cluster, families));
  const out: Link[] = [];
  for (const l of [...links, ...fromRules]) {
    let conns = l.conns;
    for (const r of rules.rules) {
      if (r.action !== 'deny' || conns.isEmpty) continue;
      // a link to an address range partly inside the rule's CIDR loses the connections for all of
      // it: a link's range is not cut, and deny wins
      if (!matcher.pair(r, l.src, l.dst)) continue;
      const forbidden = conns.intersect(r.conns);
      if (forbidden.isEmpty) continue;
      conns = conns.subtract(forbidden);
      diagnostics.push(
        diag(
          Codes.baselineLinkDropped,
          'warning',
          `link ${peerKey(l.src)} => ${peerKey(l.dst)} : ${forbidden.toString()} is forbidden by baseline rule ${r.name} (${r.origin.file}:${r.origin.line ?? 1}); ${conns.isEmpty ? 'not synthesized' : `only ${conns.toString()} synthesized`} (link from ${l.evidence.map(evidenceText).join('; ') || 'no recorded evidence'})`,
          r.origin,
        ),
      );
    }
    if (!conns.isEmpty) out.push(conns === l.conns ? l : { ...l, conns });
  }
  return { links: out, diagnostics };
}

function samePeer(a: Peer, b: Peer): boolean {
  return peerKey(a) === peerKey(b);
}

function linksOf(r: BaselineRule, matcher: RuleMatcher, cluster: Cluster, families: readonly IpFamily[]): Link[] {
  const evidence = [{ kind: 'baseline' as const, rule: r.name, at: r.origin }];
  const peers = (e: Endpoint): Peer[] => {
    const ws: Peer[] = cluster.workloads.filter((w) => matcher.workloads(e).has(peerKey({ kind: 'workload', ref: w.ref }))).map((w) => ({ kind: 'workload', ref: w.ref }));
    if (e.kind === 'cidr') return [{ kind: 'external', range: e.range }];
    if (e.kind === 'any') return [...ws, ...families.map((f): Peer => ({ kind: 'external', range: fullRange(f) }))];
    return ws;
  };
  const out: Link[] = [];
  for (const src of peers(r.from)) {
    for (const dst of peers(r.to)) {
      if (src.kind === 'external' && dst.kind === 'external') continue;
      if (samePeer(src, dst)) continue;
      out.push({ src, dst, conns: r.conns, evidence });
    }
  }
  return out;
}
