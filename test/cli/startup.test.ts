import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES, commandsFor } from '../../src/cli/commands.js';
import { ALL_COMMANDS } from '../../src/cli/program.js';
import { cacheDirArgument, compileCacheDir } from '../../src/io/compile-cache.js';
import { CLI, REPO_ROOT, runBundledCli, runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

/**
 * Start-up (src/cli.ts): the bundled CLI loads only the command a run names and turns V8's compile
 * cache on where Node has it (io/compile-cache.ts), in `--cache-dir` or a private temp folder.
 */
afterAll(cleanupTempDirs);

describe('commands loaded on demand', () => {
  it('a command line loads the command it names, none for --version, all of them otherwise, in help order', async () => {
    expect(ALL_COMMANDS.map((c) => c.name)).toEqual([...COMMAND_NAMES]);
    for (const name of COMMAND_NAMES) expect((await commandsFor([name, '--help'])).map((c) => c.name)).toEqual([name]);
    expect(await commandsFor(['--version'])).toEqual([]);
    expect(await commandsFor(['-V'])).toEqual([]);
    for (const argv of [[], ['--help'], ['help', 'check'], ['conectivity'], ['--version', '--help'], ['-V', 'x'], ['--verbose', 'connectivity']]) {
      expect((await commandsFor(argv)).map((c) => c.name), argv.join(' ')).toEqual([...COMMAND_NAMES]);
    }
  });

  it('the bundled CLI answers as the in-process one, with every command loaded, on help, versions and usage errors', () => {
    const argvs = [
      ['--version'],
      ['-V'],
      ['--help'],
      [],
      ['help'],
      ['help', 'connectivity'],
      ['conectivity'],
      ['--bogus'],
      ...COMMAND_NAMES.map((n) => [n, '--help']),
      ['connectivity'],
      ['connectivity', '--bogus', 'x'],
      ['check'],
      ['baseline'],
      ['connectivity', 'fixtures/example-pr/base', '--format', 'json'],
    ];
    for (const argv of argvs) {
      const bundled = runBundledCli(argv);
      const inProcess = runCli(argv);
      expect(bundled, argv.join(' ')).toEqual(inProcess);
    }
  }, 300_000);
});

describe('compile cache', () => {
  it('reads --cache-dir as commander does: the last one, either form, not after --', () => {
    expect(cacheDirArgument(['connectivity', '.'])).toBeUndefined();
    expect(cacheDirArgument(['connectivity', '.', '--cache-dir', 'a'])).toBe('a');
    expect(cacheDirArgument(['connectivity', '--cache-dir=b', '.', '--cache-dir', 'c'])).toBe('c');
    expect(cacheDirArgument(['connectivity', '--', '--cache-dir', 'd'])).toBeUndefined();
    expect(cacheDirArgument(['connectivity', '--cache-dir'])).toBeUndefined();
  });

  it("lives under --cache-dir or $NETPOL_CI_CACHE_DIR, unless Node's own switches say otherwise", () => {
    const cwd = tempDir();
    expect(compileCacheDir(['x', '--cache-dir', 'kept'], {}, cwd)).toBe(path.join(cwd, 'kept', 'node-compile-cache'));
    expect(compileCacheDir(['x'], { NETPOL_CI_CACHE_DIR: '/c' }, cwd)).toBe(path.join('/c', 'node-compile-cache'));
    expect(compileCacheDir(['x', '--cache-dir', 'kept'], { NETPOL_CI_CACHE_DIR: '/c' }, cwd)).toBe(path.join(cwd, 'kept', 'node-compile-cache'));
    expect(compileCacheDir(['x', '--cache-dir', 'kept'], { NODE_DISABLE_COMPILE_CACHE: '1' }, cwd)).toBeUndefined();
    expect(compileCacheDir(['x'], { NODE_COMPILE_CACHE: '/elsewhere' }, cwd)).toBeUndefined();
  });

  it('without a cache folder: a private folder of this user under the temp folder, refused when not safely ours', () => {
    const saved = process.env.TMPDIR;
    try {
      const tmp = tempDir();
      process.env.TMPDIR = tmp;
      const uid = process.getuid!();
      const mine = path.join(tmp, `netpol-ci-compile-cache-${uid}`);
      expect(compileCacheDir(['x'], {})).toBe(mine);
      expect(statSync(mine).mode & 0o777).toBe(0o700);
      // someone else's folder (writable by others) or a symlink: not used
      chmodSync(mine, 0o777);
      expect(compileCacheDir(['x'], {})).toBeUndefined();
      const other = tempDir();
      process.env.TMPDIR = other;
      mkdirSync(path.join(other, 'target'));
      symlinkSync(path.join(other, 'target'), path.join(other, `netpol-ci-compile-cache-${uid}`));
      expect(compileCacheDir(['x'], {})).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });

  // GitHub's runners have Node 24, which has the cache; Node 20 has none and runs without it
  const node24 = spawnSync('npx', ['-y', 'node@24', '--version'], { encoding: 'utf8', timeout: 120_000 });
  const haveNode24 = node24.status === 0 && /^v24\./.test(node24.stdout.trim());
  it.skipIf(!haveNode24 || !existsSync(CLI))('on Node 24 the bundled CLI fills DIR/node-compile-cache, and prints the same bytes with it warm', () => {
    const dir = tempDir();
    const args = ['connectivity', 'fixtures/example-pr/base', '--cache-dir', dir];
    const run = () => spawnSync('npx', ['-y', 'node@24', CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, CI: 'true' } });
    const cold = run();
    expect(cold.status).toBe(0);
    const cache = path.join(dir, 'node-compile-cache');
    expect(readdirSync(cache).length).toBeGreaterThan(0);
    const warm = run();
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.stdout).toBe(runCli(args).stdout);
  }, 300_000);
});
