import { ConfigError, ExitCode } from '../diagnostics/errors.js';
import { pullRequestOf, workflowRunOf } from './event.js';
import { commentSpec } from './inputs.js';
import { parseMarker, stripMarkers } from './marker.js';
import { markerFor, postComment } from './publish.js';
import { defineAction } from './run-action.js';
import type { ActionRuntime } from './runtime.js';

const REPORT_KINDS: readonly string[] = ['check', 'diff'];

/**
 * Posts a report file as the sticky comment: the second half of the fork-safe pattern. The file
 * comes from an artifact the pull request's own code may have written, so it is data and nothing
 * more: its size is checked, its marker is dropped and re-derived from this workflow's identity
 * and the event's head SHA, and the pull request number comes from the event GitHub wrote (or the
 * API), never from the file. The only thing taken from the file is whether it says "nothing to
 * report", which decides no more than what the PR's author could decide by changing the PR.
 */
export const commentAction = defineAction(commentSpec, async (inputs, rt) => {
  const target = await pullRequestTarget(rt, inputs['pr-number'], inputs.token);
  if (!target) {
    rt.log.info(`no pull request for this ${rt.event.name || 'unknown'} event: nothing to comment on`);
    return ExitCode.ok;
  }
  const text = rt.io.readText(inputs['report-file'], 'report-file');
  const size = Buffer.byteLength(text, 'utf8');
  if (size > inputs['max-report-bytes']) throw new ConfigError(`input "report-file": ${size} bytes, more than max-report-bytes (${inputs['max-report-bytes']})`);
  const parsed = parseMarker(text);
  // only a report kind we write; anything else is treated as a check report
  const claimed = parsed && REPORT_KINDS.includes(parsed.kind) ? parsed : parsed ? { ...parsed, kind: 'check' } : undefined;
  const body = stripMarkers(text);
  const marker = markerFor(rt, claimed?.kind ?? 'check', inputs['comment-key'] ?? claimed?.kind ?? 'check', claimed?.empty ?? false, target.sha);
  rt.setOutput('pr-number', target.number);
  if (!inputs.comment) return ExitCode.ok;
  await rt.log.group(`comment on #${target.number}`, () => postComment(rt, inputs, marker, body, target.number));
  return ExitCode.ok;
});

/** The pull request and head SHA, from the event (workflow_run: its payload, or an API lookup for fork heads). */
async function pullRequestTarget(rt: ActionRuntime, given: number | undefined, token: string): Promise<{ number: number; sha: string } | undefined> {
  const pr = pullRequestOf(rt.event);
  if (pr) return { number: given ?? pr.number, sha: pr.headSha };
  const run = workflowRunOf(rt.event);
  if (!run) {
    if (given === undefined) return undefined;
    const api = rt.github(token);
    return { number: given, sha: await api.pullHead(given) };
  }
  if (given !== undefined) return { number: given, sha: run.headSha };
  const listed = run.pullNumbers[0];
  if (listed !== undefined) return { number: listed, sha: run.headSha };
  // GitHub leaves workflow_run.pull_requests empty for pull requests from forks: ask which open PR has this head
  if (run.event !== 'pull_request' || !run.headOwner || !run.headBranch) return undefined;
  const found = await rt.github(token).findPull(run.headOwner, run.headBranch, run.headSha);
  return found === undefined ? undefined : { number: found, sha: run.headSha };
}
