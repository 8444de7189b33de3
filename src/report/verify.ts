import type { DriftJudgedAgainst } from '../pipeline/verify.js';
import { driftBasisMd, driftBasisText, isDefaultBasis } from './drift-basis.js';
import { createTwoFilesPatch } from 'diff';
import { Codes, placeText, type SourceRef } from '../diagnostics/diagnostic.js';
import type { ExplainedStep, PairExplanation } from '../connectivity/explain.js';
import type { Allower, ExcessFinding, MissingFinding, NeedReason, RepoDrift } from '../drift/repo.js';
import type { ConnectionSet } from '../model/connection-set.js';
import { peerKey } from '../model/peer.js';
import { evidenceText } from '../topology/links.js';
import type { ClusterDriftOutcome, FixOutcome } from '../pipeline/verify.js';
import type { ClusterTraffic } from '../pipeline/traffic.js';
import type { BlockedObservation } from '../drift/observed.js';
import { renderDiffJson, renderDiffMd, renderDiffTxt, type DiffReport } from './diff.js';
import { explanationData, verdictChain } from './explain.js';
import { escapeMarkdown, markdownCode, oneLine } from './escape.js';
import { renderSarif, type SarifResult, type SarifRule } from './sarif.js';

export const VERIFY_FORMATS = ['txt', 'md', 'json', 'sarif'] as const;
export type VerifyFormat = (typeof VERIFY_FORMATS)[number];

export interface RepoDriftReport {
  readonly drift: RepoDrift;
  readonly policies: string;
  /** Excess is reported but does not fail the check. */
  readonly allowExcess: boolean;
  readonly fix?: FixOutcome;
  readonly version: string;
  /** What the policies were judged against (said in txt and md when it is not the default; always in json). */
  readonly basis?: DriftJudgedAgainst;
}

const at = (s: SourceRef | undefined) => (s ? `${placeText(s)}` : '');

function reasonText(r: NeedReason): string[] {
  if (r.kind === 'link') return r.evidence.map(evidenceText);
  return r.evidence ? r.evidence.map((e) => `DNS: names the cluster DNS Service, ${evidenceText(e)}`) : ['DNS (every workload with egress needs it)'];
}

function stepText(s: ExplainedStep): string {
  if (s.layer === 'default') return `[default] ${s.verdict} ${s.conns.toString()}: no policy applies`;
  const rule = s.rule ? ` ${s.rule.direction} rule ${s.rule.index}${s.rule.name ? ` "${s.rule.name}"` : ''}` : '';
  return `[${s.layer}] ${s.verdict} ${s.conns.toString()}: ${s.policy ?? ''}${rule}${s.at ? ` (${at(s.at)})` : ''}`;
}

/** The verdict steps that block (part of) a missing connection. */
function blockers(x: PairExplanation | undefined, lack: ConnectionSet): { side: 'egress' | 'ingress'; step: ExplainedStep }[] {
  if (!x) return [];
  const out: { side: 'egress' | 'ingress'; step: ExplainedStep }[] = [];
  for (const side of ['egress', 'ingress'] as const) {
    for (const s of x[side] ?? []) if ((s.verdict === 'Deny' || s.verdict === 'Isolated') && !s.conns.intersect(lack).isEmpty) out.push({ side, step: s });
  }
  return out;
}

function allowerText(a: Allower): string {
  if (a.side === 'exposure') return `ingress controller: exposed by ${(a.by ?? []).join(', ')} on ${a.conns.toString()}`;
  const s = a.step as ExplainedStep;
  if (s.layer === 'default') return `${a.side}: no policy isolates the ${a.side === 'egress' ? 'source' : 'destination'} (${a.conns.toString()})`;
  return `${a.side}: ${stepText(s)}`;
}

function missingLine(m: MissingFinding): string {
  return `missing: source: ${peerKey(m.src)}, destination: ${peerKey(m.dst)}, needed: ${m.needed.toString()}, allowed: ${m.allowed.toString()}, blocked: ${m.conns.toString()}`;
}

function excessLine(e: ExcessFinding): string {
  return `excess: source: ${peerKey(e.src)}, destination: ${peerKey(e.dst)}, allowed: ${e.allowed.toString()}, needed: ${e.needed.toString()}, excess: ${e.conns.toString()}`;
}

function patches(fix: FixOutcome): string {
  return fix.files
    .filter((f) => f.action !== 'unchanged')
    .map((f) => createTwoFilesPatch(f.action === 'created' ? '/dev/null' : f.path, f.action === 'removed' ? '/dev/null' : f.path, f.before, f.after, '', '', { context: 3 }))
    .join('');
}

function fixSummary(fix: FixOutcome): string[] {
  const count = (a: string) => fix.files.filter((f) => f.action === a).length;
  const out = [`--fix: ${count('created')} created, ${count('updated')} updated, ${count('removed')} removed, ${count('unchanged')} unchanged`];
  for (const f of fix.keptHandWritten) out.push(`--fix: kept ${f} (not written by netpol-ci; review it by hand)`);
  return out;
}

/** One finding per line, netpol-analyzer style, each followed by why: the need's provenance, or the rules that allow the excess. */
export function renderRepoDriftTxt(r: RepoDriftReport): string {
  const d = r.drift;
  const out: string[] = [];
  if (r.fix) out.push(...fixSummary(r.fix), ...patches(r.fix).replace(/\n$/, '').split('\n').filter((l) => r.fix && l !== ''));
  if (d.missing.length === 0 && d.excess.length === 0) {
    out.push(`No drift: the policies in ${r.policies} allow exactly what the manifests need (${d.needsChecked} needed connections checked).`);
    if (r.basis && !isDefaultBasis(r.basis)) out.push(`Judged on the basis the policies were synthesized with: ${driftBasisText(r.basis)}`);
    return `${out.map(oneLine).join('\n')}\n`;
  }
  out.push(`Policy drift in ${r.policies}: ${d.missing.length} missing, ${d.excess.length} excess${r.allowExcess ? ' (excess allowed)' : ''}`);
  if (r.basis && !isDefaultBasis(r.basis)) out.push(`Judged on the basis the policies were synthesized with: ${driftBasisText(r.basis)}`);
  for (const m of d.missing) {
    out.push(missingLine(m));
    for (const r2 of m.reasons) for (const t of reasonText(r2)) out.push(`  needed by: ${t}`);
    for (const b of blockers(m.explanation, m.conns)) out.push(`  blocked by ${b.side}: ${stepText(b.step)}`);
  }
  for (const e of d.excess) {
    out.push(excessLine(e));
    for (const a of e.allowers) out.push(`  allowed by ${allowerText(a)}`);
  }
  return `${out.map(oneLine).join('\n')}\n`;
}

/** The PR-comment body: a verdict, then Missing and Excess sections; everything from manifests is inert. */
export function renderRepoDriftMd(r: RepoDriftReport): string {
  const d = r.drift;
  const out = ['### netpol-ci: policy drift', ''];
  if (d.missing.length === 0 && d.excess.length === 0) {
    out.push(`**No drift.** The policies in ${markdownCode(r.policies)} allow exactly what the manifests need (${d.needsChecked} needed connections checked).`);
  } else {
    out.push(`**${d.missing.length} missing · ${d.excess.length} excess${r.allowExcess ? ' (excess allowed)' : ''}** in ${markdownCode(r.policies)}`);
  }
  if (r.basis && !isDefaultBasis(r.basis)) out.push('', driftBasisMd(r.basis));
  if (d.missing.length > 0) {
    out.push('', `#### Missing (${d.missing.length}): needed, but the policies block it`, '');
    for (const m of d.missing) {
      out.push(`- ${markdownCode(peerKey(m.src))} → ${markdownCode(peerKey(m.dst))}: blocked ${markdownCode(m.conns.toString())} (needed ${markdownCode(m.needed.toString())}, allowed ${markdownCode(m.allowed.toString())})`);
      for (const r2 of m.reasons) for (const t of reasonText(r2)) out.push(`  - needed by ${markdownCode(t)}`);
      for (const b of blockers(m.explanation, m.conns)) out.push(`  - blocked by ${b.side}: ${markdownCode(stepText(b.step))}`);
    }
  }
  if (d.excess.length > 0) {
    out.push('', `#### Excess (${d.excess.length}): allowed beyond what the manifests need`, '');
    for (const e of d.excess) {
      out.push(`- ${markdownCode(peerKey(e.src))} → ${markdownCode(peerKey(e.dst))}: also allows ${markdownCode(e.conns.toString())} (needed ${markdownCode(e.needed.toString())})`);
      for (const a of e.allowers) out.push(`  - allowed by ${markdownCode(allowerText(a))}`);
    }
  }
  if (r.fix) {
    out.push('', '#### Fix', '', ...fixSummary(r.fix).map((l) => `- ${escapeMarkdown(l)}`));
    const p = patches(r.fix);
    // a fence longer than any backtick run in the patch, so that a manifest cannot close it
    const fence = '`'.repeat(Math.max(3, ...[...p.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    if (p) out.push('', `${fence}diff`, p.replace(/\n$/, ''), fence);
  }
  return `${out.join('\n')}\n`;
}

function stepJson(s: ExplainedStep) {
  return { layer: s.layer, verdict: s.verdict, ...(s.policy ? { policy: s.policy } : {}), ...(s.rule ? { rule: s.rule } : {}), ...(s.at ? { at: at(s.at) } : {}), conns: s.conns.toString() };
}

function reasonJson(r: NeedReason) {
  if (r.kind === 'dns' && !r.evidence) return [{ kind: 'dns' }];
  return (r.evidence ?? []).map((e) => ({ kind: r.kind === 'dns' ? 'dns' : e.kind, text: evidenceText(e), ...('at' in e ? { at: at(e.at) } : {}) }));
}

export function renderRepoDriftJson(r: RepoDriftReport): string {
  const d = r.drift;
  const body = {
    policies: r.policies,
    allow_excess: r.allowExcess,
    ...(r.basis ? { basis: { links: r.basis.links ?? null, gaps: r.basis.gaps, no_ports: r.basis.noPorts, baseline: r.basis.baseline ?? [] } } : {}),
    summary: { missing: d.missing.length, excess: d.excess.length, needs_checked: d.needsChecked },
    missing: d.missing.map((m) => ({
      src: peerKey(m.src),
      dst: peerKey(m.dst),
      needed: m.needed.toString(),
      allowed: m.allowed.toString(),
      blocked: m.conns.toString(),
      needed_by: m.reasons.flatMap(reasonJson),
      blocked_by: blockers(m.explanation, m.conns).map((b) => ({ side: b.side, ...stepJson(b.step) })),
      ...(m.explanation ? { explanation: explanationData(m.explanation) } : {}),
    })),
    excess: d.excess.map((e) => ({
      src: peerKey(e.src),
      dst: peerKey(e.dst),
      allowed: e.allowed.toString(),
      needed: e.needed.toString(),
      excess: e.conns.toString(),
      allowed_by: e.allowers.map((a) => (a.side === 'exposure' ? { side: a.side, by: a.by, conns: a.conns.toString() } : { side: a.side, ...stepJson(a.step as ExplainedStep), conns: a.conns.toString() })),
    })),
    ...(r.fix
      ? { fix: { files: r.fix.files.map((f) => ({ path: f.path, action: f.action })), kept_hand_written: r.fix.keptHandWritten, patch: patches(r.fix) } }
      : {}),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

const RULES: readonly SarifRule[] = [
  { id: Codes.driftMissing, description: 'A connection the manifests need is blocked by the committed policies' },
  { id: Codes.driftExcess, description: 'The committed policies allow a connection beyond what the manifests need' },
  { id: Codes.driftCluster, description: 'The live cluster allows a connection differently from the repository policies' },
  { id: Codes.trafficBlocked, description: 'Observed traffic that the repository or cluster policies block' },
];

function location(s: SourceRef | undefined): SarifResult['location'] {
  return s ? { file: s.file, ...(s.line !== undefined ? { line: s.line } : {}), ...(s.column !== undefined ? { column: s.column } : {}) } : undefined;
}

function sarifResult(ruleId: string, level: SarifResult['level'], message: string, s: SourceRef | undefined): SarifResult {
  const loc = location(s);
  return { ruleId, level, message, ...(loc ? { location: loc } : {}) };
}

/** Missing at the line that states the need; excess at the rule that allows it. */
export function renderRepoDriftSarif(r: RepoDriftReport): string {
  const results: SarifResult[] = [];
  for (const m of r.drift.missing) {
    const ev = m.reasons.flatMap((x) => (x.kind === 'link' ? x.evidence : [])).find((e) => 'at' in e);
    results.push(sarifResult(Codes.driftMissing, 'error', missingLine(m), ev && 'at' in ev ? ev.at : undefined));
  }
  for (const e of r.drift.excess) {
    const rule = e.allowers.find((a) => a.step?.at)?.step?.at;
    results.push(sarifResult(Codes.driftExcess, r.allowExcess ? 'warning' : 'error', excessLine(e), rule));
  }
  return renderSarif({ tool: { name: 'netpol-ci', version: r.version, rules: RULES }, results });
}

export function renderRepoDrift(format: VerifyFormat, r: RepoDriftReport): string {
  return { txt: renderRepoDriftTxt, md: renderRepoDriftMd, json: renderRepoDriftJson, sarif: renderRepoDriftSarif }[format](r);
}

// ---- cluster drift ----

export interface ClusterDriftReport {
  readonly outcome: ClusterDriftOutcome;
  readonly version: string;
}

function diffReport(o: ClusterDriftOutcome): DiffReport {
  return { diff: o.diff, refs: o.refs, explanations: o.explanations };
}

function inventoryLines(o: ClusterDriftOutcome): string[] {
  return o.inventory.map((p) => {
    const where = [p.repository ? `repository ${p.repository}` : '', p.cluster ? `cluster ${p.cluster}` : ''].filter((x) => x).join(', ');
    return `${p.state}: ${p.policy} (${where})`;
  });
}

/** `egress [default] Allow; ingress [NP] Allow -> [NP] Isolated`: each side's verdict chain, for the sides that are pods. */
function chains(p: PairExplanation): string {
  return [p.egress ? `egress ${verdictChain(p.egress)}` : '', p.ingress ? `ingress ${verdictChain(p.ingress)}` : ''].filter((x) => x).join('; ');
}

/** The connectivity diff (repository as ref1, cluster as ref2), each entry with the policy files behind it, then the policy inventory. */
export function renderClusterDriftTxt(r: ClusterDriftReport): string {
  const o = r.outcome;
  const scope = o.namespaces === 'all' ? 'all namespaces' : `namespaces ${o.namespaces.join(', ')}`;
  const out = [`Cluster drift (${o.refs.before} vs ${o.refs.after}, ${scope}): ${o.diff.entries.length} changed connection${o.diff.entries.length === 1 ? '' : 's'}`];
  const diffLines = renderDiffTxt(diffReport(o)).split('\n').slice(1, -1);
  diffLines.forEach((l, i) => {
    out.push(l);
    const x = o.explanations[i];
    if (x?.before) out.push(`  repository: ${chains(x.before)}`);
    if (x?.after) out.push(`  cluster: ${chains(x.after)}`);
    if (x && x.files.length > 0) out.push(`  policies: ${x.files.join(', ')}`);
  });
  if (o.inventory.length > 0) out.push('Policies:', ...inventoryLines(o).map((l) => `  ${l}`));
  if (o.traffic) out.push(trafficHeading(o.traffic), ...o.traffic.check.blocked.flatMap((b) => [blockedLine(b), ...b.evidence.map((e) => `  ${evidenceText(e)}`)]));
  return `${out.map(oneLine).join('\n')}\n`;
}

/** `Observed traffic: 12 links, 2 blocked (1 unresolved, not checked)` */
function trafficHeading(t: ClusterTraffic): string {
  const notChecked = [t.unresolved.length > 0 ? `${t.unresolved.length} unresolved` : '', t.outsideScope > 0 ? `${t.outsideScope} outside the compared namespaces` : ''].filter((x) => x);
  return `Observed traffic: ${t.links} link${t.links === 1 ? '' : 's'}, ${t.check.blocked.length} blocked${notChecked.length > 0 ? ` (${notChecked.join(', ')}, not checked)` : ''}`;
}

/** `blocked: src => dst : TCP 80 (repository blocks TCP 80; cluster allows it)` */
function blockedLine(b: BlockedObservation): string {
  const side = (name: string, c: ConnectionSet) => (c.isEmpty ? `${name} allows it` : `${name} blocks ${c.toString()}`);
  return `blocked: ${peerKey(b.src)} => ${peerKey(b.dst)} : ${b.observed.toString()} (${side('repository', b.repository)}; ${side('cluster', b.cluster)})`;
}

function trafficJson(t: ClusterTraffic) {
  return {
    links: t.links,
    outsideScope: t.outsideScope,
    blocked: t.check.blocked.map((b) => ({ src: peerKey(b.src), dst: peerKey(b.dst), observed: b.observed.toString(), repositoryBlocks: b.repository.toString(), clusterBlocks: b.cluster.toString(), evidence: b.evidence })),
    unresolved: t.unresolved.map((u) => ({ src: u.src, dst: u.dst, conns: u.conns.toString(), reason: u.reason, detail: u.detail, file: u.file, line: u.line, count: u.count })),
    summary: t.summary,
  };
}

export function renderClusterDriftMd(r: ClusterDriftReport): string {
  const o = r.outcome;
  const body = renderDiffMd(diffReport(o)).replace('### netpol-ci: connectivity diff', '### netpol-ci: cluster drift');
  const policies =
    o.inventory.length === 0
      ? ''
      : `\n#### Policies that differ (${o.inventory.length})\n\n${inventoryLines(o)
          .map((l) => `- ${markdownCode(l)}`)
          .join('\n')}\n`;
  const t = o.traffic;
  // the heading holds numbers only; the lines, which hold names from the cluster, are code spans
  const traffic = t
    ? `\n#### ${trafficHeading(t)}\n\n${t.check.blocked
        .map((b) => `- ${markdownCode(blockedLine(b))}${b.evidence.map((e) => `\n  - ${markdownCode(evidenceText(e))}`).join('')}`)
        .join('\n')}${t.check.blocked.length > 0 ? '\n' : ''}`
    : '';
  return `${body}${policies}${traffic}`;
}

export function renderClusterDriftJson(r: ClusterDriftReport): string {
  const o = r.outcome;
  const diff = JSON.parse(renderDiffJson(diffReport(o))) as Record<string, unknown>;
  return `${JSON.stringify({ namespaces: o.namespaces, ...diff, policies: o.inventory, ...(o.traffic ? { traffic: trafficJson(o.traffic) } : {}) }, null, 2)}\n`;
}

export function renderClusterDriftSarif(r: ClusterDriftReport): string {
  const o = r.outcome;
  const lines = renderDiffTxt(diffReport(o)).split('\n').slice(1, -1);
  const results = o.diff.entries.map((_, i) => {
    const x = o.explanations[i];
    // point at the repository's policy behind the entry, when one is
    const step = [...(x?.before?.egress ?? []), ...(x?.before?.ingress ?? [])].find((s) => s.at);
    return sarifResult(Codes.driftCluster, 'error', lines[i] ?? '', step?.at);
  });
  // observed traffic a side blocks, at the trace line that first saw it
  for (const b of o.traffic?.check.blocked ?? []) {
    const seen = b.evidence.find((e) => e.kind === 'trace');
    results.push(sarifResult(Codes.trafficBlocked, 'error', blockedLine(b), seen?.kind === 'trace' ? { file: seen.file, doc: 0, line: seen.line } : undefined));
  }
  return renderSarif({ tool: { name: 'netpol-ci', version: r.version, rules: RULES }, results });
}

export function renderClusterDrift(format: VerifyFormat, r: ClusterDriftReport): string {
  return { txt: renderClusterDriftTxt, md: renderClusterDriftMd, json: renderClusterDriftJson, sarif: renderClusterDriftSarif }[format](r);
}
