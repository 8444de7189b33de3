import { createHash } from 'node:crypto';

/**
 * The hidden first line of every sticky comment: which check it belongs to and which head SHA it
 * was computed for. Versioned, so a later format can still recognise (and replace) older comments.
 *
 *   <!-- netpol-ci:check v1 key=3f2a… sha=0123abcd… -->           (or `… empty -->` for a report with nothing to say)
 */
export interface Marker {
  readonly kind: string;
  readonly key: string;
  readonly sha: string;
  readonly empty: boolean;
}

export const MARKER_VERSION = 1;
const MARKER = /^<!-- netpol-ci:([a-z][a-z0-9-]*) v(\d+) key=([0-9a-f]{1,64}) sha=([0-9a-f]{7,64})( empty)? -->$/;
const ANY_MARKER = /<!--\s*netpol-ci:[^>]*-->\n?/g;

/** The comment identity: the workflow and the comment key (hashed: names may hold any character). */
export function commentKey(workflow: string, key: string): string {
  return createHash('sha256').update(`${workflow}\n${key}`).digest('hex').slice(0, 16);
}

export function renderMarker(m: Marker): string {
  return `<!-- netpol-ci:${m.kind} v${MARKER_VERSION} key=${m.key} sha=${m.sha}${m.empty ? ' empty' : ''} -->`;
}

/** The marker of a comment body (its first line only: a marker quoted further down is not ours). */
export function parseMarker(body: string): Marker | undefined {
  const first = body.split('\n', 1)[0]?.trimEnd() ?? '';
  const m = MARKER.exec(first);
  if (!m || Number(m[2]) !== MARKER_VERSION) return undefined;
  return { kind: m[1] as string, key: m[3] as string, sha: m[4] as string, empty: m[5] !== undefined };
}

/** A body with every netpol-ci marker removed, so that only the one we derive identifies it. */
export function stripMarkers(body: string): string {
  return body.replace(ANY_MARKER, '');
}

export function withMarker(m: Marker, body: string): string {
  return `${renderMarker(m)}\n${stripMarkers(body)}`;
}
