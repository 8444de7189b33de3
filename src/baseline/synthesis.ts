import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Cluster } from '../manifests/cluster.js';
import type { ConnectionSet } from '../model/connection-set.js';
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
    const { left, denials } = denialsOf(l, rules, matcher);
    for (const d of denials) {
      diagnostics.push(
        diag(
          Codes.baselineLinkDropped,
          'warning',
          `link ${peerKey(l.src)} => ${peerKey(l.dst)} : ${d.forbidden.toString()} is forbidden by baseline rule ${d.rule.name} (${d.rule.origin.file}:${d.rule.origin.line ?? 1}); ${d.left.isEmpty ? 'not synthesized' : `only ${d.left.toString()} synthesized`} (link from ${evidenceOf(l)})`,
          d.rule.origin,
        ),
      );
    }
    if (!left.isEmpty) out.push(left === l.conns ? l : { ...l, conns: left });
  }
  return { links: out, diagnostics };
}

/** One deny rule's part of a link: what it forbids, and what is left of the link after it. */
export interface Denial {
  readonly rule: BaselineRule;
  readonly forbidden: ConnectionSet;
  readonly left: ConnectionSet;
}

/**
 * The deny rules that forbid part of a link, in rule order, each taking its part away (deny wins).
 * A link to an address range partly inside a rule's CIDR loses the connections for all of it: a
 * link's range is not cut.
 */
export function denialsOf(l: Link, rules: RuleSet, matcher: RuleMatcher): { left: ConnectionSet; denials: Denial[] } {
  let left = l.conns;
  const denials: Denial[] = [];
  for (const rule of rules.rules) {
    if (rule.action !== 'deny' || left.isEmpty || !matcher.pair(rule, l.src, l.dst)) continue;
    const forbidden = left.intersect(rule.conns);
    if (forbidden.isEmpty) continue;
    left = left.subtract(forbidden);
    denials.push({ rule, forbidden, left });
  }
  return { left, denials };
}

/** A link's provenance, as the warnings name it. */
export function evidenceOf(l: Link): string {
  return l.evidence.map(evidenceText).join('; ') || 'no recorded evidence';
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
