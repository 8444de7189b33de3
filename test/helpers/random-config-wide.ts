import fc from 'fast-check';
import { NAMESPACES, NS_KEYS, NS_VALUES, PORTS, PORT_NAMES, ipBlock, ncaForm, npPeer, podLabels, podSelector, workloadDocs, type Doc } from './random-config.js';
import { withIngress, withServices } from './random-pr.js';

/**
 * Wider random configurations for the hunts (test/hunt/): the corners `randomConfiguration`
 * (random-config.ts) never reaches, on top of everything it does. It is a separate arbitrary so
 * that the seeds the normal tests and earlier reports name keep their meaning.
 *
 * What it adds:
 * - `policyTypes` in every spelling the API accepts: `[Egress, Ingress]`, and `[]` (defaulted like
 *   an absent list), with rules present for a direction the list leaves out;
 * - several policies that select the same pods with mixed `policyTypes` (a policy per namespace
 *   selecting everything in it, besides the random ones);
 * - ipBlocks with host bits set (`10.1.2.3/16`), /31 and /32 blocks, an `except` that is a /32 at
 *   either edge of its cidr, and `0.0.0.0/0` with edge excepts;
 * - init containers with named ports: plain ones (their ports name nothing) and sidecars
 *   (`restartPolicy: Always`, their ports serve like an app container's);
 * - hostNetwork pods;
 * - Services (named and numeric targetPorts) and an Ingress in front of one, for the ingress
 *   controller;
 * - larger configurations: up to 16 workloads and 10 policies.
 */

const optional = <T>(arb: fc.Arbitrary<T>, weight = 1): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: arb });
function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The CIDR edge cases: host bits set, /31, /32, excepts at the edges, the whole space. */
const edgeIpBlock = fc.constantFrom<Doc>(
  { ipBlock: { cidr: '10.1.2.3/16' } },
  { ipBlock: { cidr: '10.1.2.3/16', except: ['10.1.0.0/32', '10.1.255.255/32'] } },
  { ipBlock: { cidr: '10.1.2.2/31' } },
  { ipBlock: { cidr: '10.1.2.2/31', except: ['10.1.2.3/32'] } },
  { ipBlock: { cidr: '8.8.8.8/32' } },
  { ipBlock: { cidr: '0.0.0.0/0', except: ['0.0.0.0/32', '255.255.255.255/32'] } },
  { ipBlock: { cidr: '0.0.0.0/0', except: ['0.0.0.0/1'] } },
  { ipBlock: { cidr: '128.0.0.0/1', except: ['255.0.0.0/8', '128.0.0.0/8'] } },
);
/** IPv6 blocks, for dual-stack hunts (`--ip-family dual`): the whole space, edges, nested excepts. */
const ipv6Block = fc.constantFrom<Doc>(
  { ipBlock: { cidr: '::/0' } },
  { ipBlock: { cidr: '::/0', except: ['::/128', 'fe80::/10'] } },
  { ipBlock: { cidr: '2001:db8::/32', except: ['2001:db8::/64', '2001:db8:ffff:ffff::/64'] } },
  { ipBlock: { cidr: '2001:db8::1/128' } },
  { ipBlock: { cidr: '2001:db8:0:1::5/64' } },
  { ipBlock: { cidr: '8000::/1', except: ['ffff::/16'] } },
);
const widePeer = (ipv6: boolean) =>
  fc.oneof({ weight: 5, arbitrary: npPeer }, { weight: 1, arbitrary: edgeIpBlock }, { weight: 1, arbitrary: ipBlock }, ...(ipv6 ? [{ weight: 2, arbitrary: ipv6Block }] : []));

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;
const widePort = fc
  .record({
    protocol: optional(fc.constantFrom(...PROTOCOLS)),
    port: optional(fc.oneof(fc.constantFrom(...PORTS), fc.constantFrom(...PORT_NAMES, 'admin', 'side')), 1),
    span: fc.constantFrom(undefined, undefined, 0, 1, 100, 65534),
  })
  .map(({ protocol, port, span }) =>
    compact({ protocol, port, endPort: typeof port === 'number' && span !== undefined ? Math.min(65535, port + span) : undefined }),
  );

const wideRule = (peers: 'from' | 'to', ipv6: boolean) =>
  fc
    .record({ peers: optional(fc.array(widePeer(ipv6), { maxLength: 3 })), ports: optional(fc.array(widePort, { maxLength: 3 })) })
    .map(({ peers: p, ports }) => compact({ [peers]: p, ports }));
const wideRules = (peers: 'from' | 'to', ipv6: boolean) =>
  fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.constant([{}]) }, { weight: 4, arbitrary: fc.array(wideRule(peers, ipv6), { minLength: 1, maxLength: 3 }) });

const POLICY_TYPES = [undefined, undefined, [], ['Ingress'], ['Egress'], ['Ingress', 'Egress'], ['Egress', 'Ingress']] as const;

const widePolicy = (ipv6: boolean) =>
  fc
    .record({
      namespace: fc.constantFrom(...NAMESPACES),
      podSelector: fc.oneof({ weight: 1, arbitrary: fc.constant({}) }, { weight: 3, arbitrary: podSelector }),
      policyTypes: fc.constantFrom(...POLICY_TYPES),
      ingress: optional(wideRules('from', ipv6)),
      egress: optional(wideRules('to', ipv6)),
    })
    .map(({ namespace, policyTypes, ...spec }) => ({ namespace, spec: compact({ ...spec, policyTypes: policyTypes === undefined ? undefined : [...policyTypes] }) }));

/** App containers (as random-config's), then init containers: plain, or sidecars (restartPolicy: Always). */
const podContainers = fc
  .record({
    app: fc.array(fc.array(fc.record({ containerPort: fc.constantFrom(...PORTS), protocol: optional(fc.constantFrom(...PROTOCOLS)), name: optional(fc.constantFrom(...PORT_NAMES)) }), { maxLength: 3 }), { minLength: 1, maxLength: 2 }),
    init: fc.array(fc.record({ sidecar: fc.boolean(), port: fc.constantFrom(...PORTS), name: fc.constantFrom('admin', 'side', ...PORT_NAMES) }), { maxLength: 2 }),
    hostNetwork: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  })
  .map(({ app, init, hostNetwork }) => {
    // port names are unique within the pod, across app and init containers (the API requires it)
    const names = new Set<string>();
    const numbers = new Set<string>();
    const keep = (p: { containerPort: number; protocol?: string | undefined; name?: string | undefined }): Doc[] => {
      const key = `${p.containerPort}/${p.protocol ?? 'TCP'}`;
      if (numbers.has(key)) return [];
      numbers.add(key);
      const name = p.name !== undefined && !names.has(p.name) ? p.name : undefined;
      if (name) names.add(name);
      return [compact({ ...p, name })];
    };
    const containers = app.map((ports, i) => {
      const kept = ports.flatMap(keep);
      return compact({ name: `c${i}`, image: 'nginx:1.25', ports: kept.length ? kept : undefined });
    });
    const initContainers = init.map((c, i) => {
      const kept = keep({ containerPort: c.port, name: c.name });
      return compact({ name: `init${i}`, image: 'busybox:1.36', restartPolicy: c.sidecar ? 'Always' : undefined, ports: kept.length ? kept : undefined });
    });
    return { containers, initContainers, hostNetwork };
  });

const KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'owned'] as const;
const wideWorkload = fc.record({ kind: fc.constantFrom(...KINDS), namespace: fc.constantFrom(...NAMESPACES), labels: podLabels, pod: podContainers });

const namespaceObject = fc.record({ present: fc.boolean(), labels: fc.dictionary(fc.constantFrom(...NS_KEYS), fc.constantFrom(...NS_VALUES), { maxKeys: 2 }) });

/** Puts the init containers and hostNetwork into every pod spec that workloadDocs wrote. */
function withPodExtras(docs: Doc[], extras: { initContainers: Doc[]; hostNetwork: boolean }): Doc[] {
  const patch = (spec: Record<string, unknown>) => {
    if (extras.initContainers.length > 0) spec.initContainers = extras.initContainers;
    if (extras.hostNetwork) spec.hostNetwork = true;
  };
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.containers)) patch(o);
    for (const x of Object.values(o)) visit(x);
  };
  visit(docs);
  return docs;
}

export interface WideSize {
  maxWorkloads: number;
  maxPolicies: number;
}
export const WIDE_SIZES: Record<'small' | 'large', WideSize> = { small: { maxWorkloads: 8, maxPolicies: 6 }, large: { maxWorkloads: 16, maxPolicies: 10 } };

export interface WideOptions {
  /** IPv6 ipBlocks too: only for an analysis with `--ip-family dual` (IPv4 alone ignores them, with a warning). */
  ipv6?: boolean;
}

/** A wide configuration: its documents, as a manifest file would list them. */
export const wideConfiguration = (size: WideSize = WIDE_SIZES.small, options: WideOptions = {}): fc.Arbitrary<Doc[]> => {
  const ipv6 = options.ipv6 === true;
  return fc
    .record({
      namespaces: fc.tuple(...NAMESPACES.map(() => namespaceObject)),
      workloads: fc.array(wideWorkload, { minLength: 2, maxLength: size.maxWorkloads }),
      policies: fc.array(widePolicy(ipv6), { minLength: 1, maxLength: size.maxPolicies }),
      // a policy selecting the whole namespace, with its own policyTypes, over the random ones
      blanket: optional(fc.record({ namespace: fc.constantFrom(...NAMESPACES), policyTypes: fc.constantFrom(...POLICY_TYPES), ingress: optional(wideRules('from', ipv6)), egress: optional(wideRules('to', ipv6)) })),
      services: fc.boolean(),
      ingress: fc.boolean(),
    })
    .map(({ namespaces, workloads, policies, blanket, services, ingress }) => {
      const all = blanket
        ? [...policies, { namespace: blanket.namespace, spec: compact({ podSelector: {}, policyTypes: blanket.policyTypes === undefined ? undefined : [...blanket.policyTypes], ingress: blanket.ingress, egress: blanket.egress }) }]
        : policies;
      let docs: Doc[] = [
        ...namespaces.flatMap((n, i) => (n.present ? [{ apiVersion: 'v1', kind: 'Namespace', metadata: compact({ name: NAMESPACES[i], labels: Object.keys(n.labels).length ? n.labels : undefined }) }] : [])),
        ...workloads.flatMap((w, i) => withPodExtras(workloadDocs({ kind: w.kind, namespace: w.namespace, labels: w.labels, containers: w.pod.containers }, i), w.pod)),
        ...all.map((p, i) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: `np-${i}`, namespace: p.namespace }, spec: p.spec })),
      ];
      if (services) docs = withServices(docs);
      if (services && ingress) docs = withIngress(docs);
      return docs;
    });
};

/**
 * The wide configuration in the form nca 2.1.0 reads as Kubernetes does: `ncaForm`'s rewrites
 * (random-config.ts), after three more that keep the meaning:
 * - `policyTypes: []` is dropped (the API server defaults it as an absent list), and
 *   `[Egress, Ingress]` is written `[Ingress, Egress]` (nca refuses that order);
 * - a sidecar's ports move to the app containers (nca reads only `spec.containers`: a sidecar is
 *   an init container with `restartPolicy: Always` since Kubernetes 1.28), and a plain init
 *   container is dropped (its ports name nothing, and nca ignores it anyway).
 */
export function wideNcaForm(docs: readonly Doc[]): Doc[] {
  const normalised = docs.map((d) => {
    const out = structuredClone(d);
    if (out.kind === 'NetworkPolicy') {
      const spec = out.spec as Record<string, unknown>;
      const types = spec.policyTypes as string[] | undefined;
      if (types?.length === 0) delete spec.policyTypes;
      else if (types?.join() === 'Egress,Ingress') spec.policyTypes = ['Ingress', 'Egress'];
    }
    const visit = (v: unknown): void => {
      if (Array.isArray(v)) return v.forEach(visit);
      if (v === null || typeof v !== 'object') return;
      const o = v as Record<string, unknown>;
      if (Array.isArray(o.initContainers) && Array.isArray(o.containers)) {
        const sidecars = (o.initContainers as Record<string, unknown>[]).filter((c) => c.restartPolicy === 'Always');
        o.containers = [...(o.containers as unknown[]), ...sidecars.map(({ restartPolicy: _always, ...c }) => c)];
        delete o.initContainers;
      }
      for (const x of Object.values(o)) visit(x);
    };
    visit(out);
    return out;
  });
  return ncaForm(normalised);
}
