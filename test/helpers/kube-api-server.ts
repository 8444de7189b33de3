import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A small Kubernetes API server for tests, so that the real `kubectl` can be pointed at it through
 * a kubeconfig. It answers what `kubectl api-resources` and `kubectl get ... -o json` ask:
 * `/version`, discovery (`/api`, `/apis`, each group version's resource list, including
 * policy.networking.k8s.io), and list requests, cluster-wide or per namespace, in the API's own
 * JSON shape (`<Kind>List` with `metadata.resourceVersion`, items with apiVersion and kind). It can
 * refuse a namespace (403 Forbidden, as RBAC would) or not answer at all.
 *
 * The CLI runs synchronously (kubectl is waited for with spawnSync), which blocks the test's event
 * loop: the server therefore runs in a worker thread, bundled from this file with esbuild.
 */

export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly [k: string]: unknown };
  readonly [k: string]: unknown;
}

export interface FakeCluster {
  readonly objects: readonly KubeObject[];
  /** Namespaces whose lists are refused with 403 Forbidden. */
  readonly forbiddenNamespaces?: readonly string[];
  /** Cluster-scoped resource types (plural, e.g. `nodes`) whose lists are refused with 403 Forbidden. */
  readonly forbiddenClusterResources?: readonly string[];
  /** Accept connections and never answer (a server that hangs). */
  readonly hang?: boolean;
  /** Advertise an aggregated group (metrics.k8s.io) whose discovery fails with 503, as a broken metrics-server does. */
  readonly brokenAggregatedApi?: boolean;
}

const BROKEN_GROUP = 'metrics.k8s.io';

interface Resource {
  readonly group: string;
  readonly version: string;
  readonly plural: string;
  readonly kind: string;
  readonly namespaced: boolean;
}

/** The resource types of a v1.32 cluster with the network-policy-api CRDs installed (what netpol-ci reads). */
export const RESOURCES: readonly Resource[] = [
  { group: '', version: 'v1', plural: 'namespaces', kind: 'Namespace', namespaced: false },
  { group: '', version: 'v1', plural: 'nodes', kind: 'Node', namespaced: false },
  { group: '', version: 'v1', plural: 'pods', kind: 'Pod', namespaced: true },
  { group: '', version: 'v1', plural: 'services', kind: 'Service', namespaced: true },
  { group: '', version: 'v1', plural: 'configmaps', kind: 'ConfigMap', namespaced: true },
  { group: '', version: 'v1', plural: 'replicationcontrollers', kind: 'ReplicationController', namespaced: true },
  { group: 'apps', version: 'v1', plural: 'deployments', kind: 'Deployment', namespaced: true },
  { group: 'apps', version: 'v1', plural: 'statefulsets', kind: 'StatefulSet', namespaced: true },
  { group: 'apps', version: 'v1', plural: 'daemonsets', kind: 'DaemonSet', namespaced: true },
  { group: 'apps', version: 'v1', plural: 'replicasets', kind: 'ReplicaSet', namespaced: true },
  { group: 'batch', version: 'v1', plural: 'jobs', kind: 'Job', namespaced: true },
  { group: 'batch', version: 'v1', plural: 'cronjobs', kind: 'CronJob', namespaced: true },
  { group: 'networking.k8s.io', version: 'v1', plural: 'networkpolicies', kind: 'NetworkPolicy', namespaced: true },
  { group: 'networking.k8s.io', version: 'v1', plural: 'ingresses', kind: 'Ingress', namespaced: true },
  { group: 'discovery.k8s.io', version: 'v1', plural: 'endpointslices', kind: 'EndpointSlice', namespaced: true },
  { group: 'policy.networking.k8s.io', version: 'v1alpha1', plural: 'adminnetworkpolicies', kind: 'AdminNetworkPolicy', namespaced: false },
  { group: 'policy.networking.k8s.io', version: 'v1alpha1', plural: 'baselineadminnetworkpolicies', kind: 'BaselineAdminNetworkPolicy', namespaced: false },
  { group: 'policy.networking.k8s.io', version: 'v1alpha2', plural: 'clusternetworkpolicies', kind: 'ClusterNetworkPolicy', namespaced: false },
];

const groupVersion = (r: Resource) => (r.group ? `${r.group}/${r.version}` : r.version);

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function resourceList(gv: string): unknown {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: gv,
    resources: RESOURCES.filter((r) => groupVersion(r) === gv).map((r) => ({
      name: r.plural,
      singularName: r.kind.toLowerCase(),
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    })),
  };
}

function groups(cluster: FakeCluster): unknown {
  const byGroup = new Map<string, string[]>();
  for (const r of RESOURCES) if (r.group) byGroup.set(r.group, [...new Set([...(byGroup.get(r.group) ?? []), r.version])]);
  if (cluster.brokenAggregatedApi) byGroup.set(BROKEN_GROUP, ['v1beta1']);
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [...byGroup].map(([name, versions]) => ({
      name,
      versions: versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v })),
      preferredVersion: { groupVersion: `${name}/${versions[0]}`, version: versions[0] },
    })),
  };
}

function forbidden(r: Resource, ns?: string): unknown {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `${r.plural}${r.group ? `.${r.group}` : ''} is forbidden: User "tester" cannot list resource "${r.plural}" in API group "${r.group}" ${ns === undefined ? 'at the cluster scope' : `in the namespace "${ns}"`}`,
    reason: 'Forbidden',
    details: { kind: r.plural, ...(r.group ? { group: r.group } : {}) },
    code: 403,
  };
}

function notFound(url: string): unknown {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `the server could not find the requested resource (${url})`, reason: 'NotFound', code: 404 };
}

/** Answers one request: discovery, or a list of one resource type in all namespaces or one. */
export function handle(cluster: FakeCluster, req: IncomingMessage, res: ServerResponse): void {
  if (cluster.hang) return;
  const url = new URL(req.url ?? '/', 'http://localhost');
  const parts = url.pathname.split('/').filter((p) => p !== '');
  if (url.pathname === '/version') return send(res, 200, { major: '1', minor: '32', gitVersion: 'v1.32.0', platform: 'linux/amd64' });
  if (url.pathname === '/api') return send(res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: req.headers.host ?? '' }] });
  if (url.pathname === '/apis') return send(res, 200, groups(cluster));
  if (cluster.brokenAggregatedApi && url.pathname.startsWith(`/apis/${BROKEN_GROUP}/`)) {
    return send(res, 503, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server is currently unable to handle the request', reason: 'ServiceUnavailable', code: 503 });
  }
  // /api/v1/... or /apis/<group>/<version>/...
  let gv: string;
  let rest: string[];
  if (parts[0] === 'api' && parts[1]) {
    gv = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts[1] && parts[2]) {
    gv = `${parts[1]}/${parts[2]}`;
    rest = parts.slice(3);
  } else return send(res, 404, notFound(url.pathname));
  if (rest.length === 0) return RESOURCES.some((r) => groupVersion(r) === gv) ? send(res, 200, resourceList(gv)) : send(res, 404, notFound(url.pathname));
  let ns: string | undefined;
  let plural: string;
  if (rest[0] === 'namespaces' && rest.length === 3) {
    ns = rest[1];
    plural = rest[2] as string;
  } else if (rest.length === 1) plural = rest[0] as string;
  else return send(res, 404, notFound(url.pathname));
  const r = RESOURCES.find((x) => groupVersion(x) === gv && x.plural === plural);
  if (!r) return send(res, 404, notFound(url.pathname));
  if (ns !== undefined && cluster.forbiddenNamespaces?.includes(ns)) return send(res, 403, forbidden(r, ns));
  if (ns === undefined && !r.namespaced && cluster.forbiddenClusterResources?.includes(r.plural)) return send(res, 403, forbidden(r));
  const items = cluster.objects.filter((o) => o.kind === r.kind && o.apiVersion === gv && (ns === undefined || !r.namespaced || o.metadata.namespace === ns));
  return send(res, 200, { kind: `${r.kind}List`, apiVersion: gv, metadata: { resourceVersion: '4711' }, items });
}

/** The worker's body: serve the cluster on 127.0.0.1 and report the port. */
export function serve(cluster: FakeCluster, ready: (port: number) => void): void {
  const server = createServer((req, res) => handle(cluster, req, res));
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    ready(typeof address === 'object' && address ? address.port : 0);
  });
}

export interface KubeApiServer {
  readonly url: string;
  /** A kubeconfig whose current context `fake` points at the server. */
  readonly kubeconfig: string;
  stop(): Promise<void>;
}

let bundled: string | undefined;

/** Starts the server in a worker thread; `dir` receives its kubeconfig. */
export async function startKubeApiServer(cluster: FakeCluster, dir: string): Promise<KubeApiServer> {
  // esbuild is loaded here, not at the top: the worker runs this very file and needs neither it nor import.meta
  const { buildSync } = await import('esbuild');
  bundled ??= buildSync({
    stdin: {
      contents: "import { parentPort, workerData } from 'node:worker_threads'; import { serve } from './kube-api-server.ts'; serve(workerData, (port) => parentPort.postMessage(port));",
      resolveDir: path.dirname(fileURLToPath(import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    external: ['esbuild'],
    logLevel: 'silent',
  }).outputFiles[0]?.text;
  const worker = new Worker(bundled as string, { eval: true, workerData: cluster });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const url = `http://127.0.0.1:${port}`;
  const kubeconfig = path.join(dir, 'kubeconfig');
  writeFileSync(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: fake',
      '  cluster:',
      `    server: ${url}`,
      'users:',
      '- name: tester',
      '  user: {}',
      'contexts:',
      '- name: fake',
      '  context:',
      '    cluster: fake',
      '    user: tester',
      'current-context: fake',
      '',
    ].join('\n'),
  );
  return { url, kubeconfig, stop: async () => void (await worker.terminate()) };
}
