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

/** The pod classes a peer stands for: a workload whose pods carry different labels has several. */
function classesOf(engine: PolicyEngine, p: Peer): readonly (PodClass | undefined)[] | undefined {
  if (p.kind === 'workload') {
    const list = engine.classes.byWorkload.get(workloadKey(p.ref));
    return list && list.length > 0 ? list : undefined;
  }
  if (p.kind === 'ingress-controller') return engine.classes.ingressController ? [engine.classes.ingressController] : undefined;
  if (p.kind === 'external') return [undefined];
  return undefined;
}

const stepId = (s: ExplainedStep) => `${s.layer}|${s.verdict}|${s.policy ?? ''}|${s.rule ? `${s.rule.direction}#${s.rule.index}` : ''}|${s.conns.key}`;

/** Steps of several pod classes, each distinct step once, in first-seen order. */
function distinctSteps(steps: readonly ExplainedStep[]): ExplainedStep[] {
  const seen = new Set<string>();
  return steps.filter((s) => !seen.has(stepId(s)) && (seen.add(stepId(s)), true));
}

/**
 * Why `src` may (or may not) reach `dst` under one configuration: the verdict chain of the
 * source's egress and of the destination's ingress, each step naming its policy, rule and line.
 * The answer is computed from the same pod classes as `connectivity`: a workload whose pods carry
 * different labels is the union of its classes, and its chains hold the steps of each.
 */
export function explainPair(engine: PolicyEngine, src: Peer, dst: Peer): PairExplanation | undefined {
  const srcClasses = classesOf(engine, src);
  const dstClasses = classesOf(engine, dst);
  if (!srcClasses || !dstClasses) return undefined;
  const asEvalPeer = (p: Peer, cls: PodClass | undefined) =>
    p.kind === 'external' ? ({ kind: 'atom', atom: atomOf(engine, p.range) } as const) : ({ kind: 'class', cls: cls as PodClass } as const);
  let conns = ConnectionSet.NONE;
  const egress: ExplainedStep[] = [];
  const ingress: ExplainedStep[] = [];
  // the ingress controller's egress is restricted only by admin policies that select it
  let controllerRestricted = false;
  for (const sc of srcClasses) {
    for (const dc of dstClasses) {
      let pair = ConnectionSet.ALL;
      if ((src.kind === 'workload' || src.kind === 'ingress-controller') && sc) {
        const trace: VerdictStep[] = [];
        pair = pair.intersect(engine.evaluate(sc, 'egress', asEvalPeer(dst, dc), trace));
        egress.push(...trace.map(resolveStep));
        if (src.kind === 'ingress-controller' && trace.some((t) => t.layer !== 'default')) controllerRestricted = true;
      }
      if (dst.kind === 'workload' && dc) {
        const trace: VerdictStep[] = [];
        pair = pair.intersect(engine.evaluate(dc, 'ingress', asEvalPeer(src, sc), trace));
        ingress.push(...trace.map(resolveStep));
      }
      conns = conns.union(pair);
    }
  }
  let exposure: PairExplanation['exposure'];
  if (src.kind === 'ingress-controller' && dst.kind === 'workload') {
    const key = workloadKey(dst.ref);
    const ports = engine.exposure.ports.get(key) ?? ConnectionSet.NONE;
    exposure = { by: engine.exposure.exposedBy.get(key) ?? [], ports };
    conns = conns.intersect(ports);
  }
  return {
    src: peerKey(src),
    dst: peerKey(dst),
    conns,
    ...(src.kind === 'workload' || controllerRestricted ? { egress: distinctSteps(egress) } : {}),
    ...(dst.kind === 'workload' ? { ingress: distinctSteps(ingress) } : {}),
    ...(exposure ? { exposure } : {}),
  };
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
  const id = stepId;
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
    const b = e.kind === 'added' && e.oneSided ? undefined : explainPair(before, e.src, e.dst);
    const a = e.kind === 'removed' && e.oneSided ? undefined : explainPair(after, e.src, e.dst);
    return { ...(b ? { before: b } : {}), ...(a ? { after: a } : {}), files: changedFiles(b, a) };
  });
}
