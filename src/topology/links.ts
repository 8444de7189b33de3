import { placeText } from '../diagnostics/diagnostic.js';
import type { ConnectionSet } from '../model/connection-set.js';
import type { Peer, WorkloadRef } from '../model/peer.js';
import type { SourceRef } from '../diagnostics/diagnostic.js';

/**
 * A Link is a *required* communication found in the manifests (or in traffic), never a
 * Service. Its peers are workloads, the ingress controller, a Gateway, or an outside address.
 * Why a link exists: a value in a manifest (with the reference that led there), or an exposing object.
 */
export type Evidence =
  | {
      readonly kind: 'address';
      /** Where the address was written (an env value, an arg, a ConfigMap key). */
      readonly at: SourceRef;
      /** The matched text. */
      readonly value: string;
      /** For ConfigMap values: the workload's reference to the ConfigMap. */
      readonly via?: SourceRef;
      /** For ConfigMap values: the ConfigMap, `ns/name`. */
      readonly configMap?: string;
      /** The Service it resolved to, `ns/name`. */
      readonly service?: string;
      /** For a rendered chart: the values-file line and key (`path`) the value came from, where that is exact. */
      readonly traced?: SourceRef;
    }
  | { readonly kind: 'exposure'; readonly object: string; readonly at: SourceRef }
  | {
      readonly kind: 'trace';
      /** What was seen, e.g. `TCP 9080 via Service default/details`. */
      readonly event: string;
      /** The trace file and the line of the first event of this kind. */
      readonly file: string;
      readonly line: number;
      /** How many connection starts the trace holds for it. */
      readonly count: number;
      /** First and last timestamps, as the trace writes them (absent when it has none). */
      readonly firstSeen?: string;
      readonly lastSeen?: string;
    }
  | { readonly kind: 'intent'; readonly at: SourceRef }
  /** An allow baseline rule (`synthesize --baseline`): its connections are synthesized. */
  | { readonly kind: 'baseline'; readonly rule: string; readonly at: SourceRef }
  /** A gap closed by `--gaps=namespace|open` (verify counts what the closure opens as needed). */
  | { readonly kind: 'gap'; readonly mode: string; readonly at: SourceRef; readonly detail: string };

export interface Link {
  readonly src: Peer;
  readonly dst: Peer;
  readonly conns: ConnectionSet;
  readonly evidence: readonly Evidence[];
}

/** An address-like value that resolved to nothing, or a hostname that policies cannot express. */
export interface Unresolved {
  readonly workload: WorkloadRef;
  readonly value: string;
  readonly at: SourceRef;
  readonly via?: SourceRef;
  /**
   * `node-address`: the node's own address (`status.hostIP`), where a node-local agent listens;
   * `mesh-control-plane`: the control plane an injected mesh proxy must reach (see mesh.ts);
   * `secret-value`: an address read from a Secret (a Dapr Component's `secretKeyRef`), which the manifests do not hold.
   */
  readonly reason: 'no-such-service' | 'no-such-port' | 'no-endpoints' | 'external-hostname' | 'api-server' | 'undefined-variable' | 'node-address' | 'mesh-control-plane' | 'secret-value';
  readonly detail: string;
  /** The connections, where the value does not write them as `host:port` (a paired `FOO_PORT` variable, a mesh's ports). */
  readonly conns?: ConnectionSet;
  /** The namespace the destination is known to live in (a mesh's control plane). */
  readonly namespace?: string;
  /** For a rendered chart: the values-file line and key (`path`) the value came from, where that is exact (as a link's evidence). */
  readonly traced?: SourceRef;
}

export interface Topology {
  readonly links: readonly Link[];
  readonly unresolved: readonly Unresolved[];
}

export function evidenceText(e: Evidence): string {
  switch (e.kind) {
    case 'address':
      return `${placeText(e.at)} ${pathText(e.at.path)} = ${JSON.stringify(e.value)}${e.via ? ` (via ${e.configMap ? `ConfigMap ${e.configMap}, referenced at ` : ''}${placeText(e.via)})` : ''}${e.traced ? ` (values ${placeText(e.traced)}${e.traced.path && e.traced.path.length > 0 ? ` ${e.traced.path.join('.')}` : ''})` : ''}`;
    case 'exposure':
      return `${e.object} (${placeText(e.at)})`;
    case 'trace':
      return `trace ${e.file}:${e.line} ${e.event} x${e.count}${e.firstSeen !== undefined ? ` (${e.firstSeen === e.lastSeen ? e.firstSeen : `${e.firstSeen} .. ${e.lastSeen ?? ''}`})` : ''}`;
    case 'intent':
      return `intent ${placeText(e.at)}`;
    case 'baseline':
      return `baseline rule ${e.rule} ${placeText(e.at)}`;
    case 'gap':
      return `gap (--gaps=${e.mode}) ${placeText(e.at)}: ${e.detail}`;
  }
}

function pathText(path: readonly (string | number)[] | undefined): string {
  let out = '';
  for (const p of path ?? []) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}
