import { addressText, type IpBlock } from '../../connectivity/address-text.js';
import { analyzeExposure, type ExposureEntry } from '../../connectivity/exposure-analysis.js';
import { lintPolicies, type LintFinding } from '../../connectivity/lint.js';
import { compareStrings } from '../../manifests/cluster.js';
import { ConnectionSet } from '../../model/connection-set.js';
import { atomize, rangeContains, type IpRange } from '../../model/ip.js';
import { parsePeer, peerKey } from '../../model/peer.js';
import { engineOptions, type ReadSettings } from '../settings.js';
import type { LoadedSide } from './sides.js';
import type { CheckOutcome, WidenedExposure } from './types.js';

// The optional head-side analyses of the check that compare with base: lint and exposure.

/**
 * A finding's identity across the sides: its code, policy and rule; never its line, since a PR
 * that adds lines above a policy moves its findings without changing them.
 */
const lintKey = (f: LintFinding) => `${f.code}\u0000${f.policy}\u0000${f.rule ?? ''}`;

/** Head's lint findings that base does not have, in head's order (by file and line). */
export function newLintFindings(base: LoadedSide, head: LoadedSide): NonNullable<CheckOutcome['lint']> {
  const before = new Set(lintPolicies(base.engine).findings.map(lintKey));
  const after = lintPolicies(head.engine).findings;
  const findings = after.filter((f) => !before.has(lintKey(f)));
  return { findings, existing: after.length - findings.length };
}

/** An exposure peer that is an address range (`a-b[External]`), or undefined for pod peers. */
function rangeOf(peer: string): IpRange | undefined {
  if (!peer.endsWith('[External]')) return undefined;
  const r = parsePeer(peer, []);
  return r.ok && r.peer.kind === 'external' ? r.peer.range : undefined;
}

/**
 * The workloads whose exposure the PR widened: for each (workload, outside peer) of head's
 * ingress exposure, the connections head allows that base did not. Pod peers (`entire-cluster`,
 * a selector's representative) are matched by name; address peers address by address, since the
 * two sides cut the address space differently (an `except` removed merges two ranges into one).
 */
export function widenedExposure(base: LoadedSide, head: LoadedSide, settings: ReadSettings, blocks: readonly IpBlock[]): NonNullable<CheckOutcome['exposure']> {
  const options = engineOptions(settings);
  const baseEntries = analyzeExposure(base.cluster, options).value.ingress;
  const headEntries = analyzeExposure(head.cluster, options).value.ingress;
  const widened: WidenedExposure[] = [];
  const push = (workload: string, peer: string, before: ConnectionSet, after: ConnectionSet, peerText = peer) => {
    const gained = after.subtract(before);
    if (!gained.isEmpty) widened.push({ workload, peer, peerText, before, after, gained });
  };

  const key = (e: ExposureEntry) => `${e.workload}\u0000${e.peer}`;
  const beforeByName = new Map<string, ConnectionSet>();
  for (const e of baseEntries) if (!rangeOf(e.peer)) beforeByName.set(key(e), (beforeByName.get(key(e)) ?? ConnectionSet.NONE).union(e.conns));
  for (const e of headEntries) if (!rangeOf(e.peer)) push(e.workload, e.peer, beforeByName.get(key(e)) ?? ConnectionSet.NONE, e.conns);

  const byWorkload = (entries: readonly ExposureEntry[]) => {
    const out = new Map<string, { range: IpRange; conns: ConnectionSet }[]>();
    for (const e of entries) {
      const range = rangeOf(e.peer);
      if (range) out.set(e.workload, [...(out.get(e.workload) ?? []), { range, conns: e.conns }]);
    }
    return out;
  };
  const baseRanges = byWorkload(baseEntries);
  for (const [workload, ranges] of byWorkload(headEntries)) {
    const was = baseRanges.get(workload) ?? [];
    // atoms at every boundary of both sides: each atom has one answer per side
    const atoms = atomize([...ranges, ...was].map((r) => r.range), []);
    let run: { range: IpRange; before: ConnectionSet; after: ConnectionSet } | undefined;
    const flush = () => {
      // named as the policies write it, like the outside pairs of the diff (`0.0.0.0/0`, not `0.0.0.0-255.255.255.255`)
      if (run) push(workload, peerKey({ kind: 'external', range: run.range }), run.before, run.after, addressText([run.range], blocks));
      run = undefined;
    };
    for (const atom of atoms) {
      const union = (rs: readonly { range: IpRange; conns: ConnectionSet }[]) => rs.filter((r) => rangeContains(r.range, atom)).reduce((c, r) => c.union(r.conns), ConnectionSet.NONE);
      const after = union(ranges);
      const before = union(was);
      // adjacent atoms with the same answers on both sides read as one range
      if (run && run.range.family === atom.family && run.range.hi + 1n === atom.lo && run.before.equals(before) && run.after.equals(after)) run = { ...run, range: { ...run.range, hi: atom.hi } };
      else {
        flush();
        run = { range: atom, before, after };
      }
    }
    flush();
  }
  widened.sort((a, b) => compareStrings(a.workload, b.workload) || compareStrings(a.peer, b.peer));
  return { widened };
}
