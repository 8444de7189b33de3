import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import os from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import { ConfigError } from '../diagnostics/errors.js';
import { isatty } from './builtins.js';
import { errnoText } from './read-policy.js';

/**
 * 64 KiB: the decoded text of a chunk stays a young-generation string (V8 puts strings over
 * 128 KiB in large-object space, freed only by full collections: a 1 MiB buffer doubled the peak
 * RSS of a 1M-line trace and tripled its GC time).
 */
const CHUNK = 1 << 16;

/**
 * Streams a text file line by line: a 64 KiB buffer is read at a time and split at newlines, so
 * memory stays flat however long the trace is (a line longer than the buffer is carried over).
 * Synchronous, like every use-case (the CLI's `main` returns its exit code); node:readline would
 * give the same stream but only asynchronously. UTF-8 sequences split across chunks are joined by
 * the StringDecoder; `\r\n` endings are accepted. Returns the number of lines. With `range`, only
 * the bytes `[start, end)` are read (`start` begins a line: see traceCut), lines numbered from 1.
 * (`chunk` is for tests: small buffers put every boundary case in small files.)
 */
export function forEachLine(file: string, what: string, onLine: (text: string, line: number) => void, chunk = CHUNK, range?: { readonly start: number; readonly end: number }): number {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    // `-` is standard input to many tools; here a trace is a file name, and stdin is /dev/stdin
    const hint = file === '-' && (e as NodeJS.ErrnoException).code === 'ENOENT' ? `; to read standard input, name /dev/stdin` : '';
    throw new ConfigError(`${what} ${file}: ${errnoText(e)}${hint}`);
  }
  refuseDevice(fd, file, what);
  const buffer = Buffer.allocUnsafe(chunk);
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let line = 0;
  let position = range?.start ?? 0;
  const end = range?.end ?? Number.POSITIVE_INFINITY;
  const emit = (text: string) => onLine(text.endsWith('\r') ? text.slice(0, -1) : text, ++line);
  try {
    for (;;) {
      let n: number;
      try {
        // no position without a range: a pipe (--traffic /dev/stdin) cannot seek
        n = readSync(fd, buffer, 0, Math.min(chunk, end - position), range ? position : null);
        position += n;
      } catch (e) {
        throw new ConfigError(`${what} ${file}: ${errnoText(e)}`);
      }
      if (n === 0) break;
      if (position === n) refuseCompressed(buffer.subarray(0, n), file, what);
      // only the new text is searched: a line longer than the buffer is appended to, never rescanned
      const piece = decoder.write(buffer.subarray(0, n));
      let nl = piece.indexOf('\n');
      if (nl < 0) {
        carry += piece;
        // a line without end (/dev/zero, a hostile file) would outgrow the longest string V8 can hold
        if (carry.length > MAX_LINE_CHARS) throw new ConfigError(`${what} ${file}: line ${line + 1} is longer than ${MAX_LINE_CHARS} characters; not a trace`);
        continue;
      }
      emit(carry + piece.slice(0, nl));
      let start = nl + 1;
      for (nl = piece.indexOf('\n', start); nl >= 0; nl = piece.indexOf('\n', start)) {
        emit(piece.slice(start, nl));
        start = nl + 1;
      }
      carry = piece.slice(start);
    }
    const rest = carry + decoder.end();
    if (rest !== '') emit(rest);
    return line;
  } finally {
    closeSync(fd);
  }
}

/** Compressed formats traces are kept in, by their magic bytes, with the command that streams them out. */
const startsWith = (bytes: readonly number[]) => (head: Buffer) => head.length >= bytes.length && bytes.every((b, i) => head[i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const COMPRESSED: readonly { readonly name: string; readonly test: (head: Buffer) => boolean; readonly tool: string }[] = [
  { name: 'gzip', test: startsWith([0x1f, 0x8b]), tool: 'gunzip -c' },
  { name: 'zstd', test: startsWith([0x28, 0xb5, 0x2f, 0xfd]), tool: 'zstd -dc' },
  { name: 'xz', test: startsWith([0xfd, ...ascii('7zXZ'), 0x00]), tool: 'xz -dc' },
  // `BZh`, the block size 1-9, then the block magic (a text line may well start with BZh)
  { name: 'bzip2', test: (h) => startsWith(ascii('BZh'))(h) && h[3]! >= 0x31 && h[3]! <= 0x39 && startsWith(ascii('1AY&SY'))(h.subarray(4)), tool: 'bzip2 -dc' },
  { name: 'zip', test: startsWith([...ascii('PK'), 0x03, 0x04]), tool: 'unzip -p' },
];

/**
 * A compressed trace is one clear error, never thousands of lines of binary judged one by one,
 * and never decompressed here: a few kilobytes of gzip can expand to gigabytes (a gzip bomb), while
 * the user's own pipe (`--traffic <(gunzip -c FILE)`) streams it through the line reader in flat memory.
 */
function refuseCompressed(head: Buffer, file: string, what: string): void {
  const found = COMPRESSED.find((c) => c.test(head));
  if (found) throw new ConfigError(`${what} ${file}: ${found.name === 'xz' ? 'an' : 'a'} ${found.name}-compressed file, not a trace; decompress it first, or stream it: ${what} <(${found.tool} FILE)`);
}

/** The longest line a trace may have (a one-line JSON array included): far below V8's string limit. */
export const MAX_LINE_CHARS = 128 * 1024 * 1024;

/**
 * A trace is a file or a pipe (`--traffic /dev/stdin`, a terminal included); a device such as
 * /dev/zero or /dev/urandom would be read without end.
 */
function refuseDevice(fd: number, file: string, what: string): void {
  const st = fstatSync(fd);
  if (st.isBlockDevice() || (st.isCharacterDevice() && !isatty(fd))) {
    closeSync(fd);
    throw new ConfigError(`${what} ${file}: a ${st.isBlockDevice() ? 'block' : 'character'} device, not a file or a pipe; never read`);
  }
}

/** Below this size a trace is read by one thread: a worker's start (a second JIT and heap) costs more than half the reading saves. */
export const TRACE_SPLIT_BYTES = 16 * 1024 * 1024;

/**
 * Where to cut a trace between two reading threads: just after the first newline past its middle.
 * Undefined when one thread reads it: `NETPOL_CI_TRAFFIC_WORKERS=0`; below TRACE_SPLIT_BYTES, on
 * one core, or on a machine this busy (a 1-minute load average of twice the cores or more: there a
 * second thread was measured to cost its CPU without shortening the read, while at 1.5 times the
 * cores it still cut the wall time by a third); unless the variable is `1`, which splits
 * any file with a newline past its middle (tests); and a file whose content starts with `[` (a
 * JSON array's elements span lines).
 */
export function traceCut(file: string, env: NodeJS.ProcessEnv = process.env, cores = os.availableParallelism(), load = os.loadavg()[0] ?? 0): number | undefined {
  const mode = (env.NETPOL_CI_TRAFFIC_WORKERS ?? 'auto').trim();
  if (mode === '0') return undefined;
  let fd: number;
  try {
    // a pipe or a device (--traffic /dev/stdin) is read as it comes, by one thread: never opened here
    if (!statSync(file).isFile()) return undefined;
    fd = openSync(file, 'r');
  } catch {
    return undefined; // the reader reports it
  }
  try {
    const size = fstatSync(fd).size;
    if (mode !== '1' && (size < TRACE_SPLIT_BYTES || cores < 2 || load >= 2 * cores)) return undefined;
    const buffer = Buffer.allocUnsafe(4096);
    const head = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
    if (/^[\s\uFEFF]*\[/.test(head)) return undefined;
    for (let at = Math.floor(size / 2); at < size; ) {
      const n = readSync(fd, buffer, 0, buffer.length, at);
      if (n === 0) break;
      const nl = buffer.subarray(0, n).indexOf(10);
      if (nl >= 0) return at + nl + 1 < size ? at + nl + 1 : undefined;
      at += n;
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}
