import { accessSync, constants } from 'node:fs';
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
