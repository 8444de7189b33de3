// The cluster snapshot's shape, apart from reading it (snapshot.ts): the trace worker loads the
// resolver without the YAML readers.

/** A Service port as exported (`kubectl get svc -o yaml`). */
export interface SnapshotServicePort {
  readonly name?: string;
  readonly port: number;
  readonly targetPort?: number | string;
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP';
}

export interface SnapshotPod {
  readonly namespace: string;
  readonly name: string;
  readonly ips: readonly string[];
  readonly hostIp?: string;
  readonly hostNetwork: boolean;
  readonly labels: Readonly<Record<string, string>>;
  readonly owner?: { readonly kind: string; readonly name: string };
}

export interface SnapshotService {
  readonly namespace: string;
  readonly name: string;
  readonly clusterIps: readonly string[];
  readonly ports: readonly SnapshotServicePort[];
  readonly selector?: Readonly<Record<string, string>>;
}

/** What `--cluster-snapshot DIR` holds: exported pods, services, namespaces (and nodes, when there). */
export interface ClusterSnapshot {
  readonly pods: readonly SnapshotPod[];
  readonly services: readonly SnapshotService[];
  readonly namespaces: readonly string[];
  /** Node addresses: where kubelet probes come from. */
  readonly nodeIps: readonly string[];
}

export const EMPTY_SNAPSHOT: ClusterSnapshot = { pods: [], services: [], namespaces: [], nodeIps: [] };
