import type { Exposure, ExposureEntry } from '../connectivity/exposure-analysis.js';
import { escapeMarkdown, oneLine } from './escape.js';

/** netpol-analyzer's exposure section: `Exposure Analysis Result:`, egress `=>`, ingress `<=`. */
export function renderExposureTxt(e: Exposure): string {
  const line = (arrow: string) => (x: ExposureEntry) => `${oneLine(`${x.workload} ${arrow} ${x.peer} : ${x.conns.toString()}`)}\n`;
  return `\nExposure Analysis Result:\nEgress Exposure:\n${e.egress.map(line('=>')).join('')}\nIngress Exposure:\n${e.ingress.map(line('<=')).join('')}`;
}

export function exposureJson(e: Exposure) {
  const rows = (xs: readonly ExposureEntry[], side: 'dst' | 'src') => xs.map((x) => ({ workload: x.workload, [side]: x.peer, conn: x.conns.toString() }));
  return { egress: rows(e.egress, 'dst'), ingress: rows(e.ingress, 'src') };
}

/** Markdown tables (the PR comment's "reachable from outside"); every name escaped. */
export function renderExposureMd(e: Exposure): string {
  const table = (head: string, xs: readonly ExposureEntry[]) => [
    head,
    '|-----|-----|------|',
    ...xs.map((x) => `| ${escapeMarkdown(x.workload)} | ${escapeMarkdown(x.peer)} | ${escapeMarkdown(x.conns.toString())} |`),
  ];
  return `${['## Exposure Analysis Result:', '### Egress Exposure:', ...table('| src | dst | conn |', e.egress), '', '### Ingress Exposure:', ...table('| dst | src | conn |', e.ingress)].join('\n')}\n`;
}
