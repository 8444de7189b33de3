/**
 * Bytes of a manifest file to text. UTF-8 (with or without a BOM) is read as is; UTF-16 with a
 * byte-order mark is decoded (editors on Windows save it) and said so; UTF-32 and UTF-16 without a
 * mark are named precisely rather than called binary; NUL bytes in anything else mean binary.
 */
export type Decoded =
  | { readonly ok: true; readonly text: string; readonly note?: string }
  | { readonly ok: false; readonly reason: 'binary' | 'encoding'; readonly message: string; readonly line?: number; readonly column?: number };

/** Where a byte offset is, as a line and a column (in characters of the valid text before it), both from 1. */
function position(buf: Uint8Array, offset: number): { line: number; column: number } {
  const lineStart = buf.lastIndexOf(0x0a, offset - 1) + 1;
  let line = 1;
  for (let i = buf.indexOf(0x0a); i >= 0 && i < offset; i = buf.indexOf(0x0a, i + 1)) line++;
  return { line, column: new TextDecoder('utf-8').decode(buf.subarray(lineStart, offset)).length + 1 };
}

/** The length of the UTF-8 sequence starting at `i` when it is well-formed (RFC 3629: shortest form, no surrogates, at most U+10FFFF), else 0. */
function sequenceLength(buf: Uint8Array, i: number): number {
  const b = buf[i] as number;
  if (b < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < buf.length && (buf[i + k] as number) >= lo && (buf[i + k] as number) <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) return cont(1, b === 0xe0 ? 0xa0 : 0x80, b === 0xed ? 0x9f : 0xbf) && cont(2) ? 3 : 0;
  if (b >= 0xf0 && b <= 0xf4) return cont(1, b === 0xf0 ? 0x90 : 0x80, b === 0xf4 ? 0x8f : 0xbf) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** The offset of the first byte that is not well-formed UTF-8 (called only once the fast decoder has refused the bytes). */
function firstInvalidUtf8(buf: Uint8Array): number {
  for (let i = 0; i < buf.length; ) {
    const n = sequenceLength(buf, i);
    if (n === 0) return i;
    i += n;
  }
  return buf.length;
}

function startsWith(buf: Uint8Array, bytes: readonly number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

/** UTF-16 without a BOM: ASCII-range text has a NUL in every other byte. */
function looksLikeBomlessUtf16(buf: Uint8Array): 'le' | 'be' | undefined {
  const n = Math.min(buf.length, 512) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const half = n / 2;
  if (oddNul >= half * 0.9 && evenNul === 0) return 'le';
  if (evenNul >= half * 0.9 && oddNul === 0) return 'be';
  return undefined;
}

export function decodeManifest(buf: Uint8Array): Decoded {
  if (startsWith(buf, [0xff, 0xfe, 0, 0]) || startsWith(buf, [0, 0, 0xfe, 0xff])) {
    return { ok: false, reason: 'encoding', message: 'UTF-32 text is not supported; save the file as UTF-8' };
  }
  for (const [bom, label] of [
    [[0xff, 0xfe], 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be'],
  ] as const) {
    if (!startsWith(buf, bom)) continue;
    try {
      const text = new TextDecoder(label, { fatal: true }).decode(buf.subarray(2));
      return { ok: true, text, note: `decoded as ${label.toUpperCase()} (byte-order mark); Kubernetes tools expect UTF-8` };
    } catch {
      return { ok: false, reason: 'encoding', message: `invalid ${label.toUpperCase()} text (it starts with a UTF-16 byte-order mark)` };
    }
  }
  const bomless = looksLikeBomlessUtf16(buf);
  if (bomless) return { ok: false, reason: 'encoding', message: `UTF-16${bomless.toUpperCase()} without a byte-order mark is not supported; save the file as UTF-8` };
  // the first NUL and the first malformed byte are located: a text file with one stray byte is fixed at that place
  // anywhere in the file (a memchr: fast however large), so that one past the first 8 KiB is located
  // as well, not left to the YAML reader, which gives its byte offset as a column
  const nul = buf.indexOf(0);
  if (nul >= 0) return { ok: false, reason: 'binary', message: 'binary file (NUL bytes); skipped', ...position(buf, nul) };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    const bad = firstInvalidUtf8(buf);
    return { ok: false, reason: 'binary', message: `not valid UTF-8 text (byte 0x${(buf[bad] ?? 0).toString(16).padStart(2, '0')}); skipped`, ...position(buf, bad) };
  }
}
