import type { WorkloadRef } from '../model/peer.js';

/**
 * What an env var set from the Downward API (`valueFrom.fieldRef.fieldPath`) holds, as far as
 * addresses go:
 *
 * - `value`: known from the manifests (`metadata.namespace` is the workload's namespace), so a
 *   `$(POD_NAMESPACE)` in `redis.$(POD_NAMESPACE).svc.cluster.local` expands like any variable;
 * - `node`: the address of the node the pod runs on (`status.hostIP`): the idiom for a node-local
 *   agent (Instana, Datadog, a Jaeger agent, an OpenTelemetry collector DaemonSet on a hostPort).
 *   NetworkPolicy sees node addresses only through ipBlocks, and no manifest holds the nodes'
 *   CIDR, so an address naming it is a gap, never a silent block;
 * - `own`: the pod's own address (`status.podIP`): what it advertises or binds, no destination;
 * - `runtime`: known only once the pod runs (`metadata.name`, `spec.nodeName`, `metadata.uid`, ...).
 */
export type DownwardField =
  | { readonly kind: 'value'; readonly field: string; readonly value: string }
  | { readonly kind: 'node' | 'own' | 'runtime'; readonly field: string };

export function downwardField(fieldPath: string, workload: WorkloadRef): DownwardField {
  const field = fieldPath.trim();
  if (field === 'metadata.namespace') return { kind: 'value', field, value: workload.namespace };
  if (field === 'status.hostIP' || field === 'status.hostIPs') return { kind: 'node', field };
  if (field === 'status.podIP' || field === 'status.podIPs') return { kind: 'own', field };
  return { kind: 'runtime', field };
}

/** Whether `$(NAME)` stands where a host goes in this value: `scheme://$(NAME)`, `$(NAME):port`, or the whole value. */
export function refAsHost(value: string, name: string): boolean {
  const ref = `$(${name})`;
  const at = value.indexOf(ref);
  if (at < 0) return false;
  if (value.trim() === ref) return true;
  const before = value.slice(0, at);
  const after = value.slice(at + ref.length);
  return /(?:^|:\/\/|[\s=,@])$/.test(before) && /^(?::\d{1,5}|\/|$|[\s,;])/.test(after);
}

/** The port written right after `$(NAME):` in a value, if any. */
export function portAfterRef(value: string, name: string): number | undefined {
  const i = value.indexOf(`$(${name}):`);
  if (i < 0) return undefined;
  const m = /^\d{1,5}/.exec(value.slice(i + name.length + 4));
  const n = m ? Number(m[0]) : undefined;
  return n !== undefined && n >= 1 && n <= 65535 ? n : undefined;
}
