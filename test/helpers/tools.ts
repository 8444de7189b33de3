import { spawnSync } from 'node:child_process';
import { accessSync, constants, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, runCli, type CliResult, type RunOptions } from './cli.js';

/** Where `go install helm.sh/helm/v3/cmd/helm@...` (the project's .ci/run) puts helm. */
const GO_HELM = '/root/go/bin/helm';

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable `name` on PATH, or undefined. */
export function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, name);
    if (executable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The real helm the render tests use: HELM_PATH if set, else `helm` on PATH, else the go-installed
 * /root/go/bin/helm. Throws (the tests must not silently skip) when none of them runs.
 */
export function findHelm(): string {
  const fromEnv = process.env.HELM_PATH;
  const helm = fromEnv || onPath('helm') || (executable(GO_HELM) ? GO_HELM : undefined);
  if (!helm) throw new Error('helm not found: set HELM_PATH, put helm on PATH, or install it at /root/go/bin/helm');
  return helm;
}

/** The real kubectl: KUBECTL_PATH if set, else `kubectl` on PATH. */
export function findKubectl(): string {
  const kubectl = process.env.KUBECTL_PATH || onPath('kubectl');
  if (!kubectl) throw new Error('kubectl not found: set KUBECTL_PATH or put kubectl on PATH');
  return kubectl;
}

export const HELM = findHelm();
export const KUBECTL = findKubectl();

/** The environment for a CLI child process: it finds exactly the helm and kubectl the tests use. */
export const TOOL_ENV: NodeJS.ProcessEnv = { HELM_PATH: HELM, KUBECTL_PATH: KUBECTL };

function runTool(bin: string, args: readonly string[], cwd: string): string {
  const r = spawnSync(bin, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** `helm template <args...> > out`, by hand (cwd: the repository root); returns `out`. */
export function helmTemplate(args: readonly string[], out: string, cwd: string = REPO_ROOT): string {
  writeFileSync(out, runTool(HELM, ['template', ...args], cwd));
  return out;
}

/** `kubectl kustomize <args...> > out`, by hand (cwd: the repository root); returns `out`. */
export function kubectlKustomize(args: readonly string[], out: string, cwd: string = REPO_ROOT): string {
  writeFileSync(out, runTool(KUBECTL, ['kustomize', ...args], cwd));
  return out;
}

/** `git <args...>` in `repo`, with a fixed identity (no global git config needed). */
export function git(repo: string, ...args: string[]): string {
  return runTool('git', ['-c', 'user.name=netpol-ci test', '-c', 'user.email=test@netpol-ci.invalid', '-c', 'commit.gpgsign=false', ...args], repo);
}

/** runCli with the tests' helm and kubectl (HELM_PATH, KUBECTL_PATH); `env` entries win. */
export function runWithTools(args: readonly string[], options: RunOptions = {}): CliResult {
  return runCli(args, { ...options, env: { ...TOOL_ENV, ...options.env } });
}
