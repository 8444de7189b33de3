import { describe, expect, it } from 'vitest';
import { decodeManifest } from '../../src/io/decode.js';

/** A manifest that cannot be decoded names the place of its first bad byte, as a YAML error names its line. */
describe('decodeManifest locates what makes a file unreadable', () => {
  const text = (s: string) => Buffer.from(s, 'latin1');

  it.each([
    ['a lone continuation byte', 'a: 1\nname: b\x80c\n', 2, 8],
    ['an overlong encoding of "/"', 'a: 1\nb: 2\nx: \xc0\xaf\n', 3, 4],
    ['a surrogate half (CESU-8)', 'a: \xed\xa0\x80\n', 1, 4],
    ['a code point above U+10FFFF', 'a: \xf4\x90\x80\x80\n', 1, 4],
    ['a sequence cut short at the end', 'a: \xe2\x82', 1, 4],
  ])('%s', (_what, bytes, line, column) => {
    expect(decodeManifest(text(bytes))).toMatchObject({ ok: false, reason: 'binary', line, column, message: expect.stringMatching(/^not valid UTF-8 text \(byte 0x[0-9a-f]{2}\); skipped$/) });
  });

  it('counts columns in characters of the valid text before the bad byte', () => {
    expect(decodeManifest(Buffer.concat([Buffer.from('name: «é»'), Buffer.from([0xff])]))).toMatchObject({ line: 1, column: 10 });
  });

  it('a NUL is located too', () => {
    expect(decodeManifest(text('a: 1\nb: x\x00y\n'))).toMatchObject({ ok: false, message: 'binary file (NUL bytes); skipped', line: 2, column: 5 });
  });

  it('a NUL past the first 8 KiB is located as well (not left to the YAML reader, which gave its offset as a column)', () => {
    const text = `# ${'c'.repeat(9000)}\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  k: "ab\u0000"\n`;
    expect(decodeManifest(Buffer.from(text))).toMatchObject({ ok: false, reason: 'binary', line: 6, column: 9 });
  });

  it('valid UTF-8 (4-byte sequences included) still decodes', () => {
    expect(decodeManifest(Buffer.from('a: "😀 é"\n'))).toEqual({ ok: true, text: 'a: "😀 é"\n' });
  });
});
