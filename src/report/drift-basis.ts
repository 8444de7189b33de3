import type { DriftJudgedAgainst } from '../pipeline/verify.js';
import { markdownCode } from './escape.js';

/**
 * What committed policies were judged against, as `verify` and the drift section of `check` say
 * it: policies synthesized on another basis (a reviewed links file, a gap mode, peer-only rules)
 * show as drift, so the reader must see which one was used.
 */
export function driftBasisMd(b: DriftJudgedAgainst): string {
  const links = b.links !== undefined ? `the reviewed links ${markdownCode(b.links)}` : "the links the manifests state (no reviewed links file)";
  const rules = b.baseline?.length ? ` · baseline rules ${b.baseline.map(markdownCode).join(', ')}` : '';
  return `_The policies in ${markdownCode(b.policies)} judged against ${links} · gaps ${markdownCode(b.gaps)} · ${b.noPorts ? 'peer-only rules (no ports)' : 'rules with ports'}${rules}._`;
}

/** The same, on one plain line (txt). */
export function driftBasisText(b: DriftJudgedAgainst): string {
  return `${b.policies} judged against ${b.links !== undefined ? `the reviewed links ${b.links}` : 'the links the manifests state'}, gaps ${b.gaps}, ${b.noPorts ? 'peer-only rules (no ports)' : 'rules with ports'}${b.baseline?.length ? `, baseline rules ${b.baseline.join(', ')}` : ''}`;
}

/** Whether the basis is the default one (scan, `deny`, ports): reports that always existed say nothing then. */
export function isDefaultBasis(b: DriftJudgedAgainst): boolean {
  return b.links === undefined && b.gaps === 'deny' && !b.noPorts && !b.baseline?.length;
}
