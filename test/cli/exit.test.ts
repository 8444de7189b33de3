import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { endRun, type RunningProcess } from '../../src/io/exit.js';
import { REPO_ROOT } from '../helpers/cli.js';

/** A stand-in for `process` that records whether it was told to exit. */
function standIn(stdoutPending: number, stderrPending: number): RunningProcess & { exited: boolean } {
  return {
    stdout: { writableLength: stdoutPending },
    stderr: { writableLength: stderrPending },
    exited: false,
    exit() {
      this.exited = true;
    },
  };
}

describe('endRun', () => {
  it('ends the process when nothing is left to write', () => {
    const p = standIn(0, 0);
    expect(endRun(p)).toBe(true);
    expect(p.exited).toBe(true);
  });

  it('leaves the process to end by itself while a write to stdout or stderr is pending', () => {
    for (const [out, err] of [
      [1, 0],
      [0, 4096],
    ] as const) {
      const p = standIn(out, err);
      expect(endRun(p)).toBe(false);
      expect(p.exited).toBe(false);
    }
  });
});

/**
 * The bundled CLI ends with process.exit (io/exit.ts): what it wrote must all be there, through a
 * pipe as into a file, with the exit code of the run, and the 'exit' listeners (the code cache's
 * writer) must still run.
 */
describe('the bundled CLI ends when its run does', () => {
  const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'npc-exit-'));
  const app = path.join(dir, 'app');

  const run = (args: string[], env: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', ...env } });

  it('writes a large report whole through a pipe, the same bytes as into a file', async () => {
    const generator = (await import(pathToFileURL(path.join(REPO_ROOT, 'bench/generate.mjs')).href)) as { generateApp: (n: number) => { files: Map<string, string> } };
    for (const [rel, text] of generator.generateApp(1000).files) {
      mkdirSync(path.dirname(path.join(app, rel)), { recursive: true });
      writeFileSync(path.join(app, rel), text);
    }
    const piped = run(['connectivity', app, '--format', 'json']);
    expect(piped.status, piped.stderr).toBe(0);
    const file = path.join(dir, 'report.json');
    const written = run(['connectivity', app, '--format', 'json', '-o', file]);
    expect(written.status, written.stderr).toBe(0);
    // far more than a pipe holds (64 KiB): a write still pending at the exit would cut it short
    expect(piped.stdout.length).toBeGreaterThan(512 * 1024);
    expect(piped.stdout).toBe(readFileSync(file, 'utf8'));
    expect((JSON.parse(piped.stdout) as unknown[]).length).toBeGreaterThan(1000);
  });

  it('keeps the exit code of the run: 1 for findings, 2 for input errors', () => {
    const bad = path.join(dir, 'bad');
    mkdirSync(bad);
    writeFileSync(path.join(bad, 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers: 7\n');
    const r = run(['connectivity', bad]);
    expect(r.stderr).toMatch(/pod\.yaml:\d+/);
    expect(r.status).toBe(2);
    expect(run(['connectivity', path.join(dir, 'missing')]).status).toBe(2);
  });

  it('still runs the exit listeners: the code cache entry is written', () => {
    const cache = path.join(dir, 'cache');
    const r = run(['connectivity', path.join(REPO_ROOT, 'fixtures', 'example-app', 'manifests'), '--cache-dir', cache]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(path.join(cache, 'code-cache')).filter((f) => /^connectivity-[0-9a-f]{32}\.v8$/.test(f))).toHaveLength(1);
  });
});
