import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { forEachLine } from '../../src/io/traffic.js';
import { ConfigError } from '../../src/diagnostics/errors.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

/** The streaming line reader: the same lines as splitting the whole text, across chunk boundaries (the default 64 KiB and small buffers) and split UTF-8 sequences. */

afterAll(cleanupTempDirs);

const collect = (file: string, chunk?: number) => {
  const out: [number, string][] = [];
  const n = forEachLine(file, '--traffic', (t, l) => out.push([l, t]), chunk);
  return { n, lines: out.map(([, t]) => t), numbers: out.map(([l]) => l) };
};

describe('forEachLine', () => {
  const dir = tempDir('netpol-ci-lines-');

  it('agrees with split on any text: long lines over chunk boundaries, multi-byte characters, CRLF, no final newline', () => {
    const line = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('é→漢字😀'.repeat(5000), 'x'.repeat(70_000), ''));
    fc.assert(
      fc.property(fc.array(line.map((s) => s.replace(/[\r\n]/g, '')), { maxLength: 12 }), fc.boolean(), fc.boolean(), fc.constantFrom(undefined, 7, 4096, 65_536), (ls, crlf, finalNewline, chunk) => {
        const file = path.join(dir, 'p.txt');
        const text = ls.join(crlf ? '\r\n' : '\n') + (finalNewline && ls.length > 0 ? '\n' : '');
        writeFileSync(file, text);
        // a newline ends a line: the text after the last newline is a line only when not empty
        const expected = text.split('\n').map((l) => l.replace(/\r$/, ''));
        if (text.endsWith('\n') || text === '') expected.pop();
        const got = collect(file, chunk);
        expect(got.lines).toEqual(expected);
        expect(got.numbers).toEqual(expected.map((_, i) => i + 1));
        expect(got.n).toBe(expected.length);
      }),
      { numRuns: 60 },
    );
  });

  it('a missing file is a configuration error naming the flag and the file', () => {
    expect(() => forEachLine(path.join(dir, 'nope.ndjson'), '--traffic', () => {})).toThrow(ConfigError);
    expect(() => forEachLine(path.join(dir, 'nope.ndjson'), '--traffic', () => {})).toThrow(/--traffic .*nope\.ndjson: no such file \(ENOENT\)/);
  });
});
