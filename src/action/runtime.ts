import * as core from '@actions/core';
import type { Io } from '../io/types.js';
import type { GitHubApi } from './github.js';
import { inputEnvName } from './inputs.js';

/** A file and line a message is about (annotations). */
export interface AnnotationAt {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly title?: string;
}

/** The log, as the Actions see it: logic writes here and never imports @actions/core. */
export interface ActionLog {
  info(message: string): void;
  notice(message: string, at?: AnnotationAt): void;
  warning(message: string, at?: AnnotationAt): void;
  error(message: string, at?: AnnotationAt): void;
  /** Runs a stage inside a collapsible log group. */
  group<T>(name: string, fn: () => Promise<T> | T): Promise<T>;
}

/** The webhook event that started the workflow. */
export interface ActionEvent {
  readonly name: string;
  readonly payload: Record<string, unknown>;
}

/** Everything an Action touches of the runner, handed in by its entry. */
export interface ActionRuntime {
  readonly io: Io;
  readonly log: ActionLog;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly event: ActionEvent;
  /** Raw input value (`''` when unset). */
  input(name: string): string;
  setOutput(name: string, value: string | number | boolean): void;
  /** Masks a value in every later log line. */
  setSecret(value: string): void;
  /** Appends Markdown to the job summary. */
  summary(markdown: string): Promise<void>;
  /** A GitHub client acting with the token. */
  github(token: string): GitHubApi;
}

/** The runner's log through @actions/core: workflow commands on stdout. */
export function coreLog(): ActionLog {
  const props = (at?: AnnotationAt): core.AnnotationProperties | undefined =>
    at ? { file: at.file, ...(at.line ? { startLine: at.line } : {}), ...(at.column ? { startColumn: at.column } : {}), ...(at.title ? { title: at.title } : {}) } : undefined;
  return {
    info: (m) => core.info(m),
    notice: (m, at) => core.notice(m, props(at)),
    warning: (m, at) => core.warning(m, props(at)),
    error: (m, at) => core.error(m, props(at)),
    group: (name, fn) => core.group(name, async () => fn()),
  };
}

export { core };

/** The runner's runtime: inputs from `INPUT_*` (passed by the composite step), the event file, @actions/core. */
export function nodeRuntime(io: Io, github: (token: string, log: ActionLog) => GitHubApi): ActionRuntime {
  const env = process.env;
  const log = coreLog();
  const eventPath = env.GITHUB_EVENT_PATH;
  let payload: Record<string, unknown> = {};
  try {
    if (eventPath) payload = JSON.parse(io.readText(eventPath, 'GITHUB_EVENT_PATH')) as Record<string, unknown>;
  } catch (e) {
    // without the event, a run still reports; it only cannot find its pull request
    log.warning(`the event file (GITHUB_EVENT_PATH) is unreadable: ${e instanceof Error ? e.message : String(e)}`);
  }
  return {
    io,
    log,
    env,
    event: { name: env.GITHUB_EVENT_NAME ?? '', payload },
    input: (name) => env[inputEnvName(name)] ?? '',
    setOutput: (name, value) => core.setOutput(name, String(value)),
    setSecret: (value) => core.setSecret(value),
    summary: async (markdown) => {
      if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown, true).write();
    },
    github: (token) => github(token, log),
  };
}
