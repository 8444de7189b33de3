import fc from 'fast-check';
import { NAMESPACES, NS_KEYS, NS_VALUES, PORTS, PORT_NAMES, namespaceSelector, ncaForm, networkPolicy, podLabels, podSelector, randomConfiguration, workload, workloadDocs, type Doc } from './random-config.js';

/**
 * Random pull requests: a base configuration (test/helpers/random-config.ts, plus Services in
 * front of some workloads, and in half of them an Ingress to the first Service) and the head a reviewer would see after one to three realistic changes, the
 * kinds of edit real PRs make to NetworkPolicies and the workloads they select:
 *
 * policy added / removed; an edited policy (a port range widened, a selector changed, an ipBlock
 * `except` added, policyTypes changed, a port name changed); a container port renamed; pod labels
 * changed; namespace labels changed; a workload added, removed, or moved to another namespace; a
 * Service port changed.
 *
 * A mutation is generated apart from the configuration (indexes are taken modulo what is there),
 * so that fast-check shrinks both; one that finds nothing to edit (no numeric port to widen, no
 * ipBlock) leaves the head equal to the base, a case the diff must answer with no change.
 */

export type Mutation =
  | { readonly kind: 'add-policy'; readonly policy: { namespace: string; spec: Doc } }
  | { readonly kind: 'remove-policy'; readonly pick: number }
  | { readonly kind: 'widen-port'; readonly pick: number; readonly span: number }
  | { readonly kind: 'change-selector'; readonly pick: number; readonly which: number; readonly pods: Doc; readonly namespaces: Doc }
  | { readonly kind: 'add-except'; readonly pick: number; readonly offset: number; readonly extra: number }
  | { readonly kind: 'policy-types'; readonly pick: number; readonly types: readonly string[] | undefined }
  | { readonly kind: 'policy-port-name'; readonly pick: number; readonly name: string }
  | { readonly kind: 'rename-container-port'; readonly pick: number; readonly name: string }
  | { readonly kind: 'pod-labels'; readonly pick: number; readonly labels: Record<string, string> }
  | { readonly kind: 'namespace-labels'; readonly namespace: string; readonly labels: Record<string, string> }
  | { readonly kind: 'add-workload'; readonly workload: Parameters<typeof workloadDocs>[0] }
  | { readonly kind: 'remove-workload'; readonly pick: number }
  | { readonly kind: 'move-workload'; readonly pick: number; readonly to: number }
  | { readonly kind: 'service-port'; readonly pick: number; readonly port: number };

export type MutationKind = Mutation['kind'];

/** A port name no container or policy of the generator uses: renaming to it breaks every reference. */
const UNUSED_PORT_NAME = 'grpc';

const pick = fc.nat({ max: 50 });
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  networkPolicy.map((policy) => ({ kind: 'add-policy' as const, policy })),
  pick.map((p) => ({ kind: 'remove-policy' as const, pick: p })),
  fc.record({ pick, span: fc.constantFrom(1, 10, 1000, 65535) }).map((m) => ({ kind: 'widen-port' as const, ...m })),
  fc.record({ pick, which: fc.nat({ max: 20 }), pods: podSelector, namespaces: namespaceSelector }).map((m) => ({ kind: 'change-selector' as const, ...m })),
  fc.record({ pick, offset: fc.nat(), extra: fc.integer({ min: 1, max: 16 }) }).map((m) => ({ kind: 'add-except' as const, ...m })),
  fc.record({ pick, types: fc.constantFrom(undefined, ['Ingress'], ['Egress'], ['Ingress', 'Egress'], ['Egress', 'Ingress']) }).map((m) => ({ kind: 'policy-types' as const, ...m })),
  fc.record({ pick, name: fc.constantFrom(...PORT_NAMES, UNUSED_PORT_NAME) }).map((m) => ({ kind: 'policy-port-name' as const, ...m })),
  fc.record({ pick, name: fc.constantFrom(...PORT_NAMES, UNUSED_PORT_NAME) }).map((m) => ({ kind: 'rename-container-port' as const, ...m })),
  fc.record({ pick, labels: podLabels }).map((m) => ({ kind: 'pod-labels' as const, ...m })),
  fc
    .record({ namespace: fc.constantFrom(...NAMESPACES), labels: fc.dictionary(fc.constantFrom(...NS_KEYS), fc.constantFrom(...NS_VALUES), { maxKeys: 2 }) })
    .map((m) => ({ kind: 'namespace-labels' as const, ...m })),
  workload.map((w) => ({ kind: 'add-workload' as const, workload: w })),
  pick.map((p) => ({ kind: 'remove-workload' as const, pick: p })),
  fc.record({ pick, to: fc.integer({ min: 1, max: NAMESPACES.length - 1 }) }).map((m) => ({ kind: 'move-workload' as const, ...m })),
  fc.record({ pick, port: fc.constantFrom(...PORTS) }).map((m) => ({ kind: 'service-port' as const, ...m })),
);

// --- reading the documents -------------------------------------------------------------------------

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const meta = (d: Doc) => d.metadata as Obj;

const NOT_WORKLOADS = new Set(['Namespace', 'NetworkPolicy', 'Service', 'Ingress']);

/** The documents of one workload: one, or the pods of an absent owner. */
function workloadGroups(docs: Doc[]): Doc[][] {
  const groups = new Map<string, Doc[]>();
  for (const d of docs) {
    if (NOT_WORKLOADS.has(d.kind as string)) continue;
    const owner = obj(arr(meta(d).ownerReferences)[0]);
    const key = `${meta(d).namespace as string}/${owner ? `owner:${owner.name as string}` : `${d.kind as string}:${meta(d).name as string}`}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  return [...groups.values()];
}

/** How many workloads the documents hold (the pods of one absent owner count once). */
export const workloadCount = (docs: readonly Doc[]): number => workloadGroups([...docs]).length;

/** The pod template's metadata and spec of a workload document, wherever its kind keeps them. */
function template(d: Doc): { metadata: Obj; spec: Obj } {
  const spec = d.spec as Obj;
  switch (d.kind) {
    case 'Pod':
      return { metadata: meta(d), spec };
    case 'CronJob': {
      const t = ((spec.jobTemplate as Obj).spec as Obj).template as Obj;
      return { metadata: t.metadata as Obj, spec: t.spec as Obj };
    }
    default: {
      const t = spec.template as Obj;
      return { metadata: t.metadata as Obj, spec: t.spec as Obj };
    }
  }
}

function setPodLabels(d: Doc, labels: Record<string, string>): void {
  template(d).metadata.labels = { ...labels };
  const spec = d.spec as Obj;
  if (d.kind === 'ReplicationController') spec.selector = { ...labels };
  else if (obj(spec.selector)?.matchLabels) spec.selector = { matchLabels: { ...labels } };
}

const policies = (docs: Doc[]) => docs.filter((d) => d.kind === 'NetworkPolicy');

/** Every rule (ingress and egress) of a policy, in order. */
const rules = (p: Doc): Obj[] => [...arr((p.spec as Obj).ingress), ...arr((p.spec as Obj).egress)].map(obj).filter((r): r is Obj => r !== undefined);
const rulePeers = (r: Obj): Obj[] => [...arr(r.from), ...arr(r.to)].map(obj).filter((x): x is Obj => x !== undefined);
const rulePorts = (r: Obj): Obj[] => arr(r.ports).map(obj).filter((x): x is Obj => x !== undefined);

const at = <T>(xs: readonly T[], i: number): T | undefined => (xs.length === 0 ? undefined : xs[i % xs.length]);

function ipv4(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

// --- applying --------------------------------------------------------------------------------------

/**
 * The head of the pull request: the base with the mutation applied (the base is not touched).
 * `applied` is false when the base had nothing the mutation edits.
 */
export function applyMutation(base: readonly Doc[], m: Mutation): { head: Doc[]; applied: boolean } {
  const docs = structuredClone(base) as Doc[];
  const done = (applied: boolean) => ({ head: docs, applied });
  switch (m.kind) {
    case 'add-policy':
      docs.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: `np-added-${docs.length}`, namespace: m.policy.namespace }, spec: structuredClone(m.policy.spec) });
      return done(true);
    case 'remove-policy': {
      const p = at(policies(docs), m.pick);
      if (p) docs.splice(docs.indexOf(p), 1);
      return done(p !== undefined);
    }
    case 'widen-port': {
      const ports = policies(docs).flatMap(rules).flatMap(rulePorts).filter((p) => typeof p.port === 'number');
      const p = at(ports, m.pick);
      if (!p) return done(false);
      p.endPort = Math.min(65535, ((p.endPort as number | undefined) ?? (p.port as number)) + m.span);
      return done(true);
    }
    case 'change-selector': {
      const p = at(policies(docs), m.pick);
      if (!p) return done(false);
      // the policy's own podSelector, or one peer's selectors
      const peers = rules(p).flatMap(rulePeers).filter((x) => x.ipBlock === undefined);
      const peer = m.which === 0 ? undefined : at(peers, m.which);
      if (!peer) (p.spec as Obj).podSelector = structuredClone(m.pods);
      else if (peer.namespaceSelector !== undefined && m.which % 2 === 0) peer.namespaceSelector = structuredClone(m.namespaces);
      else peer.podSelector = structuredClone(m.pods);
      return done(true);
    }
    case 'add-except': {
      const blocks = policies(docs).flatMap(rules).flatMap(rulePeers).map((x) => obj(x.ipBlock)).filter((b): b is Obj => b !== undefined);
      const b = at(blocks, m.pick);
      if (!b) return done(false);
      const [addr, bitsText] = (b.cidr as string).split('/') as [string, string];
      const bits = Number(bitsText);
      const len = Math.min(32, bits + m.extra);
      if (len === bits) return done(false);
      const lo = addr.split('.').reduce((a, x) => a * 256 + Number(x), 0);
      const block = 2 ** (32 - len);
      const start = lo + Math.floor((m.offset % 2 ** (32 - bits)) / block) * block;
      b.except = [...new Set([...arr(b.except).map(String), `${ipv4(start)}/${len}`])];
      return done(true);
    }
    case 'policy-types': {
      const p = at(policies(docs), m.pick);
      if (!p) return done(false);
      const spec = p.spec as Obj;
      if (m.types === undefined) delete spec.policyTypes;
      else spec.policyTypes = [...m.types];
      return done(true);
    }
    case 'policy-port-name': {
      const ports = policies(docs).flatMap(rules).flatMap(rulePorts).filter((p) => p.port !== undefined);
      const p = at(ports, m.pick);
      if (!p) return done(false);
      p.port = m.name;
      delete p.endPort;
      return done(true);
    }
    case 'rename-container-port': {
      // a port name is unique within a pod: the rename goes to a name the pod does not use yet
      for (const group of rotate(workloadGroups(docs), m.pick)) {
        const containers = group.map((d) => arr(template(d).spec.containers).map(obj).filter((c): c is Obj => c !== undefined));
        const named = (containers[0] ?? []).flatMap((c) => arr(c.ports).map(obj)).filter((p): p is Obj => typeof p?.name === 'string');
        const used = new Set(named.map((p) => p.name));
        const target = named[m.pick % Math.max(1, named.length)];
        if (!target || used.has(m.name)) continue;
        // every document of the group (the pods of one owner) gets the same rename
        const old = target.name;
        for (const cs of containers) for (const c of cs) for (const p of arr(c.ports).map(obj)) if (p && p.name === old) p.name = m.name;
        return done(true);
      }
      return done(false);
    }
    case 'pod-labels': {
      const g = at(workloadGroups(docs), m.pick);
      if (!g) return done(false);
      for (const d of g) setPodLabels(d, m.labels);
      return done(true);
    }
    case 'namespace-labels': {
      const existing = docs.find((d) => d.kind === 'Namespace' && meta(d).name === m.namespace);
      const labels = Object.keys(m.labels).length > 0 ? { ...m.labels } : undefined;
      if (existing) {
        if (labels) meta(existing).labels = labels;
        else delete meta(existing).labels;
      } else {
        docs.unshift({ apiVersion: 'v1', kind: 'Namespace', metadata: labels ? { name: m.namespace, labels } : { name: m.namespace } });
      }
      return done(true);
    }
    case 'add-workload':
      docs.push(...(workloadDocs(m.workload, 90 + docs.length) as Doc[]));
      return done(true);
    case 'remove-workload': {
      const g = at(workloadGroups(docs), m.pick);
      for (const d of g ?? []) docs.splice(docs.indexOf(d), 1);
      return done(g !== undefined);
    }
    case 'move-workload': {
      const g = at(workloadGroups(docs), m.pick);
      if (!g) return done(false);
      const from = NAMESPACES.indexOf(meta(g[0] as Doc).namespace as string);
      const to = NAMESPACES[(from + m.to) % NAMESPACES.length] as string;
      for (const d of g) meta(d).namespace = to;
      // its Services move with it, as a PR moving a workload's folder would
      for (const s of docs.filter((d) => d.kind === 'Service' && meta(d).namespace === NAMESPACES[from] && (meta(d).name as string) === `svc-${meta(g[0] as Doc).name as string}`)) meta(s).namespace = to;
      return done(true);
    }
    case 'service-port': {
      const s = at(docs.filter((d) => d.kind === 'Service'), m.pick);
      const port = obj(arr((s?.spec as Obj | undefined)?.ports)[0]);
      if (!port) return done(false);
      port.port = m.port;
      return done(true);
    }
  }
}

function rotate<T>(xs: readonly T[], by: number): T[] {
  if (xs.length === 0) return [];
  const k = by % xs.length;
  return [...xs.slice(k), ...xs.slice(0, k)];
}

/**
 * A ClusterIP Service in front of every other workload, on its first container port (by name when
 * it has one), as charts write them.
 */
export function withServices(docs: readonly Doc[]): Doc[] {
  const out = [...docs];
  workloadGroups([...docs]).forEach((g, i) => {
    if (i % 2 === 1) return;
    const d = g[0] as Doc;
    const labels = obj(template(d).metadata.labels);
    const first = arr(template(d).spec.containers).flatMap((c) => arr(obj(c)?.ports)).map(obj)[0];
    if (!labels || !first) return;
    const name = `svc-${meta(d).name as string}`;
    out.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace: meta(d).namespace },
      spec: { selector: { ...labels }, ports: [{ port: first.containerPort, targetPort: first.name ?? first.containerPort, ...(first.protocol ? { protocol: first.protocol } : {}) }] },
    });
  });
  return out;
}

/**
 * An Ingress in front of the first Service on TCP, by its port number, as an app's chart writes it: the
 * ingress controller reaches that Service's pods on the target port, so that editing the Service
 * port (`service-port`) leaves the Ingress pointing at a port the Service no longer has.
 */
export function withIngress(docs: readonly Doc[]): Doc[] {
  // an Ingress carries HTTP: its Service port is a TCP one (an Ingress to a UDP or SCTP Service
  // port is a misconfiguration where nca still sees TCP on the target port, and we see nothing)
  const tcp = (d: Doc) => [undefined, 'TCP'].includes(obj(arr((d.spec as Obj | undefined)?.ports)[0])?.protocol as string | undefined);
  const svc = docs.find((d) => d.kind === 'Service' && tcp(d));
  const port = obj(arr((svc?.spec as Obj | undefined)?.ports)[0]);
  if (!svc || !port) return [...docs];
  return [
    ...docs,
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web', namespace: meta(svc).namespace },
      spec: { rules: [{ host: 'app.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: meta(svc).name, port: { number: port.port } } } }] } }] },
    },
  ];
}

/** The head after several edits, in order; `applied` lists the kinds that found something to edit. */
export function applyMutations(base: readonly Doc[], ms: readonly Mutation[]): { head: Doc[]; applied: MutationKind[] } {
  let head = [...base];
  const applied: MutationKind[] = [];
  for (const m of ms) {
    const r = applyMutation(head, m);
    head = r.head;
    if (r.applied) applied.push(m.kind);
  }
  return { head, applied };
}

/** A base configuration, with Services, and a pull request of one to three edits of it (most PRs make one). */
export const randomPullRequest: fc.Arbitrary<{ base: Doc[]; mutations: Mutation[] }> = fc.record({
  base: fc.tuple(randomConfiguration.map(withServices), fc.boolean()).map(([docs, ingress]) => (ingress ? withIngress(docs) : docs)),
  mutations: fc.oneof({ weight: 3, arbitrary: fc.tuple(mutation).map((m) => [...m]) }, { weight: 1, arbitrary: fc.array(mutation, { minLength: 2, maxLength: 3 }) }),
});

/**
 * `ncaForm` (random-config.ts) plus one more reading of nca 2.1.0: it refuses `policyTypes:
 * [Egress, Ingress]` (only [Ingress], [Egress] and [Ingress, Egress] pass its check), an order the
 * API accepts and that means the same; nca reads the list sorted.
 */
export function ncaPrForm(docs: readonly Doc[]): Doc[] {
  return ncaForm(docs).map((d) => {
    const spec = d.spec as Obj | undefined;
    const types = spec?.policyTypes;
    if (d.kind !== 'NetworkPolicy' || !Array.isArray(types) || types.join() !== 'Egress,Ingress') return d;
    return { ...d, spec: { ...spec, policyTypes: ['Ingress', 'Egress'] } };
  });
}
