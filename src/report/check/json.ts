import { placeText, type SourceRef } from '../../diagnostics/diagnostic.js';
import type { Decision } from '../../connectivity/causes.js';
import { peerKey, workloadKey } from '../../model/peer.js';
import type { BrokenLink, ChangeItem, CheckOutcome } from '../../pipeline/check.js';
import { evidenceText } from '../../topology/links.js';
import { linkOrigin, type LinkGap } from '../../topology/merge.js';
import { checkSummary } from './summary.js';

const at = (r: { file: string; line?: number } | undefined) => (r ? `${placeText(r)}` : undefined);

/** A values-file place: `file:line` and the key, as `scan --format json` writes it. */
const valuesOf = (r: SourceRef) => ({ at: at(r), ...(r.path && r.path.length > 0 ? { key: r.path.join('.') } : {}) });

function decision(d: Decision) {
  return { direction: d.direction, verdict: d.verdict, steps: d.steps.map((s) => ({ layer: s.layer, verdict: s.verdict, policy: s.policy, rule: s.rule, at: at(s.at), conns: s.conns.toString() })) };
}

function item(it: ChangeItem) {
  return {
    kind: it.kind,
    src: it.src,
    dst: it.dst,
    outside: it.outside,
    before: it.before.toString(),
    after: it.after.toString(),
    ...(it.workloadsInfo ? { workloads_diff_info: it.workloadsInfo } : {}),
    why: { base: it.why.base.map(decision), head: it.why.head.map(decision) },
  };
}

const linkGap = (g: LinkGap) => ({ src: peerKey(g.src), dst: peerKey(g.dst), conns: g.conns.toString(), evidence: g.evidence.map(evidenceText) });

const unmet = (u: BrokenLink) => ({
  src: peerKey(u.link.src),
  dst: peerKey(u.link.dst),
  needs: u.link.conns.toString(),
  allowed: u.allowed.toString(),
  missing: u.missing.toString(),
  /** what base needed of the pair, when the PR changed the need (a port moved) */
  ...(u.baseNeeded ? { base_needs: u.baseNeeded.toString() } : {}),
  /** a DNS need: `named` (the workload names the cluster DNS Service, at the evidence), `egress` (it resolves names for its egress) */
  ...(u.dns ? { dns: u.dns } : {}),
  /** declared (manifests, a links file), observed (a trace), or both */
  origin: linkOrigin(u.link),
  evidence: u.link.evidence.map(evidenceText),
});

/** The check as data, for other tools (the Action layer reads counts from it). */
export function renderCheckJson(o: CheckOutcome): string {
  const data = {
    summary: checkSummary(o),
    refs: o.refs,
    ...(o.commits ? { commits: o.commits } : {}),
    changed_files: o.changedFiles,
    outside: o.outside.map(item),
    ...(o.baseline ? { baseline: o.baseline.violations.map((v) => ({ ...v, at: at(v.at) })) } : {}),
    ...(o.drift ? { drift: o.drift.findings.map((f) => ({ ...f, at: at(f.at) })) } : {}),
    ...(o.drift?.basis ? { drift_basis: { policies: o.drift.basis.policies, links: o.drift.basis.links ?? null, gaps: o.drift.basis.gaps, no_ports: o.drift.basis.noPorts, baseline: o.drift.basis.baseline ?? [] } } : {}),
    ...(o.exposure ? { widened_exposure: o.exposure.widened.map((w) => ({ workload: w.workload, peer: w.peer, ...(w.peerText !== w.peer ? { addresses: w.peerText } : {}), before: w.before.toString(), after: w.after.toString(), gained: w.gained.toString() })) } : {}),
    ...(o.lint
      ? {
          lint: {
            findings: o.lint.findings.map((f) => ({ kind: f.kind, code: f.code, policy: f.policy, ...(f.rule ? { rule: f.rule } : {}), at: at(f.at), message: f.message, covered_by: f.coveredBy })),
            existing_on_base: o.lint.existing,
          },
        }
      : {}),
    moved_workloads: o.diff.moved.map((m) => ({
      from: workloadKey(m.from),
      to: workloadKey(m.to),
      how: m.how,
      changes: m.changes.map((c) => ({ src: peerKey(c.src), dst: peerKey(c.dst), before: c.before.toString(), after: c.after.toString() })),
    })),
    groups: o.groups.map((g) => ({
      causes: g.causes.map((c) => ({ ...c.cause, at: at(c.cause.at), files: c.files })),
      items: g.items.map(item),
    })),
    broken_links: o.broken.map(unmet),
    already_unmet_links: o.alreadyUnmet.map(unmet),
    gaps: o.gaps.map(({ values, ...g }) => ({ ...g, at: at(g.at), ...(values ? { values: valuesOf(values) } : {}) })),
    ...(o.traffic ? { traffic: { observed_not_declared: o.traffic.observedNotDeclared.map(linkGap), declared_not_observed: o.traffic.declaredNotObserved.map(linkGap) } } : {}),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}
