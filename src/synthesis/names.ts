import { createHash } from 'node:crypto';
import { compareStrings } from '../manifests/cluster.js';
import { workloadKey, type WorkloadRef } from '../model/peer.js';

/** Kubernetes' limit on an object name (a DNS-1123 subdomain). */
const MAX_NAME = 253;
const SUFFIX = '-netpol';

/** A short, stable digest of the workload: what keeps a shortened or disambiguated name unique. */
function digest(ref: WorkloadRef): string {
  return createHash('sha256').update(workloadKey(ref)).digest('hex').slice(0, 8);
}

/**
 * `<prefix><base>-netpol`, kept within 253 characters: a longer base is cut and followed by the
 * workload's digest, so that two long names sharing their first 240 characters stay apart. The cut
 * never leaves a `-` or `.` before the digest (a DNS-1123 label neither starts nor ends with one).
 */
function fit(prefix: string, base: string, ref: WorkloadRef): string {
  const name = `${prefix}${base}${SUFFIX}`;
  if (name.length <= MAX_NAME) return name;
  const room = MAX_NAME - prefix.length - SUFFIX.length - 9;
  return `${prefix}${base.slice(0, Math.max(room, 0)).replace(/[-.]+$/, '')}-${digest(ref)}${SUFFIX}`;
}

/**
 * The name of each workload's policy (workloadKey -> name), unique in its namespace and at most
 * 253 characters:
 *
 * - `<name>-netpol`; `<name>-<kind>-netpol` when workloads of several kinds share the name;
 * - a name that would exceed 253 characters is shortened with a digest of the workload;
 * - names that still collide (`web[Deployment]` becomes `web-deployment-netpol`, as does a
 *   Deployment named `web-deployment`) all take the digest, so that no policy overwrites another
 *   when applied.
 *
 * The result depends only on the set of workloads, never on their order.
 */
export function policyNames(workloads: readonly WorkloadRef[], prefix: string): Map<string, string> {
  const sorted = [...workloads].sort((a, b) => compareStrings(workloadKey(a), workloadKey(b)));
  const count = new Map<string, number>();
  const nsName = (r: WorkloadRef) => `${r.namespace}\u0000${r.name}`;
  for (const r of sorted) count.set(nsName(r), (count.get(nsName(r)) ?? 0) + 1);
  const base = (r: WorkloadRef) => ((count.get(nsName(r)) ?? 0) > 1 ? `${r.name}-${r.kind.toLowerCase()}` : r.name);
  const first = new Map(sorted.map((r) => [workloadKey(r), fit(prefix, base(r), r)] as const));
  const taken = new Map<string, number>();
  for (const r of sorted) {
    const k = `${r.namespace}\u0000${first.get(workloadKey(r)) as string}`;
    taken.set(k, (taken.get(k) ?? 0) + 1);
  }
  const names = new Map<string, string>();
  for (const r of sorted) {
    const name = first.get(workloadKey(r)) as string;
    const clash = (taken.get(`${r.namespace}\u0000${name}`) ?? 0) > 1;
    names.set(workloadKey(r), clash ? fit(prefix, `${base(r)}-${digest(r)}`, r) : name);
  }
  return names;
}
