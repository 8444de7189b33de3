import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { ConfigError } from '../diagnostics/errors.js';

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
 * the StringDecoder; `\r\n` endings are accepted. Returns the number of lines. (`chunk` is for
 * tests: small buffers put every boundary case in small files.)
 */
export function forEachLine(file: string, what: string, onLine: (text: string, line: number) => void, chunk = CHUNK): number {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new ConfigError(`${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const buffer = Buffer.allocUnsafe(chunk);
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let line = 0;
  const emit = (text: string) => onLine(text.endsWith('\r') ? text.slice(0, -1) : text, ++line);
  try {
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buffer, 0, chunk, null);
      } catch (e) {
        throw new ConfigError(`${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      if (n === 0) break;
      // only the new text is searched: a line longer than the buffer is appended to, never rescanned
      const piece = decoder.write(buffer.subarray(0, n));
      let nl = piece.indexOf('\n');
      if (nl < 0) {
        carry += piece;
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
