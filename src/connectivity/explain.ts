import type { SourceRef } from '../diagnostics/diagnostic.js';
import { workloadKey } from '../manifests/cluster.js';
import { originRef } from '../manifests/objects.js';
import type { PodClass } from './classes.js';
import { ConnectionSet } from '../model/connection-set.js';
import { peerKey, type Peer, type PolicyEngine, type VerdictStep } from './engine.js';
import type { ConnectivityDiff } from './diff.js';
import type { IpRange } from '../model/ip.js';
import { policyKey, type Direction } from './policy.js';

/** One step of the verdict chain, resolved for display: `[ANP] Pass -> [NP] Allow`. */
export interface ExplainedStep {
  readonly layer: VerdictStep['layer'];
  readonly verdict: VerdictStep['verdict'];
  readonly policy?: string;
  readonly rule?: { readonly direction: Direction; readonly index: number; readonly name?: string };
  readonly at?: SourceRef;
  readonly conns: ConnectionSet;
}

export interface PairExplanation {
  readonly src: string;
  readonly dst: string;
  readonly conns: ConnectionSet;
  /** The source's egress verdicts (absent for external sources and the ingress controller). */
  readonly egress?: readonly ExplainedStep[];
  /** The destination's ingress verdicts (absent for external destinations). */
  readonly ingress?: readonly ExplainedStep[];
  /** For the ingress controller: the Ingress/Route objects and the ports they expose. */
  readonly exposure?: { readonly by: readonly string[]; readonly ports: ConnectionSet };
}

function resolveStep(s: VerdictStep): ExplainedStep {
  return {
    layer: s.layer,
    verdict: s.verdict,
    ...(s.policy ? { policy: policyKey(s.policy.ref) } : {}),
    ...(s.rule ? { rule: { direction: s.rule.ref.direction, index: s.rule.ref.index, ...(s.rule.ref.name ? { name: s.rule.ref.name } : {}) } } : {}),
    ...(s.policy ? { at: originRef(s.policy.origin, s.rule ? ['spec', s.rule.ref.direction, s.rule.ref.index] : []) } : {}),
    conns: s.conns,
  };
}

function atomOf(engine: PolicyEngine, range: IpRange): number {
  return engine.atoms.findIndex((a) => a.family === range.family && a.lo <= range.lo && range.lo <= a.hi);
}

function classOf(engine: PolicyEngine, p: Peer): PodClass | undefined {
  if (p.kind === 'workload') return engine.classes.byWorkload.get(workloadKey(p.ref))?.[0];
  if (p.kind === 'ingress-controller') return engine.classes.ingressController;
  return undefined;
}

/**
 * Why `src` may (or may not) reach `dst` under one configuration: the verdict chain of the
 * source's egress and of the destination's ingress, each step naming its policy, rule and line.
 */
export function explainPair(engine: PolicyEngine, src: Peer, dst: Peer): PairExplanation | undefined {
  const sc = classOf(engine, src);
  const dc = classOf(engine, dst);
  if ((src.kind !== 'external' && !sc) || (dst.kind !== 'external' && !dc)) return undefined;
  const asEvalPeer = (p: Peer, cls: PodClass | undefined) =>
    p.kind === 'external' ? ({ kind: 'atom', atom: atomOf(engine, p.range) } as const) : ({ kind: 'class', cls: cls as PodClass } as const);
  let conns = ConnectionSet.ALL;
  let egress: ExplainedStep[] | undefined;
  let ingress: ExplainedStep[] | undefined;
  let exposure: PairExplanation['exposure'];
  if (src.kind === 'workload' && sc) {
    const trace: VerdictStep[] = [];
    conns = conns.intersect(engine.evaluate(sc, 'egress', asEvalPeer(dst, dc), trace));
    egress = trace.map(resolveStep);
  }
  if (dst.kind === 'workload' && dc) {
    const trace: VerdictStep[] = [];
    conns = conns.intersect(engine.evaluate(dc, 'ingress', asEvalPeer(src, sc), trace));
    ingress = trace.map(resolveStep);
  }
  if (src.kind === 'ingress-controller' && dst.kind === 'workload') {
    const key = workloadKey(dst.ref);
    const ports = engine.exposure.ports.get(key) ?? ConnectionSet.NONE;
    exposure = { by: engine.exposure.exposedBy.get(key) ?? [], ports };
    conns = conns.intersect(ports);
  }
  return { src: peerKey(src), dst: peerKey(dst), conns, ...(egress ? { egress } : {}), ...(ingress ? { ingress } : {}), ...(exposure ? { exposure } : {}) };
}

function stepsOf(e: PairExplanation | undefined): ExplainedStep[] {
  return e ? [...(e.egress ?? []), ...(e.ingress ?? [])] : [];
}

/**
 * The policy files that changed the answer for a pair: those of the verdict steps found on one
 * side only (a rule that allows now and did not before, a policy that isolates only on one side).
 * Files of steps both sides share (an unchanged ANP that passes the same way) are left out.
 */
export function changedFiles(before: PairExplanation | undefined, after: PairExplanation | undefined): string[] {
  // the same rule in two trees has different file names (base/x.yaml, head/x.yaml): compare without them
  const id = (s: ExplainedStep) => `${s.layer}|${s.verdict}|${s.policy ?? ''}|${s.rule ? `${s.rule.direction}#${s.rule.index}` : ''}|${s.conns.key}`;
  const a = stepsOf(before);
  const b = stepsOf(after);
  const inA = new Set(a.map(id));
  const inB = new Set(b.map(id));
  const files = new Set<string>();
  for (const s of a) if (!inB.has(id(s)) && s.at) files.add(s.at.file);
  for (const s of b) if (!inA.has(id(s)) && s.at) files.add(s.at.file);
  return [...files].sort();
}

/** Why a diff entry changed: the verdict chains on each side, and the policy files that changed the answer. */
export interface EntryExplanation {
  readonly before?: PairExplanation;
  readonly after?: PairExplanation;
  /** The policy files whose verdicts differ between the sides (see changedFiles). */
  readonly files: readonly string[];
}

/**
 * Explains every entry of a diff on both sides. A side where a workload of the entry does not
 * exist has nothing to explain.
 */
export function explainDiff(before: PolicyEngine, after: PolicyEngine, diff: ConnectivityDiff): EntryExplanation[] {
  return diff.entries.map((e) => {
    const b = e.kind === 'added' && e.workloadsInfo ? undefined : explainPair(before, e.src, e.dst);
    const a = e.kind === 'removed' && e.workloadsInfo ? undefined : explainPair(after, e.src, e.dst);
    return { ...(b ? { before: b } : {}), ...(a ? { after: a } : {}), files: changedFiles(b, a) };
  });
}
