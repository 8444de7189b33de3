import { ConfigError } from '../diagnostics/errors.js';
import type { ActionEvent } from './runtime.js';

/** A pull request as a `pull_request` or `pull_request_target` event describes it. */
export interface PullRequestInfo {
  readonly number: number;
  readonly baseSha: string;
  readonly headSha: string;
  /** The head branch lives in another repository: a `pull_request` run gets a read-only token. */
  readonly fromFork: boolean;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export function pullRequestOf(event: ActionEvent): PullRequestInfo | undefined {
  if (event.name !== 'pull_request' && event.name !== 'pull_request_target') return undefined;
  const pr = obj(event.payload.pull_request);
  const base = obj(pr?.base);
  const head = obj(pr?.head);
  const number = pr?.number;
  const baseSha = str(base?.sha);
  const headSha = str(head?.sha);
  if (typeof number !== 'number' || !baseSha || !headSha) return undefined;
  const headRepo = str(obj(head?.repo)?.full_name);
  const baseRepo = str(obj(base?.repo)?.full_name);
  return { number, baseSha, headSha, fromFork: headRepo !== undefined && headRepo !== baseRepo };
}

/** The refs to compare: the inputs when given, else the pull request's (or a push's) own. */
export function refsOf(event: ActionEvent, env: Readonly<Record<string, string | undefined>>, base: string | undefined, head: string | undefined): { base: string; head: string } {
  const pr = pullRequestOf(event);
  const pushBefore = event.name === 'push' ? str(event.payload.before) : undefined;
  // a merge queue tests the queued merge commit against the target branch
  const queued = event.name === 'merge_group' ? obj(event.payload.merge_group) : undefined;
  const b = base ?? pr?.baseSha ?? str(queued?.base_sha) ?? (pushBefore && !/^0+$/.test(pushBefore) ? pushBefore : undefined);
  const h = head ?? pr?.headSha ?? str(queued?.head_sha) ?? str(env.GITHUB_SHA);
  if (!b) throw new ConfigError(`input "base" is required on ${event.name || 'this'} events (it defaults to the pull request base only on pull_request events)`);
  if (!h) throw new ConfigError('input "head" is required (GITHUB_SHA is not set)');
  return { base: b, head: h };
}

/** The commit a report is for: the pull request head, else GITHUB_SHA. */
export function headShaOf(event: ActionEvent, env: Readonly<Record<string, string | undefined>>): string {
  return pullRequestOf(event)?.headSha ?? str(env.GITHUB_SHA) ?? '0000000';
}

/** What a `workflow_run` event says about the run that produced the report (trusted: GitHub wrote it). */
export interface WorkflowRunInfo {
  readonly event: string;
  readonly headSha: string;
  readonly headOwner?: string;
  readonly headBranch?: string;
  readonly pullNumbers: readonly number[];
}

export function workflowRunOf(event: ActionEvent): WorkflowRunInfo | undefined {
  if (event.name !== 'workflow_run') return undefined;
  const run = obj(event.payload.workflow_run);
  const headSha = str(run?.head_sha);
  if (!run || !headSha) return undefined;
  const pulls = Array.isArray(run.pull_requests) ? run.pull_requests : [];
  const headOwner = str(obj(obj(run.head_repository)?.owner)?.login);
  const headBranch = str(run.head_branch);
  return {
    event: str(run.event) ?? '',
    headSha,
    ...(headOwner ? { headOwner } : {}),
    ...(headBranch ? { headBranch } : {}),
    // only pull requests whose head is the commit that ran (the list may hold others of the branch)
    pullNumbers: pulls.flatMap((p) => {
      const pr = obj(p);
      return pr && typeof pr.number === 'number' && str(obj(pr.head)?.sha) === headSha ? [pr.number] : [];
    }),
  };
}
