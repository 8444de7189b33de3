import { ConfigError } from '../diagnostics/errors.js';
import { gitHubApi, type GitHubApi } from './github.js';
import { repositoryOf } from './publish.js';
import type { ActionLog } from './runtime.js';

/** The GitHub client for the runner's repository and API (GITHUB_REPOSITORY, GITHUB_API_URL). */
export function gitHubApiFor(env: Readonly<Record<string, string | undefined>>): (token: string, log: ActionLog) => GitHubApi {
  return (token, log) => {
    if (token === '') throw new ConfigError('input "token" is empty: commenting needs a token (default: github.token)');
    return gitHubApi(token, repositoryOf(env), log, env.GITHUB_API_URL);
  };
}
