import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { parseOutputFile } from './action-runner.js';

/**
 * Runs a composite action.yml the way the runner does: steps in order, each `if:` evaluated, each
 * `run:` script through `bash --noprofile --norc -eo pipefail` with the step's `env:` (expressions
 * resolved from the inputs and earlier steps' outputs) and a fresh GITHUB_OUTPUT. `uses:` steps
 * are not run (they are GitHub's own actions); a handler may stand in for them (the cache restore).
 * Only the expression forms the generator writes are understood; anything else fails the test.
 */
interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

export interface CompositeRun {
  readonly steps: { name: string; ran: boolean; code?: number; uses?: string; with?: Record<string, string> }[];
  readonly outputs: Record<string, string>;
  readonly log: string;
  readonly code: number;
}

export interface CompositeOptions {
  readonly actionFile: string;
  readonly inputs: Record<string, string>;
  /** The runner's environment (GITHUB_*, RUNNER_*) */
  readonly env: Record<string, string>;
  readonly cwd: string;
  /** Stand-ins for `uses:` steps, by action name (without @ref); what one returns is the step's outputs. */
  readonly uses?: Record<string, (withs: Record<string, string>) => void | Record<string, string>>;
  /** What `${{ github.token }}` is. */
  readonly githubToken: string;
}

export async function runComposite(o: CompositeOptions): Promise<CompositeRun> {
  const doc = YAML.parse(readFileSync(o.actionFile, 'utf8')) as { inputs: Record<string, { default?: string }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: Step[] } };
  if (doc.runs.using !== 'composite') throw new Error('not a composite action');
  const stepOutputs: Record<string, Record<string, string>> = {};
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(doc.inputs)) inputs[name] = o.inputs[name] ?? (spec.default === '${{ github.token }}' ? o.githubToken : (spec.default ?? ''));

  const value = (ref: string): string => {
    let m = /^inputs\.([a-z0-9-]+)$/.exec(ref);
    if (m) return inputs[m[1] as string] ?? '';
    m = /^steps\.([a-z0-9-]+)\.outputs\.([a-z0-9-]+)$/.exec(ref);
    if (m) return stepOutputs[m[1] as string]?.[m[2] as string] ?? '';
    // the event payload, as the runner reads it (missing fields are empty)
    m = /^github\.event((?:\.[a-z0-9_]+)+)$/.exec(ref);
    if (m) {
      const payload: unknown = o.env.GITHUB_EVENT_PATH ? JSON.parse(readFileSync(o.env.GITHUB_EVENT_PATH, 'utf8')) : {};
      const v = (m[1] as string).slice(1).split('.').reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined), payload);
      return v === undefined || v === null ? '' : String(v);
    }
    throw new Error(`expression not understood: ${ref}`);
  };
  const expand = (text: string) => text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, ref: string) => value(ref));
  // `a == 'x'`, and conjunctions of those with `always()`; without always(), a step after a failed one does not run
  let failed = 0;
  const condition = (expr: string | undefined): boolean => {
    const terms = (expr ?? '').split(' && ').map((t) => t.trim()).filter((t) => t !== '');
    const always = terms.includes('always()');
    if (failed !== 0 && !always) return false;
    return terms
      .filter((t) => t !== 'always()')
      .every((t) => {
        const m = /^([a-z0-9.-]+) (==|!=) '([^']*)'$/.exec(t);
        if (!m) throw new Error(`condition not understood: ${expr}`);
        const v = value(m[1] as string);
        return m[2] === '==' ? v === m[3] : v !== m[3];
      });
  };

  const steps: CompositeRun['steps'] = [];
  let log = '';
  const dir = path.dirname(o.actionFile);
  for (const [i, step] of doc.runs.steps.entries()) {
    const name = step.name ?? `step ${i}`;
    if (!condition(step.if)) {
      steps.push({ name, ran: false });
      continue;
    }
    if (step.uses) {
      const withs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, expand(String(v))]));
      const outputs = o.uses?.[step.uses.split('@')[0] as string]?.(withs);
      if (step.id && outputs) stepOutputs[step.id] = outputs;
      steps.push({ name, ran: true, uses: step.uses, with: withs });
      continue;
    }
    if (step.shell !== 'bash') throw new Error(`${name}: shell ${step.shell}`);
    const outFile = path.join(o.env.RUNNER_TEMP as string, `step-${i}-output`);
    writeFileSync(outFile, '');
    const script = path.join(o.env.RUNNER_TEMP as string, `step-${i}.sh`);
    writeFileSync(script, step.run ?? '');
    const env = { ...o.env, GITHUB_ACTION_PATH: dir, GITHUB_OUTPUT: outFile, ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(String(v))])) };
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: o.cwd, env });
    child.stdout.on('data', (d: Buffer) => (log += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (log += d.toString('utf8')));
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
    if (step.id) stepOutputs[step.id] = parseOutputFile(readFileSync(outFile, 'utf8'));
    steps.push({ name, ran: true, code });
    if (code !== 0 && failed === 0) failed = code;
  }
  if (failed !== 0) return { steps, outputs: {}, log, code: failed };
  const outputs = Object.fromEntries(Object.entries(doc.outputs).map(([k, v]) => [k, expand(v.value)]));
  return { steps, outputs, log, code: 0 };
}

/** A cache restore: the venv the cache would bring back, here the machine's real nca venv. */
export function restoreVenv(from: string): (withs: Record<string, string>) => void {
  return (withs) => {
    mkdirSync(path.dirname(withs.path as string), { recursive: true });
    symlinkSync(from, withs.path as string);
  };
}
