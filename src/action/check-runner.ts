import type { SourceRef } from '../diagnostics/diagnostic.js';
import { peerKey } from '../model/peer.js';
import { runGatedCheck } from '../pipeline/check-gates.js';
import { renderCheckMd } from '../report/check/md.js';
import { renderPoliciesYaml } from '../report/policies.js';
import type { CheckFinding, CheckRunner } from './check-result.js';
import { headInputErrors } from '../report/check/summary.js';

/**
 * The check action's adapter onto the pipeline: `runGatedCheck` (the same use-case as
 * `netpol-ci check --repo`), its Markdown, counts and the findings to annotate at their file and
 * line: baseline violations, drift, needed links the PR breaks, gaps the PR adds.
 */
export const checkRunner: CheckRunner = (io, request, settings) => {
  const o = runGatedCheck(
    io,
    { kind: 'repo', repo: request.repo, base: request.base, head: request.head, paths: request.paths },
    {
      ...(request.baseline.length > 0 ? { baselineFiles: request.baseline, engine: request.engine } : {}),
      ...(request.policies !== undefined ? { policies: request.policies } : {}),
      ...(request.traffic.length > 0 ? { traffic: { files: request.traffic, ...(request.cidrAliases ? { cidrAliases: request.cidrAliases } : {}) } } : {}),
      ...(request.lint ? { lint: true } : {}),
      ...(request.exposure ? { exposure: true } : {}),
      ...(request.drift ? { drift: request.drift } : {}),
      ...(request.dns ? { dns: request.dns } : {}),
      renderPolicies: renderPoliciesYaml,
    },
    settings,
  );
  // files of the head side are shown as `HEAD:path`; annotations want the repository path
  const headPrefix = `${request.head}:`;
  const where = (at: SourceRef | undefined): { file: string; line?: number } | undefined => {
    if (!at) return undefined;
    const file = at.file.startsWith(headPrefix) ? at.file.slice(headPrefix.length) : at.file;
    return { file, ...(at.line ? { line: at.line } : {}) };
  };
  const findings: CheckFinding[] = [];
  const add = (f: Omit<CheckFinding, 'file' | 'line'>, at: SourceRef | undefined) => {
    const w = where(at);
    if (w) findings.push({ ...f, ...w });
  };
  for (const v of o.baseline?.violations ?? []) add({ rule: `baseline/${v.action}`, level: 'error', title: `netpol-ci baseline rule ${v.rule}`, message: `${v.src} -> ${v.dst}: ${v.conns}` }, v.at);
  for (const d of o.drift?.findings ?? []) add({ rule: `drift/${d.kind}`, level: d.kind === 'missing' ? 'error' : 'warning', title: `netpol-ci drift (${d.kind})`, message: `${d.subject}: ${d.message}` }, d.at);
  for (const b of o.broken) {
    const ev = b.link.evidence.find((e) => 'at' in e);
    add({ rule: 'broken-link', level: 'error', title: 'netpol-ci: this PR breaks a needed link', message: `${peerKey(b.link.src)} needs ${b.dns ? 'DNS at ' : ''}${peerKey(b.link.dst)} on ${b.missing.toString()}${b.dns === 'named' ? ' (it names the cluster DNS Service here)' : ''}; head allows ${b.allowed.isEmpty ? 'none of it' : b.allowed.toString()}` }, ev && 'at' in ev ? ev.at : undefined);
  }
  // every gap of head is annotated where it is written (the PR may not have added it, but it is still unknown)
  for (const g of o.gaps) add({ rule: `gap/${g.reason}`, level: 'warning', title: `netpol-ci gap (${g.reason})`, message: `${g.workload}: ${JSON.stringify(g.value)} ${g.detail}` }, g.at);
  for (const f of o.lint?.findings ?? []) add({ rule: `lint/${f.kind}`, level: 'warning', title: `netpol-ci lint (${f.kind}) new in this PR`, message: `${f.message}${f.coveredBy.length ? ` (covered by ${f.coveredBy.join(', ')})` : ''}` }, f.at);
  const count = (k: string) => o.diff.entries.filter((e) => e.kind === k).length;
  const violations = o.baseline?.violations.length;
  const drift = o.drift?.findings.length;
  const lint = o.lint?.findings.length;
  return {
    markdown: renderCheckMd(o),
    // input errors are reported: a comment listing them is never "empty" (deleted, or left stale)
    empty: o.diff.entries.length === 0 && o.broken.length === 0 && !o.gaps.some((g) => g.introduced) && !violations && !drift && !lint && !o.exposure?.widened.length && headInputErrors(o).length === 0,
    diff: { added: count('added'), removed: count('removed'), changed: count('changed') },
    ...(violations !== undefined ? { violations } : {}),
    ...(drift !== undefined ? { drift } : {}),
    broken: o.broken.length,
    gaps: o.gaps.length,
    ...(lint !== undefined ? { lint } : {}),
    findings,
    diagnostics: o.headDiagnostics,
  };
};
