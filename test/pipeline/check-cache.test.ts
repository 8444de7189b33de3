import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { makePr, replace } from '../helpers/pr.js';
import { git } from '../helpers/tools.js';

// `check --cache-dir`: the whole check kept across runs (src/pipeline/check/cache.ts). A warm run
// must print exactly what a cold one prints; a corrupt or foreign entry must be ignored; any
// change of input must miss.

afterAll(cleanupTempDirs);

const BASE = 'fixtures/example-pr/base';
const HEAD = 'fixtures/example-pr/head';

/** The stored entries of the check kind, as files. */
function entries(cacheDir: string): string[] {
  const dir = path.join(cacheDir, 'check');
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.json'))
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
  } catch {
    return [];
  }
}

const run = (args: readonly string[]) => {
  const r = runCli(args);
  return { code: r.code, stdout: r.stdout, stderr: r.stderr };
};

describe('check --cache-dir', () => {
  test('warm == cold, byte for byte, in every format; the second run reads the entry the first wrote', () => {
    for (const format of ['md', 'txt', 'json']) {
      const cache = tempDir('check-cache-');
      const args = ['check', '--base', BASE, '--head', HEAD, '--format', format, '--fail-on', 'broken'];
      const cold = run(args);
      expect(cold.code).toBe(1);
      const first = run([...args, '--cache-dir', cache]);
      expect(entries(cache)).toHaveLength(1);
      const stored = readFileSync(entries(cache)[0] as string, 'utf8');
      const second = run([...args, '--cache-dir', cache]);
      expect(first).toEqual(cold);
      expect(second).toEqual(cold);
      // the hit did not rewrite the entry
      expect(readFileSync(entries(cache)[0] as string, 'utf8')).toBe(stored);
    }
  });

  test('the warm run answers from the entry (an entry rewritten with a valid digest shows), and a corrupt or foreign entry is ignored', () => {
    const cache = tempDir('check-cache-');
    const args = ['check', '--base', BASE, '--head', HEAD, '--format', 'json', '--cache-dir', cache];
    const cold = run(args);
    const [file] = entries(cache);
    expect(file).toBeDefined();
    const original = readFileSync(file as string, 'utf8');
    const entry = JSON.parse(original) as { value: { format: string; digest: string; body: string } };

    // a consistent rewrite (digest recomputed) is what the warm run prints: proof that it read the entry
    const body = entry.value.body.replace(/"changedFiles":\[/, '"changedFiles":["proof-of-read.yaml",');
    expect(body).not.toBe(entry.value.body);
    const forged = { ...entry, value: { ...entry.value, body, digest: createHash('sha256').update(body).digest('hex') } };
    writeFileSync(file as string, JSON.stringify(forged));
    expect(JSON.parse(run(args).stdout).changed_files).toContain('proof-of-read.yaml');

    // corrupt: the body changed without its digest, truncated text, a foreign format, another key: all misses
    const corruptions = [
      JSON.stringify({ ...entry, value: { ...entry.value, body } }),
      original.slice(0, original.length / 2),
      JSON.stringify({ ...entry, value: { ...entry.value, format: 'check-outcome/0' } }),
      JSON.stringify({ ...entry, format: 'someone-else/1' }),
      JSON.stringify({ ...entry, key: '0'.repeat(64) }),
      JSON.stringify({ ...entry, value: { format: entry.value.format, digest: createHash('sha256').update('{"\\u0000nope":1}').digest('hex'), body: '{"\\u0000nope":1}' } }),
      'not json at all',
    ];
    for (const text of corruptions) {
      writeFileSync(file as string, text);
      expect(run(args)).toEqual(cold);
      // and the miss stored a good entry again
      expect(JSON.parse(readFileSync(file as string, 'utf8'))).toEqual(JSON.parse(original));
    }
  });

  test('every input is in the key: a changed head file, a changed setting, another option each miss', () => {
    const pr = makePr(BASE, { 'backend/orders.yaml': replace('containerPort: 8080', 'containerPort: 8082') });
    try {
      const cache = tempDir('check-cache-');
      const same = ['check', '--base', pr.base, '--head', pr.head, '--format', 'json'];
      run([...same, '--cache-dir', cache]);
      expect(entries(cache)).toHaveLength(1);
      // the same head text under the same path: a hit (no new entry)
      run([...same, '--cache-dir', cache]);
      expect(entries(cache)).toHaveLength(1);
      // edit head: a new entry, and the answer of the new head
      const orders = path.join(pr.head, 'backend/orders.yaml');
      writeFileSync(orders, readFileSync(orders, 'utf8').replace('containerPort: 8082', 'containerPort: 8083'));
      const edited = run([...same, '--cache-dir', cache]);
      expect(entries(cache)).toHaveLength(2);
      expect(edited).toEqual(run(same));
      // settings and options
      for (const extra of [['--namespace', 'other'], ['--ip-family', 'dual'], ['--pod-cidr', '10.0.0.0/8'], ['--lint'], ['--exposure']]) {
        const before = entries(cache).length;
        const warmish = run([...same, ...extra, '--cache-dir', cache]);
        expect(entries(cache)).toHaveLength(before + 1);
        expect(warmish).toEqual(run([...same, ...extra]));
        expect(run([...same, ...extra, '--cache-dir', cache])).toEqual(warmish);
      }
    } finally {
      pr.dispose();
    }
  });

  test('a check with observed traffic is not kept (the trace is read outside the sides)', () => {
    const EX = 'fixtures/traffic/example-app';
    const cache = tempDir('check-cache-');
    const args = ['check', '--base', BASE, '--head', HEAD, '--traffic', `${EX}/traces/gadget-network.ndjson`, '--cluster-snapshot', `${EX}/snapshot`, '--cidr-aliases', `${EX}/cidr-aliases.yaml`, '--format', 'json'];
    const cold = run(args);
    expect(run([...args, '--cache-dir', cache])).toEqual(cold);
    expect(entries(cache)).toHaveLength(0);
  });

  test('--repo: a new commit that leaves the manifests as they were reuses the entry, with its own commit id', () => {
    const repo = tempDir('check-cache-repo-');
    const cache = tempDir('check-cache-');
    git(repo, 'init', '-q', '-b', 'main');
    cpSync(path.join(REPO_ROOT, BASE), path.join(repo, 'deploy'), { recursive: true });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'base');
    git(repo, 'tag', 'base');
    rmSync(path.join(repo, 'deploy'), { recursive: true });
    cpSync(path.join(REPO_ROOT, HEAD), path.join(repo, 'deploy'), { recursive: true });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'head');
    const args = ['check', '--repo', repo, '--base', 'base', '--head', 'HEAD', 'deploy', '--format', 'json'];
    const first = run([...args, '--cache-dir', cache]);
    expect(first).toEqual(run(args));
    // a push that changes code only
    writeFileSync(path.join(repo, 'app.go'), 'package main\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'code only');
    const sha = git(repo, 'rev-parse', 'HEAD').trim();
    const second = run([...args, '--cache-dir', cache]);
    expect(entries(cache)).toHaveLength(1);
    expect(second).toEqual(run(args));
    expect(JSON.parse(second.stdout).commits.head).toBe(sha);
    expect(second.stdout).not.toBe(first.stdout);
  });
});

describe('check reads each side once', () => {
  test('the files read for the key are the files parsed (no second read of either side)', async () => {
    const { nodeIo } = await import('../../src/io/node-io.js');
    const { runCheck } = await import('../../src/pipeline/check.js');
    const { DEFAULT_READ_SETTINGS } = await import('../../src/pipeline/settings.js');
    const io = nodeIo();
    const reads: string[][] = [];
    const counting = { ...io, readManifests: (paths: readonly string[], o: Parameters<typeof io.readManifests>[1]) => (reads.push([...paths]), io.readManifests(paths, o)) };
    const cache = tempDir('check-cache-');
    for (const settings of [DEFAULT_READ_SETTINGS, { ...DEFAULT_READ_SETTINGS, namespace: 'shop' }, { ...DEFAULT_READ_SETTINGS, render: { ...DEFAULT_READ_SETTINGS.render, cacheDir: cache } }]) {
      reads.length = 0;
      runCheck(counting, { kind: 'paths', base: BASE, head: HEAD }, settings);
      expect(reads).toEqual([[BASE], [HEAD]]);
    }
  });
});
