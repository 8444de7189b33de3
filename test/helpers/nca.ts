import type { SpawnSyncReturns } from 'node:child_process';
import { accessSync, constants, existsSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onPath } from './tools.js';

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where .ci/run installs nca. */
const KNOWN = [path.join(os.homedir(), '.cache', 'netpol-ci', 'nca-venv', 'bin', 'nca')];

/**
 * The real nca the baseline tests run: NCA_PATH, else `nca` on PATH, else a known venv. Throws
 * when none is there: the tests must not silently skip.
 */
export function findNcaForTests(): string {
  const nca = process.env.NCA_PATH || onPath('nca') || KNOWN.find(executable);
  if (!nca) throw new Error('nca not found: set NCA_PATH, or run .ci/run (pip install network-config-analyzer==2.1.0 in a venv)');
  return nca;
}

/**
 * The venv that holds the real nca (NCA_VENV_DIR, else the folder above the bin/ of
 * findNcaForTests' nca, symlinks resolved), for the composite action's test that restores it as
 * its cache. Throws when that nca is not in a venv: the test must not silently skip.
 */
export function findNcaVenvForTests(): string {
  if (process.env.NCA_VENV_DIR) return process.env.NCA_VENV_DIR;
  const nca = findNcaForTests();
  // a venv's bin/nca is a script, not a symlink, but the venv folder itself may be reached through one
  const venv = path.dirname(path.dirname(realpathSync(path.resolve(nca))));
  if (!existsSync(path.join(venv, 'pyvenv.cfg'))) throw new Error(`${nca} is not in a Python venv (no ${path.join(venv, 'pyvenv.cfg')}): set NCA_VENV_DIR, or run .ci/run`);
  return venv;
}

/**
 * nca's stderr for an assertion's message, headed by why nca gave no exit status when it gave
 * none: killed at the spawn timeout, or never started. (A run that takes a second once reached the
 * 120 s timeout on a stalled machine, FC_SEED=202, and the failure read only "expected null to be 0".)
 */
export function ncaMessage(r: SpawnSyncReturns<string>): string {
  if (r.status !== null) return r.stderr;
  return `nca gave no exit status (${r.error?.message ?? `killed by ${r.signal ?? 'a signal'}`})\n${r.stderr ?? ''}`;
}
