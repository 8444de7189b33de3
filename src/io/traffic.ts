import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { ConfigError } from '../diagnostics/errors.js';

const CHUNK = 1 << 16;

/**
 * Streams a text file line by line: a 64 KiB buffer is read at a time and split at newlines, so
 * memory stays flat however long the trace is (a line longer than the buffer is carried over).
 * Synchronous, like every use-case (the CLI's `main` returns its exit code); node:readline would
 * give the same stream but only asynchronously. UTF-8 sequences split across chunks are joined by
 * the StringDecoder; `\r\n` endings are accepted. Returns the number of lines.
 */
export function forEachLine(file: string, what: string, onLine: (text: string, line: number) => void): number {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new ConfigError(`${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const buffer = Buffer.allocUnsafe(CHUNK);
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let line = 0;
  const emit = (text: string) => onLine(text.endsWith('\r') ? text.slice(0, -1) : text, ++line);
  try {
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buffer, 0, CHUNK, null);
      } catch (e) {
        throw new ConfigError(`${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      if (n === 0) break;
      const text = carry + decoder.write(buffer.subarray(0, n));
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        emit(text.slice(start, nl));
        start = nl + 1;
      }
      carry = text.slice(start);
    }
    const rest = carry + decoder.end();
    if (rest !== '') emit(rest);
    return line;
  } finally {
    closeSync(fd);
  }
}
