import { ConfigError, ExitCode } from '../diagnostics/errors.js';
import { parseInputs, type ActionSpec, type InputsOf } from './inputs.js';
import type { ActionRuntime } from './runtime.js';
import { placedLog } from './annotation-place.js';
import { overlayPlaces } from '../pipeline/overlay-place.js';

/** An Action: its spec (inputs, outputs) and what it does with parsed inputs; returns the exit code. */
export interface ActionDefinition<A extends ActionSpec = ActionSpec> {
  readonly spec: A;
  run(inputs: InputsOf<A>, rt: ActionRuntime): Promise<number>;
}

export function defineAction<A extends ActionSpec>(spec: A, run: (inputs: InputsOf<A>, rt: ActionRuntime) => Promise<number>): ActionDefinition<A> {
  return { spec, run };
}

/**
 * The single try/catch of every entry: the token is masked before anything else happens; a bad
 * input or bad manifests fail with exit 2 and a message naming them; a bug fails with exit 3 and
 * its stack.
 */
export async function runAction<A extends ActionSpec>(action: ActionDefinition<A>, given: ActionRuntime): Promise<number> {
  // every annotation at a place GitHub can show (a packaged subchart's member is cited in the message)
  const rt: ActionRuntime = { ...given, log: placedLog(given.log, overlayPlaces(given.io)) };
  if ('token' in action.spec.inputs) {
    const token = rt.input('token').trim();
    if (token !== '') rt.setSecret(token);
  }
  try {
    const inputs = parseInputs(action.spec, (name) => rt.input(name));
    return await action.run(inputs, rt);
  } catch (e) {
    if (e instanceof ConfigError) {
      rt.log.error(`configuration error: ${e.message}`);
      return ExitCode.badInput;
    }
    rt.log.error(`internal error (please report it): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return ExitCode.internal;
  }
}
