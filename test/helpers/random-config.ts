import fc from 'fast-check';

/**
 * Random whole configurations, written as the manifests a repository would hold, for the
 * differential tests against the peers (nca, netpol-analyzer). This generator is deliberately
 * unlike the one of the engine's property test (test/connectivity/engine.property.test.ts): it
 * builds namespaces with and without a Namespace object, every workload kind with several
 * containers and named ports (a name on different numbers and protocols in different pods), pods
 * an absent owner created, and NetworkPolicies with every shape the API allows (absent and empty
 * selectors, each matchExpressions operator, `policyTypes` absent or partial, `ingress: []` and
 * `- {}`, `from: []`, `ports: []`, protocols absent or TCP/UDP/SCTP, overlapping `endPort` ranges,
 * named ports in egress, ipBlocks with nested and overlapping `except`, /32 and /0).
 */

export type Doc = Record<string, unknown>;

export const NAMESPACES = ['alpha', 'beta', 'gamma', 'default'];
export const NS_KEYS = ['env', 'team'];
export const NS_VALUES = ['prod', 'dev'];
export const POD_KEYS = ['app', 'role', 'tier'];
export const POD_VALUES = ['web', 'db', 'api', ''];
export const PORT_NAMES = ['http', 'dns', 'metrics'];
export const PORTS = [1, 53, 80, 81, 443, 5000, 5001, 8080, 8443, 65535];
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;
const KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob'] as const;
const CIDRS = ['0.0.0.0/0', '10.0.0.0/8', '10.1.0.0/16', '10.1.2.0/24', '10.1.2.3/32', '192.168.0.0/16', '128.0.0.0/1'];
/** Every label value a configuration can hold: Exists over a key means In over these. */
export const ALL_LABEL_VALUES = [...new Set([...NAMESPACES, ...NS_VALUES, ...POD_VALUES])];

const optional = <T>(arb: fc.Arbitrary<T>, weight = 1): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: arb });
/** Drops the undefined fields, so that "absent" is absent in the YAML. */
function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const requirement = (keys: string[], values: string[]) =>
  fc.oneof(
    fc.record({
      key: fc.constantFrom(...keys),
      operator: fc.constantFrom('In', 'NotIn'),
      values: fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({ key: fc.constantFrom(...keys), operator: fc.constantFrom('Exists', 'DoesNotExist') }),
  );

const labelSelector = (keys: string[], values: string[]): fc.Arbitrary<Doc> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant({}) },
    {
      weight: 3,
      arbitrary: fc
        .record({
          matchLabels: optional(fc.dictionary(fc.constantFrom(...keys), fc.constantFrom(...values), { minKeys: 1, maxKeys: 2 })),
          matchExpressions: optional(fc.array(requirement(keys, values), { minLength: 1, maxLength: 2 })),
        })
        .map(compact),
    },
  );

export const podSelector = labelSelector(POD_KEYS, POD_VALUES);
export const namespaceSelector = labelSelector([...NS_KEYS, 'kubernetes.io/metadata.name'], [...NS_VALUES, ...NAMESPACES]);
export const podLabels = fc.dictionary(fc.constantFrom(...POD_KEYS), fc.constantFrom(...POD_VALUES), { minKeys: 1, maxKeys: 3 });

function ipv4(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}
/** A CIDR and up to three excepts inside it (nested, overlapping, down to /32). */
export const ipBlock = fc
  .tuple(fc.constantFrom(...CIDRS), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 32 })), { maxLength: 3 }))
  .map(([cidr, excepts]) => {
    const [addr, bitsText] = cidr.split('/') as [string, string];
    const bits = Number(bitsText);
    const base = addr.split('.').reduce((a, b) => a * 256 + Number(b), 0);
    const size = 2 ** (32 - bits);
    const except = [
      ...new Set(
        excepts
          .filter(([, extra]) => bits + extra <= 32)
          .map(([offset, extra]) => {
            const len = bits + extra;
            const block = 2 ** (32 - len);
            const start = base + Math.floor((offset % size) / block) * block;
            return `${ipv4(start)}/${len}`;
          }),
      ),
    ];
    return { ipBlock: compact({ cidr, except: except.length ? except : undefined }) };
  });

export const npPeer = fc.oneof(
  { weight: 1, arbitrary: ipBlock },
  { weight: 2, arbitrary: fc.record({ podSelector }) },
  { weight: 1, arbitrary: fc.record({ namespaceSelector }) },
  { weight: 2, arbitrary: fc.record({ namespaceSelector, podSelector }) },
);

const npPort = fc
  .record({
    protocol: optional(fc.constantFrom(...PROTOCOLS)),
    port: optional(fc.oneof(fc.constantFrom(...PORTS), fc.constantFrom(...PORT_NAMES)), 1),
    span: fc.constantFrom(undefined, undefined, 0, 1, 100, 5000),
  })
  .map(({ protocol, port, span }) =>
    compact({ protocol, port, endPort: typeof port === 'number' && span !== undefined ? Math.min(65535, port + span) : undefined }),
  );

const npRule = (peers: 'from' | 'to') =>
  fc.record({ peers: optional(fc.array(npPeer, { maxLength: 3 })), ports: optional(fc.array(npPort, { maxLength: 3 })) }).map(({ peers: p, ports }) => compact({ [peers]: p, ports }));

const npRules = (peers: 'from' | 'to') =>
  fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.constant([{}]) }, { weight: 4, arbitrary: fc.array(npRule(peers), { minLength: 1, maxLength: 3 }) });

export const networkPolicy = fc
  .record({
    namespace: fc.constantFrom(...NAMESPACES),
    podSelector: fc.oneof({ weight: 1, arbitrary: fc.constant({}) }, { weight: 3, arbitrary: podSelector }),
    policyTypes: fc.constantFrom(undefined, undefined, ['Ingress'], ['Egress'], ['Ingress', 'Egress']),
    ingress: optional(npRules('from')),
    egress: optional(npRules('to')),
  })
  .map(({ namespace, ...spec }) => ({ namespace, spec: compact(spec) }));

/** Container ports with pod-unique names (Kubernetes requires it) and unique number/protocol. */
const containers = fc
  .array(
    fc.array(fc.record({ containerPort: fc.constantFrom(...PORTS), protocol: optional(fc.constantFrom(...PROTOCOLS)), name: optional(fc.constantFrom(...PORT_NAMES)) }), { maxLength: 3 }),
    { minLength: 1, maxLength: 3 },
  )
  .map((lists) => {
    const names = new Set<string>();
    const numbers = new Set<string>();
    return lists.map((ports, i) => {
      const kept = ports.flatMap((p) => {
        const key = `${p.containerPort}/${p.protocol ?? 'TCP'}`;
        if (numbers.has(key)) return [];
        numbers.add(key);
        const name = p.name !== undefined && !names.has(p.name) ? p.name : undefined;
        if (name) names.add(name);
        return [compact({ ...p, name })];
      });
      return compact({ name: `c${i}`, image: 'nginx:1.25', ports: kept.length ? kept : undefined });
    });
  });

export const workload = fc.record({
  kind: fc.constantFrom(...KINDS, 'owned' as const),
  namespace: fc.constantFrom(...NAMESPACES),
  labels: podLabels,
  containers,
});

const namespaceObject = fc.record({ present: fc.boolean(), labels: fc.dictionary(fc.constantFrom(...NS_KEYS), fc.constantFrom(...NS_VALUES), { maxKeys: 2 }) });

export function workloadDocs(w: { kind: (typeof KINDS)[number] | 'owned'; namespace: string; labels: Record<string, string>; containers: Doc[] }, i: number): Doc[] {
  const name = `${w.kind.toLowerCase()}-${i}`;
  const metadata = { name, namespace: w.namespace };
  const spec = { containers: w.containers };
  const template = { metadata: { labels: w.labels }, spec };
  const jobTemplate = { metadata: { labels: w.labels }, spec: { ...spec, restartPolicy: 'Never' } };
  switch (w.kind) {
    case 'Pod':
      return [{ apiVersion: 'v1', kind: 'Pod', metadata: { ...metadata, labels: w.labels }, spec }];
    case 'owned': // two replicas of a ReplicaSet that is not among the objects
      return [1, 2].map((r) => ({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `owner-${i}-7d9f8-x${r}`, namespace: w.namespace, labels: w.labels, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `owner-${i}-7d9f8`, uid: `u${i}`, controller: true }] },
        spec,
      }));
    case 'ReplicationController':
      return [{ apiVersion: 'v1', kind: w.kind, metadata, spec: { selector: w.labels, template } }];
    case 'Job':
      return [{ apiVersion: 'batch/v1', kind: w.kind, metadata, spec: { template: jobTemplate } }];
    case 'CronJob':
      return [{ apiVersion: 'batch/v1', kind: w.kind, metadata, spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: jobTemplate } } } }];
    default:
      return [{ apiVersion: 'apps/v1', kind: w.kind, metadata, spec: { selector: { matchLabels: w.labels }, template } }];
  }
}

/** A whole configuration: its documents, in the order a manifest file would list them. */
export const randomConfiguration: fc.Arbitrary<Doc[]> = fc
  .record({
    namespaces: fc.tuple(...NAMESPACES.map(() => namespaceObject)),
    workloads: fc.array(workload, { minLength: 2, maxLength: 8 }),
    policies: fc.array(networkPolicy, { minLength: 1, maxLength: 6 }),
  })
  .map(({ namespaces, workloads, policies }) => [
    ...namespaces.flatMap((n, i) => (n.present ? [{ apiVersion: 'v1', kind: 'Namespace', metadata: compact({ name: NAMESPACES[i], labels: Object.keys(n.labels).length ? n.labels : undefined }) }] : [])),
    ...workloads.flatMap(workloadDocs),
    ...policies.map((p, i) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: `np-${i}`, namespace: p.namespace }, spec: p.spec })),
  ]);

/**
 * The same configuration, in the form nca 2.1.0 reads the same way Kubernetes does. Each rewrite
 * keeps the meaning (so our answer on both forms must be the same):
 * - `Exists`/`DoesNotExist` become `In`/`NotIn` over every label value the generator uses: nca
 *   applies a podSelector's Exists only to pods of the policy's own namespace, whatever the
 *   namespaceSelector says; but a namespaceSelector's existence test on the name label holds for
 *   every namespace (none), the ingress controller's too, so it is dropped (an In no name meets);
 * - `egress: []` without policyTypes is dropped: Kubernetes defaults policyTypes from a non-empty
 *   egress list only (DESIGN.md "policyTypes"), nca makes such a policy egress-isolating;
 * - rules for a direction policyTypes leaves out are dropped: Kubernetes ignores them, nca refuses
 *   the file;
 * - the empty label value is renamed `empty` everywhere (labels and selectors alike, a renaming
 *   that keeps every match): nca reads an absent label as the value "", so `{env: ""}` and
 *   `In [""]` match a namespace without `env` there, and `NotIn [""]` does not, where Kubernetes
 *   (labels.Requirement.Matches) asks for the key first.
 */
const NAME_LABEL = 'kubernetes.io/metadata.name';
/** A name no namespace of a configuration (nor nca's simulated ones) holds. */
const NO_NAMESPACE = 'no-such-namespace';
const isNameExistence = (e: unknown): boolean => {
  const r = e as { key?: unknown; operator?: unknown };
  return r.key === NAME_LABEL && (r.operator === 'Exists' || r.operator === 'DoesNotExist');
};

/**
 * A namespaceSelector's Exists (DoesNotExist) on the name label holds for every namespace (none),
 * the ingress controller's included, which lies outside the configuration: In (NotIn) over the
 * configuration's values would leave the controller out (in), so the requirement is dropped
 * (becomes In over a name no namespace holds) instead.
 */
function namesWithoutExistence(o: Record<string, unknown>): Record<string, unknown> {
  const kept = (o.matchExpressions as unknown[]).flatMap((e) => {
    if (!isNameExistence(e)) return [e];
    return (e as { operator: string }).operator === 'Exists' ? [] : [{ key: NAME_LABEL, operator: 'In', values: [NO_NAMESPACE] }];
  });
  const { matchExpressions: _, ...rest } = o;
  return kept.length > 0 ? { ...rest, matchExpressions: kept } : rest;
}

export function ncaForm(docs: readonly Doc[]): Doc[] {
  return docs.map((d) => renameEmptyValue(ncaPolicyForm(d)) as Doc);
}

const EMPTY_VALUE_NAME = 'empty';

function renameEmptyValue(v: unknown, key = ''): unknown {
  if (Array.isArray(v)) return v.map((x) => (key === 'values' && x === '' ? EMPTY_VALUE_NAME : renameEmptyValue(x)));
  if (v === null || typeof v !== 'object') return v;
  const labelMap = key === 'labels' || key === 'matchLabels' || key === 'selector';
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, labelMap && x === '' ? EMPTY_VALUE_NAME : renameEmptyValue(x, k)]));
}

function ncaPolicyForm(d: Doc): Doc {
  const rewriteSelectors = (v: unknown, inNamespaceSelector = false): unknown => {
    // (before the renaming of "": ALL_LABEL_VALUES holds it, and it is renamed with the rest)
    if (Array.isArray(v)) return v.map((x) => rewriteSelectors(x, inNamespaceSelector));
    if (v === null || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    if (inNamespaceSelector && Array.isArray(o.matchExpressions) && o.matchExpressions.some(isNameExistence)) {
      return rewriteSelectors(namesWithoutExistence(o), true);
    }
    if (o.operator === 'Exists' || o.operator === 'DoesNotExist') {
      return { key: o.key, operator: o.operator === 'Exists' ? 'In' : 'NotIn', values: ALL_LABEL_VALUES };
    }
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, rewriteSelectors(x, inNamespaceSelector || k === 'namespaceSelector')]));
  };
  if (d.kind !== 'NetworkPolicy') return d;
  const spec = { ...(rewriteSelectors(d.spec) as Record<string, unknown>) };
  const types = spec.policyTypes as string[] | undefined;
  if (types === undefined && Array.isArray(spec.egress) && spec.egress.length === 0) delete spec.egress;
  if (types !== undefined && !types.includes('Ingress')) delete spec.ingress;
  if (types !== undefined && !types.includes('Egress')) delete spec.egress;
  return { ...d, spec };
}
