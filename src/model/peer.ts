import { formatRange, parseCidr, type IpRange } from './ip.js';

/** A workload: the unit netpol-ci reasons about (its pods fold into it). */
export interface WorkloadRef {
  readonly namespace: string;
  readonly name: string;
  readonly kind: string;
}

/** `ns/name[Kind]`, netpol-analyzer's notation. */
export function workloadKey(ref: WorkloadRef): string {
  let key = workloadKeys.get(ref);
  if (key === undefined) workloadKeys.set(ref, (key = `${ref.namespace}/${ref.name}[${ref.kind}]`));
  return key;
}

/**
 * Each WorkloadRef's key, made once: a check asks for the keys of the same refs hundreds of
 * thousands of times (sorting, diffing, judging links), and each made a new string to flatten and
 * hash. A memo of immutable objects (refs are never changed once made), freed with them.
 */
const workloadKeys = new WeakMap<WorkloadRef, string>();

/**
 * An endpoint of a connection or a link: a workload, the ingress controller, a Gateway (the
 * proxy of a Gateway API gateway), or an address range outside the cluster. One type with one
 * key (`peerKey`, also its text form) and one parser (`parsePeer`), for reports, links files,
 * `--explain` and `--links`.
 */
export type Peer =
  | { readonly kind: 'workload'; readonly ref: WorkloadRef }
  | { readonly kind: 'ingress-controller' }
  | { readonly kind: 'gateway'; readonly namespace: string; readonly name: string }
  | { readonly kind: 'external'; readonly range: IpRange };

export const INGRESS_CONTROLLER = '{ingress-controller}';

/** The peer's key and text form: `ns/name[Kind]`, `{ingress-controller}`, `{gateway ns/name}`, `a.b.c.d-e.f.g.h[External]`. */
export function peerKey(p: Peer): string {
  switch (p.kind) {
    case 'workload':
      return workloadKey(p.ref);
    case 'ingress-controller':
      return INGRESS_CONTROLLER;
    case 'gateway':
      return `{gateway ${p.namespace}/${p.name}}`;
    case 'external':
      return `${formatRange(p.range)}[External]`;
  }
}

export type PeerParse = { readonly ok: true; readonly peer: Peer } | { readonly ok: false; readonly error: string };

const fail = (error: string): PeerParse => ({ ok: false, error });

/**
 * Reads a peer as users write it: any `peerKey` form, a CIDR or a bare address, `ingress-controller`,
 * and `ns/name` without the kind when `workloads` is given and the name is unique there. With
 * `workloads`, a workload must exist in it.
 */
export function parsePeer(text: string, workloads?: readonly WorkloadRef[]): PeerParse {
  const t = text.trim();
  if (t === INGRESS_CONTROLLER || t === 'ingress-controller') return { ok: true, peer: { kind: 'ingress-controller' } };
  const gw = /^\{gateway ([^/\s]+)\/([^}\s]+)\}$/.exec(t);
  if (gw) return { ok: true, peer: { kind: 'gateway', namespace: gw[1] as string, name: gw[2] as string } };
  const ext = t.replace(/\[External\]$/, '');
  const dash = /^([0-9a-f:.]+)-([0-9a-f:.]+)$/i.exec(ext);
  if (dash) {
    const lo = parseCidr(dash[1] as string);
    const hi = parseCidr(dash[2] as string);
    if (lo && hi && lo.family === hi.family && lo.lo <= hi.hi) return { ok: true, peer: { kind: 'external', range: { family: lo.family, lo: lo.lo, hi: hi.hi } } };
    return fail(`${JSON.stringify(text)} is not a valid address range`);
  }
  const range = parseCidr(ext);
  if (range) return { ok: true, peer: { kind: 'external', range } };
  if (/^[0-9.]+(\/\d+)?$/.test(ext) || (ext.includes(':') && /^[0-9a-f:.]+(\/\d+)?$/i.test(ext))) return fail(`${JSON.stringify(text)} is not a valid address or CIDR`);
  const m = /^([^/\s[\]]+)\/([^/\s[\]]+)(?:\[([A-Za-z]+)\])?$/.exec(t);
  if (!m || m[3] === 'External') return fail(`${JSON.stringify(text)} is not ns/name[Kind], an IP address or {ingress-controller}`);
  const [, namespace, name, kind] = m as unknown as [string, string, string, string | undefined];
  if (!workloads) {
    if (!kind) return fail(`${JSON.stringify(text)} needs its kind: ns/name[Kind]`);
    return { ok: true, peer: { kind: 'workload', ref: { namespace, name, kind } } };
  }
  const found = workloads.filter((w) => w.namespace === namespace && w.name === name && (!kind || w.kind === kind));
  if (found.length === 0) return fail(`no workload ${text}`);
  if (found.length > 1) return fail(`${text} is ambiguous: ${found.map(workloadKey).join(', ')}`);
  return { ok: true, peer: { kind: 'workload', ref: found[0] as WorkloadRef } };
}
