import os from 'node:os';
import path from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { fitMarkdown } from '../report/budget.js';
import { upsertStickyComment } from './comment.js';
import { GitHubForbiddenError } from './github.js';
import { commentKey, withMarker, type Marker } from './marker.js';
import { headShaOf, pullRequestOf } from './event.js';
import type { ActionRuntime, AnnotationAt } from './runtime.js';

/** GitHub refuses comment bodies over 65,536 characters; we budget bytes, which is stricter. */
export const COMMENT_MAX_BYTES = 65_536;
/** The job summary of one step holds at most 1 MiB. */
export const SUMMARY_MAX_BYTES = 1024 * 1024 - 1024;

export interface CommentSettings {
  readonly comment: boolean;
  readonly token: string;
  readonly 'comment-key'?: string | undefined;
  readonly 'on-empty': 'update' | 'delete';
}

/** Where the run's job summary is (the link the truncation note gives). */
export function runUrl(env: ActionRuntime['env']): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return server && repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined;
}

export function repositoryOf(env: ActionRuntime['env']): { owner: string; repo: string } {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) throw new Error('GITHUB_REPOSITORY is not set (owner/repo)');
  return { owner, repo };
}

/** The marker for this run's report. */
export function markerFor(rt: ActionRuntime, kind: string, key: string | undefined, empty: boolean, sha = headShaOf(rt.event, rt.env)): Marker {
  return { kind, key: commentKey(rt.env.GITHUB_WORKFLOW ?? '', key ?? kind), sha, empty };
}

/** The report file (`report-path`): the full body with its marker, for an artifact the comment action may post. */
export function writeReport(rt: ActionRuntime, name: string, text: string): string {
  const file = path.join(rt.env.RUNNER_TEMP || os.tmpdir(), 'netpol-ci', name);
  rt.io.writeFiles(new Map([[file, text]]), { createFolders: true });
  return file;
}

export async function writeSummary(rt: ActionRuntime, markdown: string): Promise<void> {
  const fitted = fitMarkdown(markdown, SUMMARY_MAX_BYTES, `The report is larger than a job summary holds; the full report is the \`report-path\` file (upload it as an artifact).`);
  await rt.summary(fitted.text);
}

/** Diagnostics of the inputs as annotations at their file and line (errors and warnings), all in the log. */
export function annotateDiagnostics(rt: ActionRuntime, diagnostics: readonly Diagnostic[], fileOf: (shown: string) => string | undefined = (f) => f): void {
  for (const d of diagnostics) {
    if (d.severity === 'info') continue;
    const file = d.at ? fileOf(d.at.file) : undefined;
    const at: AnnotationAt | undefined = file ? { file, ...(d.at?.line ? { line: d.at.line } : {}), ...(d.at?.column ? { column: d.at.column } : {}), title: d.code } : undefined;
    const text = formatDiagnostic(d);
    if (d.severity === 'error') rt.log.error(text, at);
    else rt.log.warning(text, at);
  }
}

/**
 * Posts (or updates, or deletes) the sticky comment for a report, when the event is a pull request
 * and the token may write. Never fails the step for want of permission: the report is in the job
 * summary and the report file either way.
 */
export async function postComment(rt: ActionRuntime, settings: CommentSettings, marker: Marker, markdown: string, issue: number): Promise<void> {
  const url = runUrl(rt.env);
  const note = `**Report cut to fit a comment.** The full report is in the [job summary](${url ?? '#'}) and the \`netpol-ci-report\` artifact.`;
  const room = COMMENT_MAX_BYTES - Buffer.byteLength(withMarker(marker, ''), 'utf8');
  const fitted = fitMarkdown(markdown, room, note);
  if (fitted.truncated) rt.log.warning(`the report (${Buffer.byteLength(markdown, 'utf8')} bytes) was cut to fit a comment; the job summary has all of it`);
  const api = rt.github(settings.token);
  try {
    const outcome = await upsertStickyComment(api, { issue, marker, body: fitted.text, onEmpty: settings['on-empty'] }, rt.log);
    switch (outcome.action) {
      case 'created':
      case 'updated':
      case 'unchanged':
        rt.log.info(`comment ${outcome.action}: ${outcome.comment.url}`);
        rt.setOutput('comment-id', outcome.comment.id);
        rt.setOutput('comment-url', outcome.comment.url);
        break;
      case 'deleted':
        rt.log.info(`nothing to report: comment ${outcome.ids.join(', ')} deleted`);
        break;
      case 'skipped':
        rt.log.info(`comment left as it is: ${outcome.reason}`);
        break;
    }
  } catch (e) {
    if (!(e instanceof GitHubForbiddenError)) throw e;
    rt.log.warning(`could not write the pull request comment (${e.message}). The token needs "pull-requests: write"; for pull requests from forks use the two-workflow pattern (README, "Fork pull requests"). The full report is in the job summary.`);
  }
}

/** The common tail of a report-producing action: report file, job summary, and the comment on a pull request. */
/**
 * The report to the job summary, the report file and (on a pull request) the sticky comment.
 * `comment`, when given, is the comment's body: a rendering of the same report made to fit a
 * comment (the summary and the file keep `markdown` whole).
 */
export async function publishReport(rt: ActionRuntime, kind: string, markdown: string, empty: boolean, settings: CommentSettings, comment: string = markdown): Promise<void> {
  const marker = markerFor(rt, kind, settings['comment-key'], empty);
  const reportPath = writeReport(rt, `${kind}-${marker.key}.md`, withMarker(marker, markdown));
  rt.setOutput('report-path', reportPath);
  await writeSummary(rt, markdown);
  if (!settings.comment) return;
  const pr = pullRequestOf(rt.event);
  if (!pr) {
    rt.log.info(`no pull request in this ${rt.event.name || 'unknown'} event: no comment`);
    return;
  }
  if (pr.fromFork && rt.event.name === 'pull_request') {
    rt.log.notice('pull request from a fork: this run has a read-only token, so the report is in the job summary and in `report-path`. Upload it as an artifact and post it from a workflow_run workflow with the comment action (README, "Fork pull requests").');
    return;
  }
  await rt.log.group('comment', () => postComment(rt, settings, marker, comment, pr.number));
}
