import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { LARGE_INPUT_CHARS, restoreStartTuning, startShortRunTuning, tuneForInput, turboInlining } from '../../src/io/v8-tuning.js';
import { CLI } from '../helpers/cli.js';
import { tempDir } from '../helpers/fixtures.js';

const KEY = Symbol.for('netpol-ci.v8-tuning');

describe('TurboFan inlining: off for a short run, back for a large input', () => {
  afterAll(() => {
    // this test process gets V8's default back
    v8.setFlagsFromString('--turbo-inlining');
    delete (globalThis as Record<symbol, unknown>)[KEY];
  });

  it('without a start (tests, the Actions) nothing changes; after one, only an input past the limit turns it back on, and the start is restored for the code cache', () => {
    tuneForInput(LARGE_INPUT_CHARS * 2);
    expect(turboInlining()).toBe(true);
    startShortRunTuning();
    expect(turboInlining()).toBe(false);
    tuneForInput(LARGE_INPUT_CHARS - 1);
    expect(turboInlining()).toBe(false);
    tuneForInput(LARGE_INPUT_CHARS);
    expect(turboInlining()).toBe(true);
    restoreStartTuning();
    expect(turboInlining()).toBe(false);
  });

  // the entry (dist/cli.js) and the CLI proper (dist/cli/main.cjs) each bundle the module: the state is shared
  const probeRun = (dir: string) => {
    const probe = path.join(dir, 'probe.cjs');
    const out = path.join(dir, 'tuning.json');
    writeFileSync(probe, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(globalThis[Symbol.for('netpol-ci.v8-tuning')])));\n`);
    const r = spawnSync(process.execPath, ['--require', probe, CLI, 'connectivity', path.join(dir, 'app')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(readFileSync(out, 'utf8')) as { inlining: boolean; atStart: boolean };
  };

  it('the bundled CLI: a small app runs without inlining; manifests past the limit turn it back on', () => {
    const small = tempDir();
    mkdirSync(path.join(small, 'app'));
    writeFileSync(path.join(small, 'app', 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop, labels: {app: p}}\n');
    expect(probeRun(small)).toEqual({ inlining: false, atStart: false });
    const large = tempDir();
    mkdirSync(path.join(large, 'app'));
    // five ConfigMaps of 3.5 MB each (below the file size limit), 17.5 MB in all
    const value = 'x'.repeat(3.5 * 1024 * 1024);
    for (let i = 0; i < 5; i++) writeFileSync(path.join(large, 'app', `cm-${i}.yaml`), `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-${i}, namespace: shop}\ndata:\n  big: ${value}\n`);
    expect(probeRun(large)).toEqual({ inlining: true, atStart: false });
  });
});
