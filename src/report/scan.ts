import { dump } from 'js-yaml';
import { evidenceText, type Evidence, type Topology } from '../topology/links.js';
import { peerKey, workloadKey } from '../model/peer.js';
import { gapText, type Gap } from '../topology/gaps.js';
import { escapeMarkdown, markdownCode } from './escape.js';

export const SCAN_FORMATS = ['json', 'yaml', 'txt', 'md'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

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
        ...(e.via ? { via: { file: e.via.file, line: e.via.line ?? 0, path: e.via.path ?? [] } } : {}),
        ...(e.traced ? { values: { file: e.traced.file, line: e.traced.line ?? 0 } } : {}),
      };
    case 'exposure':
      return { kind: e.kind, object: e.object, file: e.at.file, line: e.at.line ?? 0, path: e.at.path ?? [] };
    case 'trace':
      return { kind: e.kind, event: e.event };
    case 'intent':
      return { kind: e.kind, file: e.at.file, line: e.at.line ?? 0 };
  }
}

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
    close: g.close,
  };
}

export function scanDocument(t: Topology, gaps: readonly Gap[] = []) {
  return {
    apiVersion: 'netpol-ci/v1',
    kind: 'LinkList',
    links: t.links.map((l) => ({ src: peerKey(l.src), dst: peerKey(l.dst), conns: l.conns.toString(), evidence: l.evidence.map(evidenceData) })),
    unresolved: t.unresolved.map((u) => ({
      workload: `${u.workload.namespace}/${u.workload.name}[${u.workload.kind}]`,
      value: u.value,
      reason: u.reason,
      detail: u.detail,
      file: u.at.file,
      line: u.at.line ?? 0,
      path: u.at.path ?? [],
      ...(u.via ? { via: { file: u.via.file, line: u.via.line ?? 0 } } : {}),
    })),
    gaps: gaps.map(gapData),
  };
}

export function renderScanJson(t: Topology, gaps: readonly Gap[] = []): string {
  return `${JSON.stringify(scanDocument(t, gaps), null, 2)}\n`;
}

export function renderScanYaml(t: Topology, gaps: readonly Gap[] = []): string {
  return dump(scanDocument(t, gaps), { lineWidth: -1, noRefs: true, quotingType: '"' });
}

export function renderScanTxt(t: Topology, gaps: readonly Gap[] = []): string {
  const out: string[] = [];
  for (const l of t.links) {
    out.push(`${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`);
    for (const e of l.evidence) out.push(`    ${evidenceText(e)}`);
  }
  if (t.unresolved.length > 0) {
    out.push('', 'unresolved:');
    for (const u of t.unresolved) out.push(`    ${u.at.file}:${u.at.line ?? 0} ${JSON.stringify(u.value)}: ${u.detail}`);
  }
  if (gaps.length > 0) {
    out.push('', 'gaps (what the manifests cannot tell):');
    for (const g of gaps) out.push(`    ${gapText(g)}`);
  }
  return `${out.join('\n')}\n`;
}

export function renderScanMd(t: Topology, gaps: readonly Gap[] = []): string {
  const out = ['### netpol-ci: required links', '', `${t.links.length} links, ${t.unresolved.length} unresolved addresses, ${gaps.length} gaps`, ''];
  out.push('| source | destination | connections | evidence |', '|---|---|---|---|');
  for (const l of t.links) {
    out.push(`| ${markdownCode(peerKey(l.src))} | ${markdownCode(peerKey(l.dst))} | ${markdownCode(l.conns.toString())} | ${l.evidence.map((e) => markdownCode(evidenceText(e))).join('<br>')} |`);
  }
  if (t.unresolved.length > 0) {
    out.push('', '#### Unresolved', '');
    for (const u of t.unresolved) out.push(`- ${markdownCode(`${u.at.file}:${u.at.line ?? 0}`)} ${markdownCode(u.value)}: ${escapeMarkdown(u.detail)}`);
  }
  if (gaps.length > 0) {
    out.push('', '#### Gaps (what the manifests cannot tell)', '', '| where | workload | direction | value | what is unknown |', '|---|---|---|---|---|');
    for (const g of gaps) {
      out.push(`| ${markdownCode(`${g.at.file}:${g.at.line ?? 0}`)} | ${markdownCode(workloadKey(g.workload))} | ${g.direction} | ${g.value !== undefined ? markdownCode(g.value) : ''} | ${escapeMarkdown(g.detail)} |`);
    }
    out.push('', escapeMarkdown('Close a gap with a reviewed link (synthesize --links FILE), observed traffic (--traffic), or --gaps=namespace|open.'));
  }
  return `${out.join('\n')}\n`;
}
