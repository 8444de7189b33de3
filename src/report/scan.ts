import { dump } from 'js-yaml';
import { evidenceText, type Evidence, type Topology } from '../topology/links.js';
import { peerKey } from '../model/peer.js';
import { escapeMarkdown, markdownCode, oneLine } from './escape.js';

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
export function scanDocument(t: Topology) {
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
  };
}

export function renderScanJson(t: Topology): string {
  return `${JSON.stringify(scanDocument(t), null, 2)}\n`;
}

export function renderScanYaml(t: Topology): string {
  return dump(scanDocument(t), { lineWidth: -1, noRefs: true, quotingType: '"' });
}

export function renderScanTxt(t: Topology): string {
  const out: string[] = [];
  for (const l of t.links) {
    out.push(`${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`);
    for (const e of l.evidence) out.push(`    ${evidenceText(e)}`);
  }
  if (t.unresolved.length > 0) {
    out.push('', 'unresolved:');
    for (const u of t.unresolved) out.push(`    ${u.at.file}:${u.at.line ?? 0} ${JSON.stringify(u.value)}: ${u.detail}`);
  }
  // evidence and unresolved values come from manifests: each entry stays one safe line
  return `${out.map(oneLine).join('\n')}\n`;
}

export function renderScanMd(t: Topology): string {
  const out = ['### netpol-ci: required links', '', `${t.links.length} links, ${t.unresolved.length} unresolved addresses`, ''];
  out.push('| source | destination | connections | evidence |', '|---|---|---|---|');
  for (const l of t.links) {
    out.push(`| ${markdownCode(peerKey(l.src))} | ${markdownCode(peerKey(l.dst))} | ${markdownCode(l.conns.toString())} | ${l.evidence.map((e) => markdownCode(evidenceText(e))).join('<br>')} |`);
  }
  if (t.unresolved.length > 0) {
    out.push('', '#### Unresolved', '');
    for (const u of t.unresolved) out.push(`- ${markdownCode(`${u.at.file}:${u.at.line ?? 0}`)} ${markdownCode(u.value)}: ${escapeMarkdown(u.detail)}`);
  }
  return `${out.join('\n')}\n`;
}
