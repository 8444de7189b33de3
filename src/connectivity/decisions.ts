import type { ConnectionSet } from '../model/connection-set.js';
import type { ExplainedStep } from './explain.js';
import type { Policy } from './policy.js';

/** The step(s) of one direction that decide a pair's answer for the connections of interest. */
export interface Decision {
  readonly direction: 'egress' | 'ingress';
  /** allowed: a rule admits them; denied: a rule or isolation refuses them; open: no policy selects the pod in this direction. */
  readonly verdict: 'allowed' | 'denied' | 'open';
  readonly steps: readonly ExplainedStep[];
}

/**
 * Why one side answers as it does for `interest` (the connections that changed): per direction,
 * the rules that allow them or the policies that deny them, not the whole verdict chain. Among
 * isolating policies, those with no rule in that direction (default-deny) are named, not the ones
 * that merely allow something else (allow-DNS).
 */
export function decisions(policies: ReadonlyMap<string, Policy>, side: { readonly egress?: readonly ExplainedStep[]; readonly ingress?: readonly ExplainedStep[] } | undefined, interest: ConnectionSet): Decision[] {
  if (!side) return [];
  const out: Decision[] = [];
  for (const direction of ['egress', 'ingress'] as const) {
    const steps = side[direction];
    if (!steps) continue;
    const touching = steps.filter((s) => !s.conns.intersect(interest).isEmpty);
    const allows = touching.filter((s) => s.verdict === 'Allow');
    if (allows.length > 0 && allows.every((s) => s.layer === 'default')) {
      out.push({ direction, verdict: 'open', steps: [] });
      continue;
    }
    if (allows.length > 0) {
      out.push({ direction, verdict: 'allowed', steps: allows.filter((s) => s.layer !== 'default').map((s) => clip(s, interest)) });
      continue;
    }
    const denies = touching.filter((s) => s.verdict === 'Deny');
    if (denies.length > 0) {
      out.push({ direction, verdict: 'denied', steps: denies.map((s) => clip(s, interest)) });
      continue;
    }
    const isolated = touching.filter((s) => s.verdict === 'Isolated');
    const pure = isolated.filter((s) => s.policy && (policies.get(s.policy)?.rules[direction].length ?? 1) === 0);
    if (isolated.length > 0) out.push({ direction, verdict: 'denied', steps: (pure.length > 0 ? pure : isolated).map((s) => clip(s, interest)) });
    else if (steps.length === 0 || touching.length === 0) out.push({ direction, verdict: 'denied', steps: [] });
  }
  return out;
}

function clip(s: ExplainedStep, interest: ConnectionSet): ExplainedStep {
  return { ...s, conns: s.conns.intersect(interest) };
}
