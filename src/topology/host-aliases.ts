import type { PodSpec } from '../manifests/schemas.js';
import { isIpLiteral } from './addresses.js';

/**
 * A pod's `hostAliases`: the kubelet writes them into the pod's /etc/hosts, which the resolver
 * reads before DNS (nsswitch `files dns`), so a host named there is that address whatever a
 * Service of the same name says (`hostAliases: [{ip: 10.1.2.3, hostnames: [db.internal]}]` makes
 * `db.internal:5432` the address 10.1.2.3:5432). Names are matched without regard to case, as the
 * resolver does, and the first entry for a name wins (glibc returns the first /etc/hosts match).
 * The schema does not validate the field: it is read leniently, an entry that is not an IP and
 * a list of names skipped (the API server refuses it).
 */
const cache = new WeakMap<object, ReadonlyMap<string, string>>();

function aliasesOf(spec: PodSpec): ReadonlyMap<string, string> {
  const known = cache.get(spec);
  if (known) return known;
  const out = new Map<string, string>();
  const list = (spec as { hostAliases?: unknown }).hostAliases;
  for (const entry of Array.isArray(list) ? list : []) {
    const { ip, hostnames } = (entry ?? {}) as { ip?: unknown; hostnames?: unknown };
    if (typeof ip !== 'string' || !isIpLiteral(ip) || !Array.isArray(hostnames)) continue;
    for (const name of hostnames) if (typeof name === 'string' && name !== '' && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), ip);
  }
  cache.set(spec, out);
  return out;
}

/** The address the pod's /etc/hosts gives `host`, or undefined when it names none (an IP is never looked up). */
export function hostAlias(spec: PodSpec | null | undefined, host: string): string | undefined {
  if (!spec || isIpLiteral(host)) return undefined;
  return aliasesOf(spec).get(host.toLowerCase().replace(/\.$/, ''));
}
