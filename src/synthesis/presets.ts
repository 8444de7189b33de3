import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Cluster, Workload } from '../manifests/cluster.js';
import type { EgressRule, IngressRule } from './synthesize.js';

/**
 * Presets (Sysdig's general rules): a stance per namespace or per workload, applied before the
 * links.
 * - `block-all`: no traffic in or out; the workload's links are not turned into rules (and it
 *   gets no DNS rule).
 * - `allow-namespace`: everything to and from pods of its own namespace; links to other
 *   namespaces still become rules.
 * - `allow-all`: everything in and out; no link rules are needed.
 * A workload preset overrides its namespace's preset.
 */
export type PresetMode = 'block-all' | 'allow-namespace' | 'allow-all';
export const PRESET_MODES: readonly PresetMode[] = ['block-all', 'allow-namespace', 'allow-all'];

export type PresetScope = { readonly kind: 'ns'; readonly namespace: string } | { readonly kind: 'workload'; readonly namespace: string; readonly name: string };

export interface Preset {
  readonly scope: PresetScope;
  readonly mode: PresetMode;
  /** The flag as written, for provenance. */
  readonly text: string;
}

/** `ns=NAME:MODE` or `workload=NS/NAME:MODE`; an error message when it is neither. */
export function parsePreset(text: string): Preset | string {
  const m = /^(ns|workload)=([^:]+):(.+)$/.exec(text.trim());
  if (!m) return `expected ns=NAME:MODE or workload=NS/NAME:MODE, got ${JSON.stringify(text)}`;
  const [, kind, target, mode] = m as unknown as [string, 'ns' | 'workload', string, string];
  if (!(PRESET_MODES as readonly string[]).includes(mode)) return `unknown preset ${JSON.stringify(mode)}; expected ${PRESET_MODES.join(', ')}`;
  if (kind === 'ns') return { scope: { kind: 'ns', namespace: target }, mode: mode as PresetMode, text };
  const parts = target.split('/');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return `workload presets name NS/NAME, got ${JSON.stringify(target)}`;
  return { scope: { kind: 'workload', namespace: parts[0], name: parts[1] }, mode: mode as PresetMode, text };
}

/** The preset that applies to a workload: its own, else its namespace's. */
export function presetFor(w: Workload, presets: readonly Preset[]): Preset | undefined {
  const own = presets.filter((p) => p.scope.kind === 'workload' && p.scope.namespace === w.ref.namespace && p.scope.name === w.ref.name);
  if (own.length > 0) return own[own.length - 1];
  const ns = presets.filter((p) => p.scope.kind === 'ns' && p.scope.namespace === w.ref.namespace);
  return ns[ns.length - 1];
}

export interface PresetRules {
  readonly ingress: IngressRule[];
  readonly egress: EgressRule[];
  /** Provenance lines for the rules annotation, in rule order. */
  readonly notes: string[];
  /** Whether links still become rules, and which: all, none, or only those leaving the namespace. */
  readonly links: 'all' | 'none' | 'other-namespaces';
  /** Whether the DNS egress rule is added (not under block-all or allow-all). */
  readonly dns: boolean;
}

const ALL_V4 = '0.0.0.0/0';
const ALL_V6 = '::/0';

/** The rules a preset contributes, placed before the link rules. */
export function presetRules(preset: Preset | undefined): PresetRules {
  if (!preset) return { ingress: [], egress: [], notes: [], links: 'all', dns: true };
  const why = `preset ${preset.mode} (--preset ${preset.text})`;
  switch (preset.mode) {
    case 'block-all':
      return { ingress: [], egress: [], notes: [`no rules: ${why}; the workload's links are not allowed`], links: 'none', dns: false };
    case 'allow-namespace':
      return {
        ingress: [{ from: [{ podSelector: {} }] }],
        egress: [{ to: [{ podSelector: {} }] }],
        notes: [`ingress[0] <- every pod of the namespace All Connections: ${why}`, `egress[0] -> every pod of the namespace All Connections: ${why}`],
        links: 'other-namespaces',
        dns: true,
      };
    case 'allow-all': {
      const everything = [{ namespaceSelector: {} }, { ipBlock: { cidr: ALL_V4 } }, { ipBlock: { cidr: ALL_V6 } }];
      return {
        ingress: [{ from: everything.map((p) => ({ ...p })) }],
        egress: [{ to: everything.map((p) => ({ ...p })) }],
        notes: [`ingress[0] <- every pod and address All Connections: ${why}`, `egress[0] -> every pod and address All Connections: ${why}`],
        links: 'none',
        dns: false,
      };
    }
  }
}

/** A preset that names no namespace or workload of the manifests is most likely a typo: say so. */
export function unknownPresets(presets: readonly Preset[], cluster: Cluster): Diagnostic[] {
  return presets.flatMap((p) => {
    const found =
      p.scope.kind === 'ns'
        ? cluster.workloads.some((w) => w.ref.namespace === p.scope.namespace)
        : cluster.workloads.some((w) => w.ref.namespace === p.scope.namespace && p.scope.kind === 'workload' && w.ref.name === p.scope.name);
    return found ? [] : [diag(Codes.presetUnknown, 'warning', `--preset ${p.text}: no ${p.scope.kind === 'ns' ? 'workload in namespace' : 'workload'} ${p.scope.kind === 'ns' ? p.scope.namespace : `${p.scope.namespace}/${p.scope.name}`} in the manifests; the preset applies to nothing`)];
  });
}
