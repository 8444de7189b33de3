import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_NICENESS, yieldBackgroundThreads } from '../../src/io/thread-priority.js';
import { REPO_ROOT } from '../helpers/cli.js';

/**
 * The bundled entry lowers the priority of the process's other threads (V8's workers) and keeps
 * the main thread's: read back from /proc/self/task/<tid>/stat (field 19, the nice value) by a
 * module the run imports, at its exit.
 */
describe.runIf(process.platform === 'linux')('the CLI leaves the main thread its core', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'npc-prio-'));
  const probe = path.join(dir, 'probe.mjs');
  const out = path.join(dir, 'threads.json');
  writeFileSync(
    probe,
    `import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
process.on('exit', () => {
  const threads = readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync('/proc/self/task/' + tid + '/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { tid: Number(tid), nice: Number(fields[16]) };
  });
  writeFileSync(${JSON.stringify(out)}, JSON.stringify({ pid: process.pid, threads }));
});
`,
  );

  const run = (niceness: number) => {
    const args = ['--import', probe, path.join(REPO_ROOT, 'dist', 'cli.js'), 'connectivity', path.join(REPO_ROOT, 'fixtures', 'example-app', 'manifests')];
    const r = niceness === 0 ? spawnSync(process.execPath, args, { encoding: 'utf8' }) : spawnSync('nice', ['-n', String(niceness), process.execPath, ...args], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(readFileSync(out, 'utf8')) as { pid: number; threads: { tid: number; nice: number }[] };
  };

  it('runs V8’s background threads BACKGROUND_NICENESS below the main thread', () => {
    const { pid, threads } = run(0);
    const main = threads.find((t) => t.tid === pid);
    const others = threads.filter((t) => t.tid !== pid);
    expect(main?.nice).toBe(0);
    // V8's platform workers at least (four by default)
    expect(others.length).toBeGreaterThanOrEqual(4);
    // threads started after the entry (none by default) would inherit the main thread's priority
    expect(others.filter((t) => t.nice === BACKGROUND_NICENESS).length).toBeGreaterThanOrEqual(4);
  });

  it('relative to the process’s own priority, never raising any thread’s', () => {
    const { pid, threads } = run(3);
    expect(threads.find((t) => t.tid === pid)?.nice).toBe(3);
    const others = threads.filter((t) => t.tid !== pid);
    expect(others.every((t) => t.nice >= 3)).toBe(true);
    expect(others.filter((t) => t.nice === 3 + BACKGROUND_NICENESS).length).toBeGreaterThanOrEqual(4);
  });
});

describe('yieldBackgroundThreads elsewhere', () => {
  it('does nothing where a thread id may name another process', () => {
    expect(yieldBackgroundThreads('darwin')).toBe(0);
    expect(yieldBackgroundThreads('win32')).toBe(0);
  });
});

describe.runIf(process.platform === 'linux')('yieldBackgroundThreads on a worker thread', () => {
  it('changes nothing: only the main thread may lower the others', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'npc-prio-worker-'));
    const bundle = path.join(dir, 'thread-priority.cjs');
    await build({ entryPoints: [path.join(REPO_ROOT, 'src/io/thread-priority.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'silent' });
    const worker = new Worker(`require('node:worker_threads').parentPort.postMessage(require(${JSON.stringify(bundle)}).yieldBackgroundThreads());`, { eval: true });
    const [lowered] = (await once(worker, 'message')) as [number];
    await worker.terminate();
    expect(lowered).toBe(0);
    // the same code on this process's main thread does lower threads (V8's workers were at the main thread's priority)
    const main = spawnSync(process.execPath, ['-e', `process.stdout.write(String(require(${JSON.stringify(bundle)}).yieldBackgroundThreads()))`], { encoding: 'utf8' });
    expect(Number(main.stdout)).toBeGreaterThan(0);
  });
});
