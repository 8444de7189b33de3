import type { SourceRef } from '../diagnostics/diagnostic.js';
import type { ConnectionSet } from '../model/connection-set.js';
import type { Peer } from '../model/peer.js';
import type { BaselineRule } from './rules.js';

/** What a violation breaks: one rule, or a file's `default: deny`. */
export type RuleRef =
  | { readonly kind: 'rule'; readonly rule: BaselineRule }
  | { readonly kind: 'default-deny'; readonly file: string; readonly origin: SourceRef };

/**
 * - `forbidden-allowed`: a deny rule matches connections the policies allow;
 * - `required-blocked`: an allow rule covers connections the policies block;
 * - `outside-allow-rules`: under `default: deny`, an allowed connection no allow rule covers.
 */
export type ViolationKind = 'forbidden-allowed' | 'required-blocked' | 'outside-allow-rules';

/** A policy (rule) that decides a violating connection: the one that allows it, or the one that isolates an endpoint. */
export interface Cause {
  readonly verdict: 'allows' | 'isolates' | 'denies' | 'unrestricted';
  /** `ns/name` of the policy; absent when no policy selects the endpoint (`unrestricted`). */
  readonly policy?: string;
  /** `ingress` or `egress`: whose side decided. */
  readonly direction: 'ingress' | 'egress';
  readonly at?: SourceRef;
  readonly conns: ConnectionSet;
}

export type EngineName = 'builtin' | 'nca';

export interface Violation {
  readonly rule: RuleRef;
  readonly kind: ViolationKind;
  readonly src: Peer;
  readonly dst: Peer;
  /** The connections in violation (allowed but forbidden, or required but blocked). */
  readonly conns: ConnectionSet;
  /** Which engine found it. */
  readonly engine: EngineName;
  /** The built-in engine's explanation (the policy rule that allows, or the policy that isolates). */
  readonly causes: readonly Cause[];
}

export function ruleRefKey(r: RuleRef): string {
  return r.kind === 'rule' ? `${r.rule.origin.file}:${r.rule.origin.doc}:${r.rule.origin.line ?? 0}:${r.rule.name}` : `${r.file}:default`;
}

export function ruleRefLabel(r: RuleRef): string {
  return r.kind === 'rule' ? `${r.rule.name} (${r.rule.action})` : 'default: deny';
}

export function ruleRefOrigin(r: RuleRef): SourceRef {
  return r.kind === 'rule' ? r.rule.origin : r.origin;
}
