import type { Cause, SelectorChange } from '../../connectivity/causes.js';
import type { ContainerPort } from '../../manifests/cluster.js';
import { markdownCode as code } from '../escape.js';

// Causes in words, for the Markdown comment (and, without the code spans, the text report).

function labelsText(l: Readonly<Record<string, string>>): string {
  const entries = Object.entries(l)
    .filter(([k]) => k !== 'kubernetes.io/metadata.name')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return code(entries.map(([k, v]) => `${k}=${v}`).join(',') || '(none)');
}

function portsText(ps: readonly ContainerPort[]): string {
  return code(ps.map((p) => `${p.name ? `${p.name} ` : ''}${p.protocol} ${p.port}`).join(', ') || '(none)');
}

function selectorText(s: SelectorChange): string {
  if (s.rule === 'subject') return `${code(s.policy)} ${s.nowMatches ? 'now selects it' : 'no longer selects it'}`;
  return `the ${s.field} of ${code(s.policy)} ${s.rule} ${s.nowMatches ? 'now matches it' : 'no longer matches it'}`;
}

/** The cause of a group in two parts: what changed, and (after the files) what it does to the rules that decide. */
export function causeParts(c: Cause): { readonly what: string; readonly effect?: string } {
  const selectors = (xs: readonly SelectorChange[]) => (xs.length ? { effect: xs.map(selectorText).join('; ') } : {});
  switch (c.kind) {
    case 'policy-added':
      return { what: `${code(c.policy)} added` };
    case 'policy-removed':
      return { what: `${code(c.policy)} deleted` };
    case 'policy-edited':
      return { what: `${code(c.policy)} changed` };
    case 'labels-changed':
      return { what: `pod labels of ${code(c.workload)} changed from ${labelsText(c.before)} to ${labelsText(c.after)}`, ...selectors(c.selectors) };
    case 'ports-changed':
      return {
        what: `container ports of ${code(c.workload)} changed from ${portsText(c.before)} to ${portsText(c.after)}`,
        ...(c.lostNames.length ? { effect: `named port ${c.lostNames.map(code).join(', ')} no longer declared, so rules naming it no longer match` } : {}),
      };
    case 'namespace-labels-changed':
      return { what: `labels of namespace ${code(c.namespace)} changed from ${labelsText(c.before)} to ${labelsText(c.after)}`, ...selectors(c.selectors) };
    case 'workload-added':
      return { what: `${code(c.workload)} added` };
    case 'workload-removed':
      return { what: `${code(c.workload)} removed` };
    case 'exposure-changed':
      return { what: `exposure of ${code(c.workload)} changed (${c.before.map(code).join(', ') || 'nothing'} → ${c.after.map(code).join(', ') || 'nothing'})` };
  }
}

export function causeText(c: Cause): string {
  const p = causeParts(c);
  return p.effect ? `${p.what}: ${p.effect}` : p.what;
}
