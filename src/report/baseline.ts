import { Codes, uniqueDiagnostics } from '../diagnostics/diagnostic.js';
import { CodeDescriptions } from '../diagnostics/descriptions.js';
import type { SourceRef } from '../diagnostics/diagnostic.js';
import type { Disagreement, DisagreeingPair } from '../baseline/compare.js';
import { formatEndpoint } from '../baseline/rules.js';
import { ruleRefLabel, ruleRefOrigin, type Cause, type RuleRef, type Violation } from '../baseline/violation.js';
import { peerKey } from '../model/peer.js';
import type { BaselineOutcome, RuleVerdict } from '../pipeline/baseline.js';
import { escapeMarkdown, markdownCode, oneLine } from './escape.js';
import { renderSarif, type SarifResult, type SarifRule } from './sarif-results.js';

export const BASELINE_FORMATS = ['txt', 'md', 'json', 'sarif'] as const;
export type BaselineFormat = (typeof BASELINE_FORMATS)[number];

function where(at: SourceRef | undefined): string {
  return at ? `${at.file}:${at.line ?? 1}` : '';
}

function ruleTitle(r: RuleRef): string {
  return `${where(ruleRefOrigin(r))} ${ruleRefLabel(r)}`;
}

const KIND_TEXT: Record<Violation['kind'], string> = {
  'forbidden-allowed': 'allowed, but the rule forbids it',
  'required-blocked': 'blocked, but the rule requires it',
  'outside-allow-rules': 'allowed, but no allow rule covers it',
};

function causeText(c: Cause): string {
  const side = c.direction === 'ingress' ? 'ingress' : 'egress';
  switch (c.verdict) {
    case 'allows':
      return `${side} allowed by ${c.policy ?? '?'} at ${where(c.at)} (${c.conns.toString()})`;
    case 'isolates':
      return `${side} isolated by ${c.policy ?? '?'} at ${where(c.at)}`;
    case 'denies':
      return `${side} denied by ${c.policy ?? '?'} at ${where(c.at)}`;
    case 'unrestricted':
      return `${side} unrestricted: no policy selects the ${side === 'ingress' ? 'destination' : 'source'}`;
  }
}

function verdictText(v: RuleVerdict): string {
  const parts = [v.builtin ? `builtin ${v.builtin}` : '', v.nca ? `nca ${v.nca}` : ''].filter(Boolean);
  return `${parts.join(', ')}; decided by ${v.decidedBy}`;
}

function pairText(p: DisagreeingPair): string {
  return `${peerKey(p.src)} => ${peerKey(p.dst)} : builtin ${p.builtin.isEmpty ? 'no violation' : p.builtin.toString()}, nca ${p.nca.isEmpty ? 'no violation' : p.nca.toString()}`;
}

function engineLine(o: BaselineOutcome): string {
  const nca = o.ncaVersion ? `nca ${o.ncaVersion}` : 'nca';
  return o.engine === 'both' ? `builtin + ${nca}` : o.engine === 'nca' ? nca : 'builtin';
}

/**
 * Input errors (a rule file or a manifest that could not be read) left rules or objects out of the
 * answer: with no violation among what was read, the verdict says so instead of "passed".
 */
function inputErrorCount(o: BaselineOutcome): number {
  return uniqueDiagnostics(o.diagnostics).filter((d) => d.severity === 'error').length;
}

const errorsText = (n: number) => `${n} input error${n === 1 ? '' : 's'}`;

export function renderBaselineTxt(o: BaselineOutcome): string {
  const lines: string[] = [];
  const failed = o.violations.length > 0 || o.disagreements.length > 0;
  const errors = inputErrorCount(o);
  const verdict = failed ? 'FAILED' : errors > 0 ? `INCOMPLETE, ${errorsText(errors)} left out` : 'passed';
  lines.push(`baseline: ${o.verdicts.length} rule(s), engine ${engineLine(o)}: ${verdict} (${o.violations.length} violation(s), ${o.disagreements.length} disagreement(s))`);
  for (const v of o.violations) {
    lines.push(`VIOLATION ${ruleTitle(v.rule)}: ${peerKey(v.src)} => ${peerKey(v.dst)} : ${v.conns.toString()} (${KIND_TEXT[v.kind]}; found by ${v.engine})`);
    for (const c of v.causes) lines.push(`  ${causeText(c)}`);
  }
  for (const d of o.disagreements) {
    lines.push(`DISAGREEMENT ${ruleTitle(d.rule)}: builtin says the rule ${d.builtinHolds ? 'holds' : 'is violated'}, nca says it ${d.ncaHolds ? 'holds' : 'is violated'}; ${d.pairs.length} pair(s) differ`);
    lines.push(`  smallest differing pair: ${pairText(d.witness)}`);
    for (const p of d.pairs) lines.push(`  ${pairText(p)}`);
  }
  for (const n of o.engineNotes) lines.push(`note (${n.engine}): ${n.rule ? `${ruleTitle(n.rule)}: ` : ''}${n.message}`);
  lines.push('rules:');
  for (const v of o.verdicts) lines.push(`  ${ruleTitle(v.rule)}: ${verdictText(v)}`);
  return `${lines.map(oneLine).join('\n')}\n`;
}

export function renderBaselineMd(o: BaselineOutcome): string {
  const failed = o.violations.length > 0 || o.disagreements.length > 0;
  const errors = inputErrorCount(o);
  const out: string[] = [];
  out.push(`### Baseline rules: ${failed ? '❌ failed' : errors > 0 ? `⚠️ ${errorsText(errors)} (left out of the answer)` : '✅ passed'}`, '');
  out.push(`${o.verdicts.length} rule(s) checked by ${escapeMarkdown(engineLine(o))}: ${o.violations.length} violation(s), ${o.disagreements.length} disagreement(s).`, '');
  if (o.violations.length > 0) {
    out.push('| rule | source | destination | connections | why |', '|---|---|---|---|---|');
    for (const v of o.violations) {
      const why = [KIND_TEXT[v.kind], ...v.causes.map(causeText)].map(escapeMarkdown).join('<br>');
      out.push(`| ${markdownCode(ruleTitle(v.rule))} | ${markdownCode(peerKey(v.src))} | ${markdownCode(peerKey(v.dst))} | ${markdownCode(v.conns.toString())} | ${why} |`);
    }
    out.push('');
  }
  if (o.disagreements.length > 0) {
    out.push('**The engines disagree** (one of them is wrong; a reviewer must decide):', '');
    out.push('| rule | builtin | nca | smallest differing pair |', '|---|---|---|---|');
    for (const d of o.disagreements) {
      out.push(`| ${markdownCode(ruleTitle(d.rule))} | ${d.builtinHolds ? 'holds' : 'violated'} | ${d.ncaHolds ? 'holds' : 'violated'} | ${markdownCode(pairText(d.witness))} |`);
    }
    out.push('');
  }
  for (const n of o.engineNotes) out.push(`> note (${n.engine}): ${escapeMarkdown(`${n.rule ? `${ruleTitle(n.rule)}: ` : ''}${n.message}`)}`, '');
  out.push('<details><summary>Rules</summary>', '', '| rule | from | to | verdict |', '|---|---|---|---|');
  for (const v of o.verdicts) {
    const from = v.rule.kind === 'rule' ? formatEndpoint(v.rule.rule.from) : '';
    const to = v.rule.kind === 'rule' ? formatEndpoint(v.rule.rule.to) : '';
    out.push(`| ${markdownCode(ruleTitle(v.rule))} | ${markdownCode(from)} | ${markdownCode(to)} | ${escapeMarkdown(verdictText(v))} |`);
  }
  out.push('', '</details>');
  return `${out.join('\n')}\n`;
}

function ruleJson(r: RuleRef): Record<string, unknown> {
  const at = ruleRefOrigin(r);
  if (r.kind === 'default-deny') return { kind: 'default-deny', file: at.file, line: at.line ?? 1 };
  return { kind: 'rule', name: r.rule.name, action: r.rule.action, file: at.file, line: at.line ?? 1, from: formatEndpoint(r.rule.from), to: formatEndpoint(r.rule.to), conns: r.rule.conns.toString() };
}

export function renderBaselineJson(o: BaselineOutcome): string {
  const doc = {
    engine: o.engine,
    ...(o.ncaVersion ? { ncaVersion: o.ncaVersion } : {}),
    passed: o.violations.length === 0 && o.disagreements.length === 0 && inputErrorCount(o) === 0,
    inputErrors: inputErrorCount(o),
    violations: o.violations.map((v) => ({
      rule: ruleJson(v.rule),
      kind: v.kind,
      src: peerKey(v.src),
      dst: peerKey(v.dst),
      conns: v.conns.toString(),
      engine: v.engine,
      causes: v.causes.map((c) => ({ verdict: c.verdict, direction: c.direction, ...(c.policy ? { policy: c.policy } : {}), ...(c.at ? { file: c.at.file, line: c.at.line ?? 1 } : {}), conns: c.conns.toString() })),
    })),
    disagreements: o.disagreements.map((d: Disagreement) => ({
      rule: ruleJson(d.rule),
      builtin: d.builtinHolds ? 'holds' : 'violated',
      nca: d.ncaHolds ? 'holds' : 'violated',
      witness: { src: peerKey(d.witness.src), dst: peerKey(d.witness.dst), builtin: d.witness.builtin.toString(), nca: d.witness.nca.toString() },
      pairs: d.pairs.map((p) => ({ src: peerKey(p.src), dst: peerKey(p.dst), builtin: p.builtin.toString(), nca: p.nca.toString() })),
    })),
    verdicts: o.verdicts.map((v) => ({ rule: ruleJson(v.rule), ...(v.builtin ? { builtin: v.builtin } : {}), ...(v.nca ? { nca: v.nca } : {}), decidedBy: v.decidedBy })),
    notes: o.engineNotes.map((n) => ({ engine: n.engine, ...(n.rule ? { rule: ruleJson(n.rule) } : {}), message: n.message })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function sarifRule(code: keyof typeof CodeDescriptions & string, level: SarifRule['level']): SarifRule {
  const d = CodeDescriptions[code as keyof typeof CodeDescriptions] ?? { name: code, short: code, full: code };
  return { id: code, name: d.name, shortDescription: d.short, fullDescription: d.full, level };
}

/** Each violation at the policy that allows it (or isolates an endpoint), the rule as a related location. */
export function renderBaselineSarif(o: BaselineOutcome, version: string): string {
  const rules = [sarifRule(Codes.baselineViolation, 'error'), sarifRule(Codes.baselineDisagreement, 'error'), sarifRule(Codes.baselineEngineNote, 'note')];
  const results: SarifResult[] = [];
  for (const v of o.violations) {
    const ruleAt = ruleRefOrigin(v.rule);
    const located = v.causes.find((c) => c.at);
    const ruleLoc = { file: ruleAt.file, ...(ruleAt.line !== undefined ? { line: ruleAt.line } : {}), message: `baseline rule ${ruleRefLabel(v.rule)}` };
    const policyLoc = located?.at ? { file: located.at.file, ...(located.at.line !== undefined ? { line: located.at.line } : {}) } : undefined;
    results.push({
      ruleId: Codes.baselineViolation,
      level: 'error',
      message: `${peerKey(v.src)} => ${peerKey(v.dst)} : ${v.conns.toString()}: ${KIND_TEXT[v.kind]} (${ruleRefLabel(v.rule)})${v.causes.length > 0 ? `; ${v.causes.map(causeText).join('; ')}` : ''}`,
      location: policyLoc ?? ruleLoc,
      related: policyLoc ? [ruleLoc] : [],
      fingerprint: `${ruleTitle(v.rule)}|${peerKey(v.src)}|${peerKey(v.dst)}|${v.kind}`,
    });
  }
  for (const d of o.disagreements) {
    const at = ruleRefOrigin(d.rule);
    results.push({
      ruleId: Codes.baselineDisagreement,
      level: 'error',
      message: `builtin says ${ruleRefLabel(d.rule)} ${d.builtinHolds ? 'holds' : 'is violated'}, nca says it ${d.ncaHolds ? 'holds' : 'is violated'}; smallest differing pair: ${pairText(d.witness)}`,
      location: { file: at.file, ...(at.line !== undefined ? { line: at.line } : {}) },
      fingerprint: `${ruleTitle(d.rule)}|disagreement`,
    });
  }
  for (const n of o.engineNotes) {
    const at = n.rule ? ruleRefOrigin(n.rule) : undefined;
    results.push({
      ruleId: Codes.baselineEngineNote,
      level: 'note',
      message: n.message,
      ...(at ? { location: { file: at.file, ...(at.line !== undefined ? { line: at.line } : {}) } } : {}),
      fingerprint: `${n.rule ? ruleTitle(n.rule) : 'run'}|note|${n.message}`,
    });
  }
  return renderSarif({ name: 'netpol-ci', version, informationUri: 'https://github.com/netpol-ci/netpol-ci' }, rules, results);
}
