import { isAscii } from 'node:buffer';
import { createHash } from './builtins.js';
import { restoreStartTuning } from './v8-tuning.js';
import { lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';

// The CLI's code cache: V8's compiled code of the CLI bundle (dist/cli/main.cjs) kept by one run
// and read back by the next, on every Node version (Node 20 has no compile cache of its own; Node
// 22.1+'s covers modules as they load, this one also what the run compiled later). A small run
// spends about a third of its time compiling (README, Performance). V8 checks each entry against
// the source's length, its own version and its flags, and ignores what does not match; the entry's
// name holds a hash of the source's bytes (V8 would take an entry of another source of the same
// length) and the entry a hash of its own bytes (V8 would run damaged code), so a stale or corrupt
// entry costs a compile, never a wrong answer or a crash. (Like Node's own compile cache, it trusts
// whoever can write the folder: the private folder is this user's alone; `--cache-dir` is the
// user's choice.)
//
// Where: in `--cache-dir` (or $NETPOL_CI_CACHE_DIR), the folder the Actions keep across runs, under
// `code-cache/`; without one, in a folder of this user's own under the system temp folder, private:
// created 0700, and used only when it is a real folder (not a symlink) that this user owns and
// nobody else can write, so that another user of a shared machine cannot plant compiled code in it.
// Never in the repository being read. NODE_DISABLE_COMPILE_CACHE (Node's own switch) turns it off.
//
// One entry per command (a `connectivity` run and a `check` run compile different functions), and
// one more for help: `<command>-<hash of source, Node version and platform>.v8`; writing an entry
// removes that command's entries for other sources, so the folder holds one bundle's worth.

/** The value of `--cache-dir` on a command line (`--cache-dir DIR` or `--cache-dir=DIR`), the last one given, as commander reads it. */
export function cacheDirArgument(argv: readonly string[]): string | undefined {
  let dir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') break;
    if (a === '--cache-dir' && i + 1 < argv.length) dir = argv[++i];
    else if (a.startsWith('--cache-dir=')) dir = a.slice('--cache-dir='.length);
  }
  return dir;
}

/** This user's private folder under the temp folder, or undefined when it is not safely ours. */
function privateTempDir(): string | undefined {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  if (uid === undefined) return undefined;
  const dir = path.join(os.tmpdir(), `netpol-ci-code-cache-${uid}`);
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
  }
  try {
    const st = lstatSync(dir);
    return st.isDirectory() && st.uid === uid && (st.mode & 0o022) === 0 ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** The code cache folder this run would use (see above), or undefined for none. */
export function codeCacheDir(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string = process.cwd()): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const kept = cacheDirArgument(argv) ?? (env.NETPOL_CI_CACHE_DIR || undefined);
  return kept ? path.resolve(cwd, kept, 'code-cache') : privateTempDir();
}

/**
 * `require(file)` of a CommonJS bundle, compiled with the code `cache` holds for `tag` and, when it
 * held none that V8 accepted, leaving it there at exit: V8's code of every function the run
 * compiled by then.
 */
export function requireWithCodeCache(file: string, cache: string | undefined, tag: string): unknown {
  const bytes = readFileSync(file);
  // the bundle is ASCII (scripts/bundle.mjs): read as Latin-1, the same text several times faster than UTF-8's decoding
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const entry = cache === undefined ? undefined : codeCacheEntry(cache, tag, bytes);
  const cachedData = entry === undefined ? undefined : readEntry(entry);
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
    // the bundle imports nothing dynamically (esbuild resolves its own `import()`s); were it to, as a module would
    ...(vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ? { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}),
  });
  if (cache !== undefined && entry !== undefined && (cachedData === undefined || script.cachedDataRejected)) {
    process.once('exit', () => writeEntry(cache, tag, entry, script));
  }
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return module.exports;
}

/** The file of `tag`'s entry for this source, on this Node version and platform. */
export function codeCacheEntry(cache: string, tag: string, source: Uint8Array | string): string {
  const bytes = typeof source === 'string' ? Buffer.from(source, 'utf8') : source;
  const where = checksum(Buffer.from(`${process.version}\u0000${process.arch}\u0000${process.platform}\u0000`));
  // 32 hex digits: the Node build's check, the source's, and the source's length
  return path.join(cache, `${tag}-${where.toString('hex')}${checksum(bytes).toString('hex')}.v8`);
}

/**
 * A checksum of the bytes: their CRC-32 and their length (8 bytes), or the first 8 bytes of a
 * SHA-256 where Node has no zlib.crc32 (before 20.15). CRC-32 is what Node's own compile cache
 * checks its entries with: it catches damaged bytes (a flipped bit in a restored cache folder) and
 * tells one bundle from the next, at about a tenth of the cost of a SHA-256, whose first use in a
 * process also starts OpenSSL (2-10 ms of every short run). It is 32 bits: two different bundles of
 * one length share a key once in four billion releases. The folder itself is trusted (see above):
 * this guards against accidents, not against someone who can write there.
 */
function checksum(bytes: Uint8Array): Buffer {
  const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  if (crc32 === undefined) return createHash('sha256').update(bytes).digest().subarray(0, CHECKSUM_BYTES);
  const out = Buffer.alloc(CHECKSUM_BYTES);
  out.writeUInt32BE(crc32(bytes), 0);
  out.writeUInt32BE(bytes.length % 2 ** 32, 4);
  return out;
}

/**
 * An entry is the checksum of V8's data, then the data: V8 checks the data's header (its version,
 * flags and the source's length) but not the rest, and damaged code would crash the process (a
 * flipped byte in a restored cache folder), so the bytes are checked here before V8 sees them.
 */
const CHECKSUM_BYTES = 8;

/** V8's data of the entry when it is a regular file (not a symlink) whose digest holds; anything else is no entry. */
function readEntry(entry: string): Buffer | undefined {
  try {
    if (!lstatSync(entry).isFile()) return undefined;
    const bytes = readFileSync(entry);
    if (bytes.length <= CHECKSUM_BYTES) return undefined;
    const data = bytes.subarray(CHECKSUM_BYTES);
    return checksum(data).equals(bytes.subarray(0, CHECKSUM_BYTES)) ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the entry whole (a temporary file renamed over it: a concurrent run reads the old entry or the new one, never half of one), then removes the tag's entries of other sources. */
function writeEntry(cache: string, tag: string, entry: string, script: vm.Script): void {
  try {
    mkdirSync(cache, { recursive: true, mode: 0o700 });
    // a symlink planted in the restored folder (code-cache -> elsewhere, or at the temporary name) is never written through
    if (!lstatSync(cache).isDirectory()) return;
    const temp = `${entry}.${process.pid}.tmp`;
    // made under the flags the next run starts with (V8 rejects a cache made under others)
    restoreStartTuning();
    const data = script.createCachedData();
    writeFileSync(temp, Buffer.concat([checksum(data), data]), { mode: 0o600, flag: 'wx' });
    renameSync(temp, entry);
    // exactly this tag's names (`connectivity-<hash>.v8`, not `connectivity-help-<hash>.v8`)
    const ofTag = new RegExp(`^${tag.replace(/[^a-z-]/g, '')}-[0-9a-f]{32}\\.v8$`);
    for (const f of readdirSync(cache)) {
      if (ofTag.test(f) && path.join(cache, f) !== entry) rmSync(path.join(cache, f), { force: true });
    }
  } catch {
    // a folder that cannot be written only costs the next run a compile
  }
}
