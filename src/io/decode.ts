/**
 * Bytes of a manifest file to text. UTF-8 (with or without a BOM) is read as is; UTF-16 with a
 * byte-order mark is decoded (editors on Windows save it) and said so; UTF-32 and UTF-16 without a
 * mark are named precisely rather than called binary; NUL bytes in anything else mean binary.
 */
export type Decoded = { readonly ok: true; readonly text: string; readonly note?: string } | { readonly ok: false; readonly reason: 'binary' | 'encoding'; readonly message: string };

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
  if (buf.subarray(0, 8192).includes(0)) return { ok: false, reason: 'binary', message: 'binary file (NUL bytes); skipped' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { ok: false, reason: 'binary', message: 'not valid UTF-8 text; skipped' };
  }
}
