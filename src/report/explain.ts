import { placeText } from '../diagnostics/diagnostic.js';
import type { ExplainedStep, PairExplanation } from '../connectivity/explain.js';
import { oneLine } from './escape.js';

function step(s: ExplainedStep): string {
  const rule = s.rule ? ` ${s.rule.direction} rule ${s.rule.index}${s.rule.name ? ` "${s.rule.name}"` : ''}` : '';
  const where = s.at ? ` (${placeText(s.at)})` : '';
  const what = s.policy ? `${s.policy}${rule}${where}` : s.layer === 'default' ? 'no policy applies' : '';
  return `    [${s.layer}] ${s.verdict} ${s.conns.toString()}: ${what}`;
}

/** `[ANP] Pass -> [NP] Allow`, with repeated steps shown once. */
export function verdictChain(steps: readonly ExplainedStep[]): string {
  return steps
    .map((s) => `[${s.layer}] ${s.verdict}`)
    .filter((n, i, all) => n !== all[i - 1])
    .join(' -> ');
}

/** The answer for one pair, then the verdict chain of each side with the rule and line behind each step. */
export function renderExplanationTxt(x: PairExplanation): string {
  const out = [`${x.src} => ${x.dst} : ${x.conns.toString()}`];
  if (x.exposure) out.push(`  ingress controller: exposed by ${x.exposure.by.join(', ') || 'nothing'} on ${x.exposure.ports.toString()}`);
  if (x.egress) out.push(`  source egress: ${verdictChain(x.egress)}`, ...x.egress.map(step));
  else out.push('  source egress: not restricted (not a pod in the cluster)');
  if (x.ingress) out.push(`  destination ingress: ${verdictChain(x.ingress)}`, ...x.ingress.map(step));
  else out.push('  destination ingress: not restricted (outside the cluster)');
  return `${out.map(oneLine).join('\n')}\n`;
}

function stepData(s: ExplainedStep) {
  return {
    layer: s.layer,
    verdict: s.verdict,
    ...(s.policy ? { policy: s.policy } : {}),
    ...(s.rule ? { rule: s.rule } : {}),
    ...(s.at ? { at: `${placeText(s.at)}` } : {}),
    conns: s.conns.toString(),
  };
}

/** One side of an explanation as plain data: the answer and each side's verdict steps. */
export function explanationData(p: PairExplanation) {
  return {
    conns: p.conns.toString(),
    ...(p.egress ? { egress: p.egress.map(stepData) } : {}),
    ...(p.ingress ? { ingress: p.ingress.map(stepData) } : {}),
    ...(p.exposure ? { exposure: { by: p.exposure.by, ports: p.exposure.ports.toString() } } : {}),
  };
}

/** `connectivity --explain --format json`: one object per explained pair (an array for an address range cut in parts). */
export function renderExplanationsJson(xs: readonly PairExplanation[]): string {
  const data = xs.map((x) => ({ src: x.src, dst: x.dst, ...explanationData(x) }));
  return `${JSON.stringify(data.length === 1 ? data[0] : data, null, 2)}\n`;
}
