import path from 'node:path';
import { ConfigError } from '../diagnostics/errors.js';
import { workloadKey } from '../model/peer.js';
import { runDiff } from '../pipeline/diff.js';
import { runScan } from '../pipeline/scan.js';
import { renderDiffMd } from '../report/diff.js';
import { escapeMarkdown, markdownCode } from '../report/escape.js';
import type { CheckFinding, CheckRunner } from './check-result.js';

/**
 * The adapter from the pipeline to the check action (MERGE POINT: point it at `runCheck` from
 * src/pipeline/check.ts, mapping its CheckOutcome onto CheckResult).
 *
 * Until then it runs what this branch has: the semantic diff between the refs and the gaps of the
 * head (addresses that resolve to nothing). Baseline and drift inputs are refused rather than
 * ignored.
 */
export const checkRunner: CheckRunner = (io, request, settings) => {
  if (request.baseline.length > 0 || request.policies !== undefined) {
    throw new ConfigError('inputs "baseline" and "policies" need the check use-case, which this build does not include');
  }
  const diff = runDiff(io, { kind: 'repo', repo: request.repo, base: request.base, head: request.head, paths: request.paths }, settings, { explain: true });
  const tree = io.exportTree(request.repo, request.head, request.paths.length > 0 ? request.paths : ['.']);
  try {
    const scan = runScan(io, [tree.dir], settings);
    const rel = (f: string) => path.relative(tree.dir, f).split(path.sep).join('/');
    const gaps = scan.topology.unresolved;
    const findings: CheckFinding[] = gaps.map((u) => ({
      rule: `gap/${u.reason}`,
      file: rel(u.at.file),
      ...(u.at.line ? { line: u.at.line } : {}),
      level: 'warning',
      title: `netpol-ci gap (${u.reason})`,
      message: `${workloadKey(u.workload)}: ${JSON.stringify(u.value)} ${u.detail}`,
    }));
    const count = (k: string) => diff.diff.entries.filter((e) => e.kind === k).length;
    const parts = [renderDiffMd({ diff: diff.diff, refs: diff.refs, ...(diff.explanations ? { explanations: diff.explanations } : {}) })];
    if (gaps.length > 0) {
      parts.push(`#### Gaps at ${markdownCode(request.head)} (${gaps.length})`, '');
      for (const u of gaps) parts.push(`- ${markdownCode(`${rel(u.at.file)}:${u.at.line ?? 0}`)} ${markdownCode(workloadKey(u.workload))} ${markdownCode(u.value)}: ${escapeMarkdown(u.detail)}`);
      parts.push('');
    }
    return {
      markdown: parts.join('\n'),
      empty: diff.diff.entries.length === 0 && gaps.length === 0,
      diff: { added: count('added'), removed: count('removed'), changed: count('changed') },
      gaps: gaps.length,
      findings,
      diagnostics: diff.diagnostics,
    };
  } finally {
    tree.dispose();
  }
};
