import { spawnSync } from './builtins.js';
import { ConfigError } from '../diagnostics/errors.js';
import type { KubectlTarget } from './types.js';

/** kubectl (KUBECTL_PATH or PATH), the way `kubectl kustomize` is found for rendering. */
function kubectlPath(): string {
  return process.env.KUBECTL_PATH || 'kubectl';
}

// klog prefixes carry a timestamp and a pid: `E1129 05:14:46.123456   12345 memcache.go:265] `
const KLOG_PREFIX = /^[IWEF]\d{4} \d\d:\d\d:\d\d\.\d+\s+\d+ [\w.-]+:\d+\] /;

/**
 * kubectl's complaint in one stable line: klog timestamps and pids dropped, the most telling line
 * kept (`Error from server (Forbidden): ...`, `error: context "x" does not exist`, `Unable to connect ...`).
 */
export function kubectlMessage(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.replace(KLOG_PREFIX, '').trim())
    .filter((l) => l !== '');
  const telling = lines.filter((l) => /^(error|Error from server|Unable to connect|The connection to the server)/i.test(l));
  const line = telling[telling.length - 1] ?? lines[lines.length - 1] ?? 'no message';
  return line.length > 400 ? `${line.slice(0, 400)}…` : line;
}

function targetArgs(t: KubectlTarget): string[] {
  return [...(t.kubeconfig ? ['--kubeconfig', t.kubeconfig] : []), ...(t.context ? ['--context', t.context] : []), `--request-timeout=${t.timeoutSeconds}s`];
}

/** Runs kubectl and returns stdout; every failure is a ConfigError (exit 2) quoting kubectl, never an empty answer. */
export function runKubectl(target: KubectlTarget, args: readonly string[], what: string): string {
  return runKubectlRaw(target, args, what, () => false).stdout;
}

function runKubectlRaw(target: KubectlTarget, args: readonly string[], what: string, tolerated: (stderr: string, stdout: string) => boolean): { stdout: string; stderr: string } {
  const full = [...targetArgs(target), ...args];
  // kubectl's own --request-timeout covers each request; this guards against everything else (discovery retries, a stuck exec plugin)
  const r = spawnSync(kubectlPath(), full, {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    timeout: (target.timeoutSeconds * 3 + 5) * 1000,
    killSignal: 'SIGKILL',
    env: process.env,
  });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ConfigError(`${what}: kubectl not found (install it, or set KUBECTL_PATH)`);
    if (code === 'ETIMEDOUT') throw new ConfigError(`${what}: kubectl did not finish within ${target.timeoutSeconds * 3 + 5}s (the server does not answer; --timeout sets the per-request limit)`);
    throw new ConfigError(`${what}: kubectl failed: ${r.error.message}`);
  }
  if (r.status !== 0 && !tolerated(r.stderr, r.stdout)) throw new ConfigError(`${what}: kubectl failed: ${kubectlMessage(r.stderr)}`);
  return { stdout: r.stdout, stderr: r.status === 0 ? '' : r.stderr };
}

// An aggregated API that is down (a broken metrics-server is the classic) fails discovery of its own
// group only: kubectl still lists every other resource type, which is all netpol-ci needs.
const PARTIAL_DISCOVERY = /unable to retrieve the complete list of server APIs/;

export function kubectlResources(target: KubectlTarget): { readonly resources: ReadonlySet<string>; readonly warning?: string } {
  const r = runKubectlRaw(target, ['api-resources', '-o', 'name'], 'listing the cluster resource types', (stderr, stdout) => PARTIAL_DISCOVERY.test(stderr) && stdout.trim() !== '');
  const resources = new Set(r.stdout.split('\n').map((l) => l.trim()).filter((l) => l !== ''));
  return r.stderr ? { resources, warning: kubectlMessage(r.stderr) } : { resources };
}

export function kubectlGet(target: KubectlTarget, resources: readonly string[], namespace?: string): string {
  const scope = namespace === undefined ? ['--all-namespaces'] : ['--namespace', namespace];
  return runKubectl(target, ['get', resources.join(','), ...scope, '-o', 'json'], `reading ${namespace === undefined ? 'all namespaces' : `namespace ${namespace}`} from the cluster`);
}
