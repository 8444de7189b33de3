import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES, commandsFor } from '../../src/cli/commands.js';
import { ALL_COMMANDS } from '../../src/cli/program.js';
import { cacheDirArgument, codeCacheDir, codeCacheEntry } from '../../src/io/code-cache.js';
import { CLI, REPO_ROOT, runBundledCli, runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { findHelm } from '../helpers/tools.js';

/**
 * Start-up (src/cli.ts): the bundled CLI loads only the command a run names, compiled through the
 * code cache (io/code-cache.ts), in `--cache-dir` or a private temp folder.
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

describe('code cache', () => {
  it('reads --cache-dir as commander does: the last one, either form, not after --', () => {
    expect(cacheDirArgument(['connectivity', '.'])).toBeUndefined();
    expect(cacheDirArgument(['connectivity', '.', '--cache-dir', 'a'])).toBe('a');
    expect(cacheDirArgument(['connectivity', '--cache-dir=b', '.', '--cache-dir', 'c'])).toBe('c');
    expect(cacheDirArgument(['connectivity', '--', '--cache-dir', 'd'])).toBeUndefined();
    expect(cacheDirArgument(['connectivity', '--cache-dir'])).toBeUndefined();
  });

  it("lives under --cache-dir or $NETPOL_CI_CACHE_DIR; Node's NODE_DISABLE_COMPILE_CACHE turns it off", () => {
    const cwd = tempDir();
    expect(codeCacheDir(['x', '--cache-dir', 'kept'], {}, cwd)).toBe(path.join(cwd, 'kept', 'code-cache'));
    expect(codeCacheDir(['x'], { NETPOL_CI_CACHE_DIR: '/c' }, cwd)).toBe(path.join('/c', 'code-cache'));
    expect(codeCacheDir(['x', '--cache-dir', 'kept'], { NETPOL_CI_CACHE_DIR: '/c' }, cwd)).toBe(path.join(cwd, 'kept', 'code-cache'));
    expect(codeCacheDir(['x', '--cache-dir', 'kept'], { NODE_DISABLE_COMPILE_CACHE: '1' }, cwd)).toBeUndefined();
  });

  it('without a cache folder: a private folder of this user under the temp folder, refused when not safely ours', () => {
    const saved = process.env.TMPDIR;
    try {
      const tmp = tempDir();
      process.env.TMPDIR = tmp;
      const uid = process.getuid!();
      const mine = path.join(tmp, `netpol-ci-code-cache-${uid}`);
      expect(codeCacheDir(['x'], {})).toBe(mine);
      expect(statSync(mine).mode & 0o777).toBe(0o700);
      // someone else's folder (writable by others) or a symlink: not used
      chmodSync(mine, 0o777);
      expect(codeCacheDir(['x'], {})).toBeUndefined();
      const other = tempDir();
      process.env.TMPDIR = other;
      mkdirSync(path.join(other, 'target'));
      symlinkSync(path.join(other, 'target'), path.join(other, `netpol-ci-code-cache-${uid}`));
      expect(codeCacheDir(['x'], {})).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });

  const BUNDLE = path.join(path.dirname(CLI), 'cli', 'main.cjs');
  const ARGS = ['connectivity', 'fixtures/example-pr/base'];
  const entryOf = (cache: string, tag: string) => codeCacheEntry(cache, tag, readFileSync(BUNDLE, 'utf8'));

  it.skipIf(!existsSync(BUNDLE))('the bundled CLI leaves one entry per command in DIR/code-cache and prints the same bytes with it', () => {
    const dir = tempDir();
    const expected = runCli(ARGS).stdout;
    const cold = runBundledCli([...ARGS, '--cache-dir', dir]);
    expect(cold).toMatchObject({ code: 0, stdout: expected });
    const cache = path.join(dir, 'code-cache');
    const entry = entryOf(cache, 'connectivity');
    expect(readdirSync(cache)).toEqual([path.basename(entry)]);
    expect(statSync(entry).mode & 0o777).toBe(0o600);
    const written = readFileSync(entry);
    // read back, accepted, not written again
    expect(runBundledCli([...ARGS, '--cache-dir', dir])).toMatchObject({ code: 0, stdout: expected });
    expect(readFileSync(entry).equals(written)).toBe(true);
    // help and another command: entries of their own, each kept when another is written
    expect(runBundledCli(['connectivity', '--help', '--cache-dir', dir]).code).toBe(0);
    expect(runBundledCli(['--version', '--cache-dir', dir]).code).toBe(0);
    const all = [entry, entryOf(cache, 'connectivity-help'), entryOf(cache, 'other')].map((f) => path.basename(f)).sort();
    expect(readdirSync(cache).sort()).toEqual(all);
    unlinkSync(entry);
    expect(runBundledCli([...ARGS, '--cache-dir', dir])).toMatchObject({ code: 0, stdout: expected });
    expect(readdirSync(cache).sort()).toEqual(all);
  }, 120_000);

  it.skipIf(!existsSync(BUNDLE))('a corrupt entry, an entry of another source and a symlink are never trusted; the answer stays the same', () => {
    const dir = tempDir();
    const cache = path.join(dir, 'code-cache');
    mkdirSync(cache, { recursive: true });
    const entry = entryOf(cache, 'connectivity');
    const expected = runCli(ARGS).stdout;
    // garbage where the entry should be: V8 rejects it, the run compiles, and the entry is written anew
    writeFileSync(entry, Buffer.alloc(4096, 7));
    expect(runBundledCli([...ARGS, '--cache-dir', dir])).toMatchObject({ code: 0, stdout: expected });
    expect(readFileSync(entry).equals(Buffer.alloc(4096, 7))).toBe(false);
    // damaged bytes behind a valid header (a flipped byte in a restored cache folder): V8 would crash on
    // them; the entry's own digest no longer holds, so the run compiles, answers the same and heals it
    const good = readFileSync(entry);
    const damaged = Buffer.from(good);
    for (let i = 64; i < damaged.length; i += 97) damaged[i] = (damaged[i] as number) ^ 0xff;
    writeFileSync(entry, damaged);
    for (let i = 0; i < 2; i++) expect(runBundledCli([...ARGS, '--cache-dir', dir])).toMatchObject({ code: 0, stdout: expected });
    expect(readFileSync(entry).equals(damaged)).toBe(false);
    // a valid entry of another bundle under this command's name is removed when this one is written
    const stale = path.join(cache, 'connectivity-0123456789abcdef0123456789abcdef.v8');
    writeFileSync(stale, readFileSync(entry));
    const other = path.join(cache, 'check-0123456789abcdef0123456789abcdef.v8');
    writeFileSync(other, 'x');
    writeFileSync(entry, 'not V8 code');
    expect(runBundledCli([...ARGS, '--cache-dir', dir])).toMatchObject({ code: 0, stdout: expected });
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(other)).toBe(true);
    // a symlink in the entry's place is not read, and is replaced (its target left alone)
    const target = path.join(dir, 'elsewhere.v8');
    writeFileSync(target, readFileSync(entry));
    const before = readFileSync(target);
    rmSyncQuiet(entry);
    symlinkSync(target, entry);
    expect(runBundledCli([...ARGS, '--cache-dir', dir])).toMatchObject({ code: 0, stdout: expected });
    expect(statSync(entry).isFile()).toBe(true);
    expect(readFileSync(target).equals(before)).toBe(true);
  }, 120_000);

  it.skipIf(!existsSync(BUNDLE))('a code-cache folder swapped for a symlink (a restored cache a pull request wrote) is never written through', () => {
    const dir = tempDir();
    const outside = tempDir();
    symlinkSync(outside, path.join(dir, 'code-cache'));
    expect(runBundledCli([...ARGS, '--cache-dir', dir])).toMatchObject({ code: 0, stdout: runCli(ARGS).stdout });
    expect(readdirSync(outside)).toEqual([]);
  }, 60_000);

  it.skipIf(!existsSync(BUNDLE))('NODE_DISABLE_COMPILE_CACHE: nothing written', () => {
    const dir = tempDir();
    expect(runBundledCli([...ARGS, '--cache-dir', dir], { env: { NODE_DISABLE_COMPILE_CACHE: '1' } })).toMatchObject({ code: 0, stdout: runCli(ARGS).stdout });
    expect(existsSync(path.join(dir, 'code-cache'))).toBe(false);
  }, 60_000);

  // GitHub's runners have Node 24: the same cache there
  const node24 = spawnSync('npx', ['-y', 'node@24', '--version'], { encoding: 'utf8', timeout: 120_000 });
  const haveNode24 = node24.status === 0 && /^v24\./.test(node24.stdout.trim());
  it.skipIf(!haveNode24 || !existsSync(CLI))('on Node 24 the bundled CLI fills DIR/code-cache, and prints the same bytes with it warm', () => {
    const dir = tempDir();
    const args = [...ARGS, '--cache-dir', dir];
    const run = () => spawnSync('npx', ['-y', 'node@24', CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, CI: 'true' } });
    const cold = run();
    expect(cold.status).toBe(0);
    const cache = path.join(dir, 'code-cache');
    expect(readdirSync(cache)).toHaveLength(1);
    const warm = run();
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.stdout).toBe(runCli(args).stdout);
  }, 300_000);
});

function rmSyncQuiet(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // absent already
  }
}

describe('the entry is CommonJS', () => {
  it('Node runs dist/cli.js as a CommonJS main module (no ES module loader for it), on the file dist/package.json types', () => {
    const dir = tempDir();
    const probe = path.join(dir, 'probe.cjs');
    const out = path.join(dir, 'main.txt');
    // a CommonJS main module is process.mainModule; an ES module main leaves it undefined
    writeFileSync(probe, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, String(process.mainModule && process.mainModule.filename)));\n`);
    const r = spawnSync(process.execPath, ['--require', probe, CLI, '--version'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(CLI);
    expect(JSON.parse(readFileSync(path.join(REPO_ROOT, 'dist', 'package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
    // the ES modules beside it say so by their extension
    const esm = readdirSync(path.join(REPO_ROOT, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.m?js$/.test(f) && f !== 'cli.js');
    expect(esm.length).toBeGreaterThan(5);
    expect(esm.filter((f) => !f.endsWith('.mjs'))).toEqual([]);
  });

  it('the CLI bundle is ASCII, so that it is read as Latin-1 and kept by V8 as one-byte text', () => {
    for (const f of ['cli.js', 'cli/main.cjs']) expect(readFileSync(path.join(REPO_ROOT, 'dist', f)).every((b) => b < 0x80), f).toBe(true);
  });
});

describe('Node modules loaded on first use', () => {
  it('connectivity of a folder loads neither tar nor crypto, worker_threads or tty; a packaged subchart loads tar and is read', () => {
    const dir = tempDir();
    const probe = path.join(dir, 'probe.cjs');
    const out = path.join(dir, 'modules.txt');
    // process.moduleLoadList names every Node module the process loaded; tar's own code has no such
    // entry, but it requires node:fs/promises and node:assert at once, which nothing else here does
    writeFileSync(probe, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, process.moduleLoadList.join('\\n')));\n`);
    const loaded = (args: string[]) => {
      const r = spawnSync(process.execPath, ['--require', probe, CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, HELM_PATH: findHelm() } });
      expect(r.status, r.stderr).toBeLessThan(2);
      return { modules: readFileSync(out, 'utf8').split('\n'), stdout: r.stdout };
    };
    const lazy = ['NativeModule crypto', 'NativeModule worker_threads', 'NativeModule tty', 'NativeModule fs/promises', 'NativeModule assert'];
    const plain = loaded(['connectivity', 'fixtures/example-app']);
    expect(plain.modules.filter((m) => lazy.includes(m))).toEqual([]);
    const chart = loaded(['scan', 'fixtures/helm/umbrella', '--format', 'json']);
    expect(chart.modules).toContain('NativeModule fs/promises');
    expect(chart.stdout).toContain('cache-1.0.0.tgz#cache/templates/cache.yaml');
  });
});
