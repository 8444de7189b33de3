import { placeText } from '../../diagnostics/diagnostic.js';
import { driftBasisText } from '../drift-basis.js';
import type { Decision } from '../../connectivity/causes.js';
import { peerKey } from '../../model/peer.js';
import type { BrokenLink, ChangeItem, CheckOutcome } from '../../pipeline/check.js';
import { oneLine } from '../escape.js';
import { causeText } from './causes.js';
import { linkPeerText } from './peer-text.js';
import { evidenceText } from '../../topology/links.js';
import type { LinkGap } from '../../topology/merge.js';
import { checkSummary } from './summary.js';

const traceText = (g: LinkGap) => {
  const traces = g.evidence.filter((e) => e.kind === 'trace').map(evidenceText);
  return traces.length > 0 ? ` (${traces.join(', ')})` : '';
};

function sentence(it: ChangeItem): string {
  switch (it.kind) {
    case 'added':
      return `${it.src} can now reach ${it.dst} on ${it.after.toString()}`;
    case 'removed':
      return `${it.src} can no longer reach ${it.dst} (was ${it.before.toString()})`;
    case 'changed':
      if (it.before.isAll) return `${it.src} -> ${it.dst}: now only on ${it.after.toString()} (was all connections)`;
      if (it.after.isAll) return `${it.src} -> ${it.dst}: now on all connections (was ${it.before.toString()})`;
      return `${it.src} -> ${it.dst}: ${[!it.gained.isEmpty ? `now also on ${it.gained.toString()}` : '', !it.lost.isEmpty ? `no longer on ${it.lost.toString()}` : ''].filter(Boolean).join('; ')} (now ${it.after.toString()})`;
  }
}

function decision(d: Decision): string {
  const steps = d.steps.map((s) => `${s.policy ?? s.layer}${s.rule ? ` ${s.rule.direction} rule ${s.rule.index}` : ''}${s.at ? ` (${placeText(s.at)})` : ''}`).join(', ');
  if (d.verdict === 'open') return `${d.direction} not restricted`;
  if (d.verdict === 'allowed') return `${d.direction} allowed by ${steps}`;
  return d.steps.length ? `${d.direction} denied by ${steps}` : `${d.direction} allows none of it`;
}

/** A broken link: its declared source, then (observed) the trace lines that show it in use. */
const unmet = (u: BrokenLink) => {
  const declared = u.link.evidence.find((e) => e.kind !== 'trace');
  const traces = u.link.evidence.filter((e) => e.kind === 'trace').map(evidenceText);
  const dns = u.dns === 'named' ? ['DNS: names the cluster DNS Service'] : u.dns === 'egress' ? ['DNS: every workload with egress resolves names'] : [];
  const why = [...dns, ...(declared ? [evidenceText(declared)] : []), ...(traces.length > 0 ? [`observed: ${traces.join(', ')}`] : [])];
  return `${linkPeerText(u.link.src)} needs ${linkPeerText(u.link.dst)} on ${u.link.conns.toString()}${why.length > 0 ? ` (${why.join('; ')})` : ''}; head allows ${u.allowed.isEmpty ? 'none of it' : `only ${u.allowed.toString()}`}${u.baseNeeded ? ` (the PR moved the need: base needed ${u.baseNeeded.toString()})` : ''}`;
};

/** The check as plain text for a terminal: the verdict, then one line per change under its cause. */
export function renderCheckTxt(o: CheckOutcome): string {
  const s = checkSummary(o);
  const out = [`netpol-ci check: ${s.verdict}`, `${o.refs.base} -> ${o.refs.head}${o.commits ? ` (head ${o.commits.head})` : ''}`];
  if (o.outside.length) out.push('', 'Newly reachable from outside the cluster:', ...o.outside.map((it) => `  ${sentence(it)}`));
  if (o.exposure?.widened.length) out.push(...(o.outside.length ? [] : ['', 'Newly reachable from outside the cluster:']), ...o.exposure.widened.map((w) => `  ${w.workload} is now reachable from ${w.peerText} ${w.before.isEmpty ? `on ${w.after.toString()}` : `now also on ${w.gained.toString()} (now ${w.after.toString()})`}`));
  if (o.baseline) out.push('', 'Baseline violations:', ...o.baseline.violations.map((v) => `  ${v.rule}: ${v.src} -> ${v.dst} on ${v.conns}`));
  if (o.drift) {
    // what the policies were judged against (policies synthesized on another basis show as drift)
    const basis = o.drift.basis ? ` (${driftBasisText(o.drift.basis)})` : '';
    out.push('', `Drift${basis}:`, ...o.drift.findings.map((f) => `  ${f.kind} ${f.subject}: ${f.message}`));
  }
  if (o.lint) {
    out.push('', `Policy sanity (lint), new in this PR:${o.lint.findings.length ? '' : ' none'}${o.lint.existing ? ` (${o.lint.existing} already on base not shown)` : ''}`);
    out.push(...o.lint.findings.map((f) => `  ${placeText(f.at)} ${f.code} ${f.policy}${f.rule ? ` ${f.rule}` : ''}: ${f.message}${f.coveredBy.length ? ` (covered by ${f.coveredBy.join(', ')})` : ''}`));
  }
  o.groups.forEach((g, i) => {
    const files = [...new Set(g.causes.flatMap((c) => c.files.map((f) => f.path)))];
    // the Markdown cause sentence without its code spans
    const cause = g.causes.map((c) => causeText(c.cause).replace(/`/g, '')).join('; ') || 'no change the PR made to these objects was found';
    out.push('', `${i + 1}. ${cause}${files.length ? ` [${files.join(', ')}]` : ''}`);
    for (const it of g.items) {
      out.push(`  ${sentence(it)}`);
      if (it.why.base.length) out.push(`    base: ${it.why.base.map(decision).join('; ')}`);
      if (it.why.head.length) out.push(`    head: ${it.why.head.map(decision).join('; ')}`);
    }
  });
  if (o.broken.length) out.push('', 'Needed links this PR breaks:', ...o.broken.map((u) => `  ${unmet(u)}`));
  if (o.gaps.length) out.push('', 'Gaps:', ...o.gaps.map((g) => `  ${g.workload}: ${g.value} (${placeText(g.at)}${g.values ? `; values ${placeText(g.values)}${g.values.path?.length ? ` ${g.values.path.join('.')}` : ''}` : ''}) ${g.detail}`));
  if (o.traffic) {
    const list = (title: string, gaps: readonly LinkGap[]) =>
      out.push('', `${title} (${gaps.length}):`, ...gaps.map((g) => `  ${peerKey(g.src)} -> ${peerKey(g.dst)} on ${g.conns.toString()}${traceText(g)}`));
    list('Observed, not declared', o.traffic.observedNotDeclared);
    list('Declared, never observed', o.traffic.declaredNotObserved);
  }
  return `${out.map(oneLine).join('\n')}\n`;
}
