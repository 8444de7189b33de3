import { placeText, type SourceRef } from '../diagnostics/diagnostic.js';
import { dump } from 'js-yaml';
import { evidenceText, type Evidence, type Link, type Topology } from '../topology/links.js';
import { linkOrigin, type LinkGap } from '../topology/merge.js';
import { summaryText, type TrafficUnresolved } from '../topology/traffic/resolve.js';
import { peerKey, workloadKey } from '../model/peer.js';
import { gapText, type Gap } from '../topology/gaps.js';
import type { ScanTraffic } from '../pipeline/scan.js';

export { summaryText };
import { safeLine } from '../diagnostics/sanitize.js';
import { escapeMarkdown, markdownCode, oneLine } from './escape.js';

export const SCAN_FORMATS = ['json', 'yaml', 'txt', 'md'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

/** Where a rendered value came from in a values file: `{file, line, key}`. */
const valuesData = (t: SourceRef) => ({ file: t.file, line: t.line ?? 0, ...(t.path ? { key: t.path.join('.') } : {}) });

function evidenceData(e: Evidence) {
  switch (e.kind) {
    case 'address':
      return {
        kind: e.kind,
        file: e.at.file,
        line: e.at.line ?? 0,
        path: e.at.path ?? [],
        value: e.value,
        ...(e.service ? { service: e.service } : {}),
        ...(e.secret ? { secret: e.secret } : {}),
        ...(e.via ? { via: { file: e.via.file, line: e.via.line ?? 0, path: e.via.path ?? [] } } : {}),
        ...(e.traced ? { values: valuesData(e.traced) } : {}),
      };
    case 'exposure':
      return { kind: e.kind, object: e.object, file: e.at.file, line: e.at.line ?? 0, path: e.at.path ?? [] };
    case 'trace':
      return { kind: e.kind, file: e.file, line: e.line, event: e.event, count: e.count, ...(e.firstSeen !== undefined ? { firstSeen: e.firstSeen, lastSeen: e.lastSeen } : {}) };
    case 'intent':
      return { kind: e.kind, file: e.at.file, line: e.at.line ?? 0 };
  }
}

const linkGapData = (g: LinkGap) => ({ src: peerKey(g.src), dst: peerKey(g.dst), conns: g.conns.toString(), evidence: g.evidence.map(evidenceData) });
const unresolvedTrafficData = (u: TrafficUnresolved) => ({ src: u.src, dst: u.dst, conns: u.conns.toString(), reason: u.reason, detail: u.detail, file: u.file, line: u.line, count: u.count });

/** The document `scan --format json|yaml` writes and `synthesize --links` / `links` read back. */
function gapData(g: Gap) {
  return {
    workload: workloadKey(g.workload),
    direction: g.direction,
    reason: g.reason,
    ...(g.value !== undefined ? { value: g.value } : {}),
    conns: g.conns.toString(),
    detail: g.detail,
    file: g.at.file,
    line: g.at.line ?? 0,
    ...(g.via ? { via: { file: g.via.file, line: g.via.line ?? 0 } } : {}),
    ...(g.traced ? { values: valuesData(g.traced) } : {}),
    close: g.close,
  };
}

export function scanDocument(t: Topology, gaps: readonly Gap[] = [], traffic?: ScanTraffic) {
  return {
    apiVersion: 'netpol-ci/v1',
    kind: 'LinkList',
    links: t.links.map((l) => ({ src: peerKey(l.src), dst: peerKey(l.dst), conns: l.conns.toString(), ...(traffic ? { origin: linkOrigin(l) } : {}), evidence: l.evidence.map(evidenceData) })),
    unresolved: t.unresolved.map((u) => ({
      workload: `${u.workload.namespace}/${u.workload.name}[${u.workload.kind}]`,
      value: u.value,
      reason: u.reason,
      detail: u.detail,
      file: u.at.file,
      line: u.at.line ?? 0,
      path: u.at.path ?? [],
      ...(u.via ? { via: { file: u.via.file, line: u.via.line ?? 0 } } : {}),
      ...(u.traced ? { values: valuesData(u.traced) } : {}),
    })),
    gaps: gaps.map(gapData),
    // the workloads that name the cluster DNS Service: DNS, which the DNS rule allows (no link of the list)
    ...(t.dns && t.dns.length > 0 ? { dns: t.dns.map((u) => ({ workload: workloadKey(u.workload), evidence: evidenceData(u.evidence) })) } : {}),
    // the workloads whose pods call each other: no link (no self-pairs), but policies must allow it
    ...(t.self && t.self.length > 0 ? { self: t.self.map((u) => ({ workload: workloadKey(u.workload), conns: u.conns.toString(), evidence: u.evidence.map(evidenceData) })) } : {}),
    ...(traffic
      ? {
          traffic: {
            observedNotDeclared: traffic.observedNotDeclared.map(linkGapData),
            declaredNotObserved: traffic.declaredNotObserved.map(linkGapData),
            unresolved: traffic.unresolved.map(unresolvedTrafficData),
            summary: traffic.summary,
          },
        }
      : {}),
  };
}

export function renderScanJson(t: Topology, gaps: readonly Gap[] = [], traffic?: ScanTraffic): string {
  return `${JSON.stringify(scanDocument(t, gaps, traffic), null, 2)}\n`;
}

export function renderScanYaml(t: Topology, gaps: readonly Gap[] = [], traffic?: ScanTraffic): string {
  return dump(scanDocument(t, gaps, traffic), { lineWidth: -1, noRefs: true, quotingType: '"' });
}

const linkLine = (l: Link | LinkGap) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`;

export function renderScanTxt(t: Topology, gaps: readonly Gap[] = [], traffic?: ScanTraffic): string {
  const out: string[] = [];
  for (const l of t.links) {
    out.push(`${linkLine(l)}${traffic ? ` [${linkOrigin(l)}]` : ''}`);
    for (const e of l.evidence) out.push(`    ${evidenceText(e)}`);
  }
  if (t.unresolved.length > 0) {
    out.push('', 'unresolved:');
    // the workload named: a ConfigMap that several workloads import gives one line each, told apart
    for (const u of t.unresolved) out.push(`    ${placeText(u.at)} ${workloadKey(u.workload)} ${JSON.stringify(u.value)}: ${u.detail}`);
  }
  if (t.dns && t.dns.length > 0) {
    out.push('', 'DNS (the cluster DNS Service named; the DNS rule allows it):');
    for (const u of t.dns) out.push(`    ${workloadKey(u.workload)}: ${evidenceText(u.evidence)}`);
  }
  if (t.self && t.self.length > 0) {
    out.push('', 'self uses (the pods of one workload call each other; policies must allow it):');
    for (const u of t.self) {
      out.push(`    ${workloadKey(u.workload)} : ${u.conns.toString()}`);
      for (const e of u.evidence) out.push(`        ${evidenceText(e)}`);
    }
  }
  if (gaps.length > 0) {
    out.push('', 'gaps (what the manifests cannot tell):');
    for (const g of gaps) out.push(`    ${safeLine(gapText(g))}`);
  }
  if (traffic) {
    out.push('', `observed, not declared (${traffic.observedNotDeclared.length}):`);
    for (const g of traffic.observedNotDeclared) {
      out.push(`    ${linkLine(g)}`);
      for (const e of g.evidence) if (e.kind === 'trace') out.push(`        ${evidenceText(e)}`);
    }
    out.push('', `declared, never observed (${traffic.declaredNotObserved.length}):`);
    for (const g of traffic.declaredNotObserved) out.push(`    ${linkLine(g)}`);
    out.push('', `unresolved traffic, not allowed until reviewed (${traffic.unresolved.length}):`);
    for (const u of traffic.unresolved) out.push(`    ${u.file}:${u.line} ${u.src} -> ${u.dst} : ${u.conns.toString()} x${u.count}: ${u.detail}`);
    out.push('', summaryText(traffic.summary));
  }
  // evidence and unresolved values come from manifests: each entry stays one safe line
  return `${out.map(oneLine).join('\n')}\n`;
}

/** `values values.yaml:7 api.cacheUrl`: the values line a rendered address came from, where exact. */
const valuesMd = (t: SourceRef | undefined, sep: string) => (t ? `${sep}values ${markdownCode(`${placeText(t)}${t.path && t.path.length > 0 ? ` ${t.path.join('.')}` : ''}`)}` : '');

export function renderScanMd(t: Topology, gaps: readonly Gap[] = [], traffic?: ScanTraffic): string {
  const out = ['### netpol-ci: required links', '', `${t.links.length} links, ${t.unresolved.length} unresolved addresses, ${gaps.length} gaps`, ''];
  out.push(`| source | destination | connections |${traffic ? ' origin |' : ''} evidence |`, `|---|---|---|${traffic ? '---|' : ''}---|`);
  for (const l of t.links) {
    out.push(`| ${markdownCode(peerKey(l.src))} | ${markdownCode(peerKey(l.dst))} | ${markdownCode(l.conns.toString())} |${traffic ? ` ${linkOrigin(l)} |` : ''} ${l.evidence.map((e) => markdownCode(evidenceText(e))).join('<br>')} |`);
  }
  if (traffic) out.push(...trafficMd(traffic));
  if (t.unresolved.length > 0) {
    out.push('', '#### Unresolved', '');
    for (const u of t.unresolved) out.push(`- ${markdownCode(`${placeText(u.at)}`)}${valuesMd(u.traced, ' ')} ${markdownCode(workloadKey(u.workload))} ${markdownCode(u.value)}: ${escapeMarkdown(u.detail)}`);
  }
  if (t.dns && t.dns.length > 0) {
    out.push('', '#### DNS (the cluster DNS Service named; the DNS rule allows it)', '');
    for (const u of t.dns) out.push(`- ${markdownCode(workloadKey(u.workload))}: ${markdownCode(evidenceText(u.evidence))}`);
  }
  if (t.self && t.self.length > 0) {
    out.push('', '#### Self uses (the pods of one workload call each other; policies must allow it)', '');
    for (const u of t.self) out.push(`- ${markdownCode(workloadKey(u.workload))} ${markdownCode(u.conns.toString())}: ${u.evidence.map((e) => markdownCode(evidenceText(e))).join('<br>')}`);
  }
  if (gaps.length > 0) {
    out.push('', '#### Gaps (what the manifests cannot tell)', '', '| where | workload | direction | value | what is unknown |', '|---|---|---|---|---|');
    for (const g of gaps) {
      out.push(`| ${markdownCode(`${placeText(g.at)}`)}${valuesMd(g.traced, '<br>')} | ${markdownCode(workloadKey(g.workload))} | ${g.direction} | ${g.value !== undefined ? markdownCode(g.value) : ''} | ${escapeMarkdown(g.detail)} |`);
    }
    out.push('', escapeMarkdown('Close a gap with a reviewed link (synthesize --links FILE), observed traffic (--traffic), or --gaps=namespace|open.'));
  }
  return `${out.join('\n')}\n`;
}

/** The traffic sections of the Markdown report (also for the PR comment): observed-but-not-declared, declared-but-never-observed, unresolved, and the noise line. */
export function trafficMd(traffic: ScanTraffic): string[] {
  const out: string[] = [];
  const gapTable = (title: string, gaps: readonly LinkGap[], withEvidence: boolean) => {
    out.push('', `#### ${title} (${gaps.length})`, '');
    if (gaps.length === 0) return;
    out.push(`| source | destination | connections |${withEvidence ? ' trace |' : ''}`, `|---|---|---|${withEvidence ? '---|' : ''}`);
    for (const g of gaps) {
      const ev = g.evidence.filter((e) => e.kind === 'trace').map((e) => markdownCode(evidenceText(e))).join('<br>');
      out.push(`| ${markdownCode(peerKey(g.src))} | ${markdownCode(peerKey(g.dst))} | ${markdownCode(g.conns.toString())} |${withEvidence ? ` ${ev} |` : ''}`);
    }
  };
  gapTable('Observed, not declared', traffic.observedNotDeclared, true);
  gapTable('Declared, never observed', traffic.declaredNotObserved, false);
  out.push('', `#### Unresolved traffic, not allowed until reviewed (${traffic.unresolved.length})`, '');
  for (const u of traffic.unresolved) out.push(`- ${markdownCode(`${u.file}:${u.line}`)} ${markdownCode(u.src)} -> ${markdownCode(u.dst)} ${markdownCode(u.conns.toString())} x${u.count}: ${escapeMarkdown(u.detail)}`);
  out.push('', escapeMarkdown(summaryText(traffic.summary)));
  return out;
}
