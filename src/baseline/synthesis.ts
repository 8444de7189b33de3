import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Cluster } from '../manifests/cluster.js';
import type { ConnectionSet } from '../model/connection-set.js';
import { atomize, fullRange, type IpFamily, type IpRange } from '../model/ip.js';
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

/** One deny rule's part of a (cut) link. */
export interface LinkDenial {
  readonly link: Link;
  readonly denial: Denial;
}

/**
 * Links cut so that nothing a deny rule forbids is left: an address range is first split at the
 * deny rules' CIDR boundaries, so that a link to 0.0.0.0/0 loses only the denied block (not the
 * whole range, as `denialsOf` would for a link it takes whole), then each piece loses what the rules
 * forbid. Touching pieces left with the same connections are joined again. For gap closures, whose
 * ranges are "every address" by construction (see `synthesize --baseline`).
 */
export function cutByDenyRules(links: readonly Link[], rules: RuleSet, matcher: RuleMatcher): { links: Link[]; denials: LinkDenial[] } {
  const blocks: IpRange[] = [];
  for (const r of rules.rules) if (r.action === 'deny') for (const e of [r.from, r.to]) if (e.kind === 'cidr') blocks.push(e.range);
  const out: Link[] = [];
  const denials: LinkDenial[] = [];
  for (const l of links) {
    const side = l.dst.kind === 'external' ? 'dst' : l.src.kind === 'external' ? 'src' : undefined;
    const range = side ? (l[side] as Extract<Peer, { kind: 'external' }>).range : undefined;
    const pieces: Link[] = range
      ? atomize([range, ...blocks.filter((b) => b.family === range.family)], [])
          .filter((a) => a.family === range.family && a.lo >= range.lo && a.hi <= range.hi)
          .map((a) => ({ ...l, [side as 'src' | 'dst']: { kind: 'external', range: a } }))
      : [l];
    let last: Link | undefined;
    for (const piece of pieces) {
      const { left, denials: ds } = denialsOf(piece, rules, matcher);
      for (const denial of ds) denials.push({ link: piece, denial });
      if (left.isEmpty) {
        last = undefined;
        continue;
      }
      const kept: Link = left === piece.conns ? piece : { ...piece, conns: left };
      // join a piece to the one before it when they touch and allow the same
      const prev = last && side ? (last[side] as Extract<Peer, { kind: 'external' }>).range : undefined;
      const cur = side ? (kept[side] as Extract<Peer, { kind: 'external' }>).range : undefined;
      if (last && prev && cur && prev.hi + 1n === cur.lo && last.conns.equals(kept.conns)) {
        const joined: Link = { ...last, [side as 'src' | 'dst']: { kind: 'external', range: { family: prev.family, lo: prev.lo, hi: cur.hi } } };
        out[out.length - 1] = joined;
        last = joined;
      } else {
        out.push(kept);
        last = kept;
      }
    }
  }
  return { links: out, denials };
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
