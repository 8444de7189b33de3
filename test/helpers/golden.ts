import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { nodeIo } from '../../src/io/node-io.js';
import { runConnectivity } from '../../src/pipeline/connectivity.js';
import { DEFAULT_READ_SETTINGS } from '../../src/pipeline/settings.js';
import { renderConnectivityTxt } from '../../src/report/connectivity.js';

/** `UPDATE_GOLDEN=1` rewrites the goldens; check the new output by hand before committing it. */
export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

/** The case folders under `root` (one fixture each), sorted. */
export function fixtureCases(root: string): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/**
 * Compares `actual` with the golden file. On a mismatch the actual output is written next to the
 * golden as `actual_<name>` (git-ignored), so that it can be diffed or inspected.
 */
export function expectGolden(actual: string, golden: string): void {
  const actualFile = path.join(path.dirname(golden), `actual_${path.basename(golden)}`);
  if (UPDATE_GOLDEN) {
    mkdirSync(path.dirname(golden), { recursive: true });
    writeFileSync(golden, actual);
    rmSync(actualFile, { force: true });
    return;
  }
  expect(existsSync(golden), `missing golden ${golden} (run with UPDATE_GOLDEN=1, then check it by hand)`).toBe(true);
  const expected = readFileSync(golden, 'utf8');
  if (actual === expected) {
    rmSync(actualFile, { force: true });
    return;
  }
  writeFileSync(actualFile, actual);
  expect(actual, `output differs from ${golden}; actual output in ${actualFile}`).toBe(expected);
}

/** The library pipeline the CLI runs: read the files, load the manifests, analyse, render as txt. */
export function connectivityTxt(manifestsDir: string): { text: string; diagnostics: readonly Diagnostic[] } {
  const r = runConnectivity(nodeIo(), [manifestsDir], DEFAULT_READ_SETTINGS);
  return { text: renderConnectivityTxt(r.connectivity), diagnostics: r.diagnostics };
}
