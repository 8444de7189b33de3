import type { ExplainedStep, PairExplanation } from '../connectivity/explain.js';
import { oneLine } from './escape.js';

function step(s: ExplainedStep): string {
  const rule = s.rule ? ` ${s.rule.direction} rule ${s.rule.index}${s.rule.name ? ` "${s.rule.name}"` : ''}` : '';
  const where = s.at ? ` (${s.at.file}:${s.at.line ?? 0})` : '';
  const what = s.policy ? `${s.policy}${rule}${where}` : s.layer === 'default' ? 'no policy applies' : '';
  return `    [${s.layer}] ${s.verdict} ${s.conns.toString()}: ${what}`;
}

function chain(steps: readonly ExplainedStep[]): string {
  return steps
    .map((s) => `[${s.layer}] ${s.verdict}`)
    .filter((n, i, all) => n !== all[i - 1])
    .join(' -> ');
}

/** The answer for one pair, then the verdict chain of each side with the rule and line behind each step. */
export function renderExplanationTxt(x: PairExplanation): string {
  const out = [`${x.src} => ${x.dst} : ${x.conns.toString()}`];
  if (x.exposure) out.push(`  ingress controller: exposed by ${x.exposure.by.join(', ') || 'nothing'} on ${x.exposure.ports.toString()}`);
  if (x.egress) out.push(`  source egress: ${chain(x.egress)}`, ...x.egress.map(step));
  else out.push('  source egress: not restricted (not a pod in the cluster)');
  if (x.ingress) out.push(`  destination ingress: ${chain(x.ingress)}`, ...x.ingress.map(step));
  else out.push('  destination ingress: not restricted (outside the cluster)');
  return `${out.map(oneLine).join('\n')}\n`;
}
