import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { connectivityTxt, expectGolden, fixtureCases } from '../helpers/golden.js';

/**
 * One test per fixture: fixtures/connectivity/<case>/manifests/ -> expected/connectivity.txt.
 * Each golden was derived by hand from the policies (see the comments in the manifests) before it
 * was compared with the engine; `UPDATE_GOLDEN=1` rewrites them.
 */
const ROOT = path.join(FIXTURES, 'connectivity');

describe('connectivity goldens', () => {
  const cases = fixtureCases(ROOT);

  it('has the hand-checked cases', () => {
    expect(cases).toEqual(['anp-pass-then-np', 'cnp-admin-deny', 'default-deny-allow-port', 'ingress-controller', 'init-container-ports', 'ipblock-except', 'named-port']);
  });

  it.each(cases)('%s', (name) => {
    const { text, diagnostics } = connectivityTxt(path.join(ROOT, name, 'manifests'));
    // the fixtures are clean input: not even an informational diagnostic
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
    expectGolden(text, path.join(ROOT, name, 'expected', 'connectivity.txt'));
  });
});

describe('example app (fixtures/example-app)', () => {
  const dir = path.join(FIXTURES, 'example-app');

  it('matches its golden connectivity', () => {
    const { text, diagnostics } = connectivityTxt(path.join(dir, 'manifests'));
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
    expectGolden(text, path.join(dir, 'expected', 'connectivity.txt'));
  });
});
