import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Cluster } from '../manifests/cluster.js';
import type { IpFamily } from '../model/ip.js';
import { peerKey, type Peer } from '../model/peer.js';
import { gapLinks, type GapMode } from '../synthesis/gap-rules.js';
import { inEveryFamily } from '../synthesis/everywhere.js';
import type { Gap } from '../topology/gaps.js';
import type { Link } from '../topology/links.js';
import { RuleMatcher } from './match.js';
import type { BaselineRule, RuleSet } from './rules.js';
import { cutByDenyRules, evidenceOf } from './synthesis.js';

/**
 * Gap closures against the baseline's deny rules: a platform team's deny is never opened, not even
 * by a `--gaps namespace|open` closure (a closure is a guess about what the manifests cannot tell;
 * the rule is the organisation's decision, and deny wins as it does over links and allow rules).
 * A gap whose closure crosses no deny rule is closed whole, as written by gap-rules.ts (`whole`).
 * One that does is written instead as the links its closure opens (gapLinks: to and from the
 * workloads of the manifests and the outside addresses, in every family), cut so that no rule's
 * part is left (an address range loses only the denied block), each with the gap as provenance;
 * and a warning NPC103 per gap and rule says what was cut. The cut closure no longer admits pods
 * the manifests do not hold (a `podSelector: {}` cannot say "but not these"): the safe side.
 */
export function cutClosures(cluster: Cluster, gaps: readonly Gap[], mode: GapMode, rules: RuleSet, families: readonly IpFamily[]): { whole: Gap[]; links: Link[]; diagnostics: Diagnostic[] } {
  const matcher = new RuleMatcher(cluster);
  const whole: Gap[] = [];
  const links: Link[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const g of gaps) {
    const cut = cutByDenyRules(inEveryFamily(gapLinks(cluster.workloads, [g], mode, families), families), rules, matcher);
    const unseen = rulesOnUnseenPods(g, rules, matcher).filter((r) => !cut.denials.some((d) => d.denial.rule === r));
    if (cut.denials.length === 0 && unseen.length === 0) {
      whole.push(g);
      continue;
    }
    links.push(...cut.links);
    for (const rule of unseen) {
      diagnostics.push(
        diag(
          Codes.baselineLinkDropped,
          'warning',
          `--gaps=${mode} closure of ${peerKey({ kind: 'workload', ref: g.workload })}'s ${g.direction} gap (${g.value ?? g.reason}) would also open pods the manifests do not hold that baseline rule ${rule.name} (${rule.origin.file}:${rule.origin.line ?? 1}) denies; cut: the closure is written as the links it opens to the workloads and addresses of the manifests`,
          rule.origin,
          'close that gap with a reviewed link to say what it really needs',
        ),
      );
    }
    // one warning per gap and rule (an open closure crosses a rule for many pairs): a few examples, and the count
    const byRule = new Map<object, typeof cut.denials>();
    for (const d of cut.denials) byRule.set(d.denial.rule, [...(byRule.get(d.denial.rule) ?? []), d]);
    for (const ds of byRule.values()) {
      const rule = (ds[0] as (typeof ds)[number]).denial.rule;
      const shown = ds.slice(0, 3).map((d) => `${peerKey(d.link.src)} => ${peerKey(d.link.dst)} : ${d.denial.forbidden.toString()}`);
      diagnostics.push(
        diag(
          Codes.baselineLinkDropped,
          'warning',
          `--gaps=${mode} closure ${shown.join('; ')}${ds.length > shown.length ? ` and ${ds.length - shown.length} more` : ''} is forbidden by baseline rule ${rule.name} (${rule.origin.file}:${rule.origin.line ?? 1}); cut: the closure is written as the links it opens to the workloads and addresses of the manifests, without what the rule forbids (${evidenceOf((ds[0] as (typeof ds)[number]).link)})`,
          rule.origin,
          'close that gap with a reviewed link to say what it really needs',
        ),
      );
    }
  }
  return { whole, links, diagnostics };
}

/**
 * The deny rules a whole closure could break through pods the manifests do not hold: the rule's
 * side towards the gap's workload selects it, on connections of the gap, and its other side is a
 * pod or namespace selector (or anything), which pods outside the manifests may match; a whole
 * closure (`namespaceSelector: {}`, `podSelector: {}`) admits them. An address side is judged
 * exactly by cutByDenyRules.
 */
function rulesOnUnseenPods(g: Gap, rules: RuleSet, matcher: RuleMatcher): BaselineRule[] {
  const self: Peer = { kind: 'workload', ref: g.workload };
  return rules.rules.filter((r) => {
    if (r.action !== 'deny' || r.conns.intersect(g.conns).isEmpty) return false;
    const [near, far] = g.direction === 'egress' ? [r.from, r.to] : [r.to, r.from];
    return matcher.narrow(near, self) !== undefined && far.kind !== 'cidr';
  });
}
