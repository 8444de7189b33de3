/**
 * The hidden, versioned marker at the top of the PR comment. The Action layer finds its own
 * comment by it (with the key of the check's identity) and never overwrites a newer head SHA.
 * `<!-- netpol-ci:check v1 key=<key> sha=<sha|none> truncated=<bool> -->`
 */
export const MARKER_VERSION = 1;

export interface CheckMarker {
  readonly version: number;
  /** The check's identity (workflow + comment-key), URI-encoded in the marker. */
  readonly key: string;
  /** The head commit the report was computed for; undefined when the sides were folders. */
  readonly sha?: string;
  readonly truncated: boolean;
}

export function buildMarker(m: Omit<CheckMarker, 'version'> & { readonly version?: number }): string {
  const sha = m.sha && /^[0-9a-f]{7,64}$/i.test(m.sha) ? m.sha.toLowerCase() : 'none';
  return `<!-- netpol-ci:check v${m.version ?? MARKER_VERSION} key=${encodeURIComponent(m.key)} sha=${sha} truncated=${m.truncated} -->`;
}

const MARKER = /^<!-- netpol-ci:check v(\d+) key=(\S*) sha=([0-9a-f]{7,64}|none) truncated=(true|false) -->$/m;

/** The marker of a comment body, or undefined when the body has none (or a malformed one). */
export function parseMarker(body: string): CheckMarker | undefined {
  const m = MARKER.exec(body);
  if (!m) return undefined;
  let key: string;
  try {
    key = decodeURIComponent(m[2] as string);
  } catch {
    return undefined;
  }
  return { version: Number(m[1]), key, ...(m[3] !== 'none' ? { sha: m[3] as string } : {}), truncated: m[4] === 'true' };
}
