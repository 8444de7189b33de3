import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { ActionLog } from './runtime.js';

/** The few GitHub calls the Actions make, behind an interface the comment logic is written against. */
export interface IssueComment {
  readonly id: number;
  readonly body: string;
  readonly login: string;
  readonly url: string;
}

export type CommitOrder = 'ahead' | 'behind' | 'identical' | 'diverged';

export interface GitHubApi {
  /** The login the token acts as. */
  login(): Promise<string>;
  /** Every comment of an issue or pull request, all pages. */
  listComments(issue: number): Promise<IssueComment[]>;
  createComment(issue: number, body: string): Promise<IssueComment>;
  updateComment(id: number, body: string): Promise<IssueComment>;
  deleteComment(id: number): Promise<void>;
  /** The pull request's current head SHA. */
  pullHead(pull: number): Promise<string>;
  /** How `head` relates to `base` (`ahead`: head is newer); undefined when GitHub cannot compare them (a force-pushed commit). */
  compare(base: string, head: string): Promise<CommitOrder | undefined>;
  /** The open pull request whose head is `owner:branch` at `sha` (fork PRs: workflow_run lists none). */
  findPull(owner: string, branch: string, sha: string): Promise<number | undefined>;
}

/** A write the token may not make (a fork's read-only token, missing `pull-requests: write`). */
export class GitHubForbiddenError extends Error {
  override readonly name = 'GitHubForbiddenError';
}

/** The login GitHub shows for comments made with the workflow's GITHUB_TOKEN (which cannot read /user). */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

interface HttpError {
  readonly status?: number;
  readonly message?: string;
}
export const statusOf = (e: unknown): number | undefined => (typeof e === 'object' && e !== null ? (e as HttpError).status : undefined);

/** Retries: 5xx by plugin-retry; primary and secondary rate limits by plugin-throttling, a few times, with a warning. */
const MAX_RATE_LIMIT_RETRIES = 3;

export function gitHubApi(token: string, repository: { owner: string; repo: string }, log: ActionLog, apiUrl?: string): GitHubApi {
  const octokit = getOctokit(
    token,
    {
      ...(apiUrl ? { baseUrl: apiUrl } : {}),
      log: { debug: () => {}, info: () => {}, warn: (m: string) => log.warning(m), error: (m: string) => log.warning(m) },
      retry: { retries: 3 },
      throttle: {
        onRateLimit: (after: number, options: { method: string; url: string }, _o: unknown, count: number) => {
          log.warning(`GitHub rate limit on ${options.method} ${options.url}; retrying in ${after}s`);
          return count < MAX_RATE_LIMIT_RETRIES;
        },
        onSecondaryRateLimit: (after: number, options: { method: string; url: string }, _o: unknown, count: number) => {
          log.warning(`GitHub secondary rate limit on ${options.method} ${options.url}; retrying in ${after}s`);
          return count < MAX_RATE_LIMIT_RETRIES;
        },
      },
    },
    retry,
    throttling,
  );
  const { owner, repo } = repository;
  const comment = (c: { id: number; body?: string | null; user?: { login: string } | null; html_url: string }): IssueComment => ({
    id: c.id,
    body: c.body ?? '',
    login: c.user?.login ?? '',
    url: c.html_url,
  });
  const write = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (e) {
      if (statusOf(e) === 403) throw new GitHubForbiddenError(`${what}: ${(e as HttpError).message ?? 'forbidden'} (HTTP ${statusOf(e)})`);
      throw e;
    }
  };
  return {
    async login() {
      try {
        return (await octokit.rest.users.getAuthenticated()).data.login;
      } catch (e) {
        // installation tokens (GITHUB_TOKEN) may not read /user; their comments are the Actions bot's
        if (statusOf(e) === 403 || statusOf(e) === 401) return ACTIONS_BOT_LOGIN;
        throw e;
      }
    },
    async listComments(issue) {
      const all = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: issue, per_page: 100 });
      return all.map(comment);
    },
    createComment: (issue, body) => write('creating the comment', async () => comment((await octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body })).data)),
    updateComment: (id, body) => write('updating the comment', async () => comment((await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body })).data)),
    deleteComment: (id) =>
      write('deleting the comment', async () => {
        await octokit.rest.issues.deleteComment({ owner, repo, comment_id: id });
      }),
    async pullHead(pull) {
      return (await octokit.rest.pulls.get({ owner, repo, pull_number: pull })).data.head.sha;
    },
    async compare(base, head) {
      try {
        const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${base}...${head}`, per_page: 1 });
        return data.status;
      } catch (e) {
        if (statusOf(e) === 404 || statusOf(e) === 422) return undefined;
        throw e;
      }
    },
    async findPull(headOwner, branch, sha) {
      const pulls = await octokit.paginate(octokit.rest.pulls.list, { owner, repo, state: 'open', head: `${headOwner}:${branch}`, per_page: 100 });
      return pulls.find((p) => p.head.sha === sha)?.number;
    },
  };
}
