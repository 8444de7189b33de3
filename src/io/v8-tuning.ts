import v8 from 'node:v8';

/**
 * V8's optimising compiler (TurboFan) inlines the functions a hot function calls. That makes the
 * optimised code faster, and its compilation several times dearer: on the 2-core machine of the
 * benchmark (README, Performance) a `connectivity` run at 5,000 workloads spent about 600 ms of CPU
 * in compiler threads, beside a main thread of about 1.1 s. A run of seconds never wins that back:
 * without inlining, `connectivity` at 5,000 workloads took 11% less wall time, at 300 workloads
 * 10% less, the PR `check` at 5,000 15% less; at 20,000 workloads (37 MB of manifests) it took 13%
 * more, the optimised code running long enough to pay for its compilation. So the CLI starts
 * without inlining, and an input past LARGE_INPUT_CHARS gets V8's default back for the code
 * optimised from then on (most of it: the first files are read before anything is hot).
 *
 * A heuristic of the compiler only: the code computes the same answers either way. The state is
 * the process's (V8's flags are), hence module-level, set by the CLI's entry and its I/O only.
 */
export const LARGE_INPUT_CHARS = 16 * 1024 * 1024;

/**
 * Kept on the global object under a registered symbol: the CLI's entry (dist/cli.js) and the CLI
 * proper (dist/cli/main.cjs) are two bundles, each with its own copy of this module.
 */
interface Tuning {
  inlining: boolean;
  /** The setting the entry started the run with; undefined when nothing set one (tests, the Actions). */
  atStart: boolean | undefined;
}
const KEY = Symbol.for('netpol-ci.v8-tuning');
const state = (): Tuning => ((globalThis as { [KEY]?: Tuning })[KEY] ??= { inlining: true, atStart: undefined });

/** At the CLI's start, before its code is compiled: no inlining (a short run). */
export function startShortRunTuning(): void {
  setInlining(false);
  state().atStart = false;
}

/** After reading an input of `chars` characters (or bytes): a large one gets inlining back, once. */
export function tuneForInput(chars: number): void {
  const s = state();
  if (s.atStart !== undefined && !s.inlining && chars >= LARGE_INPUT_CHARS) setInlining(true);
}

/**
 * The flags the run started with, restored before the code cache is written: V8 checks a cache
 * against the flags it was made with, and every run starts as the entry set them.
 */
export function restoreStartTuning(): void {
  const s = state();
  if (s.atStart !== undefined && s.inlining !== s.atStart) setInlining(s.atStart);
}

/** Whether TurboFan inlines now (for tests). */
export function turboInlining(): boolean {
  return state().inlining;
}

function setInlining(on: boolean): void {
  v8.setFlagsFromString(on ? '--turbo-inlining' : '--no-turbo-inlining');
  state().inlining = on;
}
