import fc from 'fast-check';
import { NAMESPACES, PORTS, PORT_NAMES, namespaceSelector, podSelector, type Doc } from './random-config.js';

/**
 * Random AdminNetworkPolicies (policy.networking.k8s.io/v1alpha1) and a BaselineAdminNetworkPolicy,
 * over the vocabulary of random-config.ts (its namespaces, label keys and values, port names), for
 * the differential hunts: subjects by namespaces or by pods, Allow / Deny / Pass rules (Pass only in
 * an ANP, as the API allows), peers by namespaces or pods, egress `networks`, and every port form
 * (portNumber with and without protocol, portRange with start < end as the API's CEL rule asks,
 * namedPort). ANP priorities are distinct, so that no two policies tie (the spec leaves a tie's
 * order to the implementation).
 */

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;
const NETWORKS = ['0.0.0.0/0', '10.0.0.0/8', '10.1.2.0/24', '192.168.0.0/16', '8.8.8.8/32', '128.0.0.0/1'];

const compact = <T extends Record<string, unknown>>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const namespacesOrPods = fc.oneof(
  fc.record({ namespaces: namespaceSelector }),
  fc.record({ pods: fc.record({ namespaceSelector, podSelector }) }),
);

const peer = (direction: 'ingress' | 'egress'): fc.Arbitrary<Doc> =>
  direction === 'ingress'
    ? namespacesOrPods
    : fc.oneof({ weight: 3, arbitrary: namespacesOrPods }, { weight: 1, arbitrary: fc.uniqueArray(fc.constantFrom(...NETWORKS), { minLength: 1, maxLength: 2 }).map((networks) => ({ networks })) });

const port: fc.Arbitrary<Doc> = fc.oneof(
  fc.record({ protocol: fc.option(fc.constantFrom(...PROTOCOLS), { nil: undefined }), port: fc.constantFrom(...PORTS) }).map((p) => ({ portNumber: compact(p) })),
  fc
    .record({ protocol: fc.constantFrom(...PROTOCOLS), a: fc.constantFrom(...PORTS), span: fc.constantFrom(1, 100, 5000) })
    .map(({ protocol, a, span }) => (a < 65535 ? { portRange: { protocol, start: a, end: Math.min(65535, a + span) } } : { portRange: { protocol, start: a - span, end: a } })),
  fc.constantFrom(...PORT_NAMES).map((namedPort) => ({ namedPort })),
);

const rules = <A extends string>(direction: 'ingress' | 'egress', actions: readonly A[]) =>
  fc.option(
    fc.array(
      fc.record({ action: fc.constantFrom(...actions), peers: fc.array(peer(direction), { minLength: 1, maxLength: 2 }), ports: fc.option(fc.array(port, { minLength: 1, maxLength: 2 }), { nil: undefined }) }),
      { minLength: 1, maxLength: 3 },
    ),
    { nil: undefined, freq: 3 },
  );

const adminSpec = <A extends string>(actions: readonly A[]) =>
  fc.record({ subject: namespacesOrPods, ingress: rules('ingress', actions), egress: rules('egress', actions) });

type RawRule = { action: string; peers: Doc[]; ports: Doc[] | undefined };
const asRules = (rs: RawRule[] | undefined, field: 'from' | 'to') => rs?.map((r, i) => compact({ name: `r${i}`, action: r.action, [field]: r.peers, ports: r.ports }));

/** Up to `max` ANPs with distinct priorities, and maybe the BaselineAdminNetworkPolicy (named `default`, as the API requires). */
export const adminPolicies = (max = 3): fc.Arbitrary<Doc[]> =>
  fc
    .record({
      anps: fc.array(adminSpec(['Allow', 'Deny', 'Pass'] as const), { maxLength: max }),
      priorities: fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: max, maxLength: max }),
      banp: fc.option(adminSpec(['Allow', 'Deny'] as const), { nil: undefined }),
    })
    .map(({ anps, priorities, banp }) => [
      ...anps.map((p, i) => ({
        apiVersion: 'policy.networking.k8s.io/v1alpha1',
        kind: 'AdminNetworkPolicy',
        metadata: { name: `anp-${i}` },
        spec: compact({ priority: priorities[i], subject: p.subject, ingress: asRules(p.ingress, 'from'), egress: asRules(p.egress, 'to') }),
      })),
      ...(banp
        ? [
            {
              apiVersion: 'policy.networking.k8s.io/v1alpha1',
              kind: 'BaselineAdminNetworkPolicy',
              metadata: { name: 'default' },
              spec: compact({ subject: banp.subject, ingress: asRules(banp.ingress, 'from'), egress: asRules(banp.egress, 'to') }),
            },
          ]
        : []),
    ]);

/**
 * An OpenShift Route to the first TCP Service, by that port's target (a name or a
 * number, as routes write `port.targetPort`), in the Service's namespace.
 */
export function withRoute(docs: readonly Doc[]): Doc[] {
  // a Route carries HTTP: to a TCP Service port (one to a UDP or SCTP port is a misconfiguration, as withIngress says)
  const tcp = (d: Doc) => [undefined, 'TCP'].includes((((d.spec as Doc | undefined)?.ports as Doc[] | undefined)?.[0]?.protocol as string | undefined));
  const svc = docs.find((d) => d.kind === 'Service' && tcp(d));
  if (!svc) return [...docs];
  const meta = svc.metadata as { name: string; namespace: string };
  const first = ((svc.spec as Doc).ports as Doc[] | undefined)?.[0];
  if (!first || !NAMESPACES.includes(meta.namespace)) return [...docs];
  return [
    ...docs,
    {
      apiVersion: 'route.openshift.io/v1',
      kind: 'Route',
      metadata: { name: 'web-route', namespace: meta.namespace },
      spec: { host: 'web.apps.example.com', to: { kind: 'Service', name: meta.name }, port: { targetPort: first.targetPort ?? first.port } },
    },
  ];
}

/** One edit of the admin policies, as a pull request makes it: one removed, one rule's action flipped, one priority moved. */
export type AdminEdit =
  | { readonly kind: 'remove-admin'; readonly pick: number }
  | { readonly kind: 'admin-action'; readonly pick: number; readonly rule: number; readonly action: 'Allow' | 'Deny' | 'Pass' }
  | { readonly kind: 'admin-priority'; readonly pick: number; readonly priority: number };

export const adminEdit: fc.Arbitrary<AdminEdit> = fc.oneof(
  fc.nat({ max: 9 }).map((pick) => ({ kind: 'remove-admin' as const, pick })),
  fc.record({ pick: fc.nat({ max: 9 }), rule: fc.nat({ max: 9 }), action: fc.constantFrom('Allow' as const, 'Deny' as const, 'Pass' as const) }).map((e) => ({ kind: 'admin-action' as const, ...e })),
  fc.record({ pick: fc.nat({ max: 9 }), priority: fc.integer({ min: 0, max: 1000 }) }).map((e) => ({ kind: 'admin-priority' as const, ...e })),
);

const isAdmin = (d: Doc) => d.kind === 'AdminNetworkPolicy' || d.kind === 'BaselineAdminNetworkPolicy';

/**
 * The documents after the edit (the input is not touched). Indexes are taken modulo what there is;
 * a BANP keeps Allow/Deny (Pass becomes Deny: the API allows no Pass there), and a new priority
 * that another ANP holds is left alone (the spec leaves a tie's order open).
 */
export function applyAdminEdit(docs: readonly Doc[], edit: AdminEdit): Doc[] {
  const out = structuredClone(docs) as Doc[];
  const admins = out.filter(isAdmin);
  const target = admins.length === 0 ? undefined : admins[edit.pick % admins.length];
  if (!target) return out;
  const spec = target.spec as Doc;
  switch (edit.kind) {
    case 'remove-admin':
      return out.filter((d) => d !== target);
    case 'admin-action': {
      const rules = [...((spec.ingress as Doc[] | undefined) ?? []), ...((spec.egress as Doc[] | undefined) ?? [])];
      const rule = rules.length === 0 ? undefined : rules[edit.rule % rules.length];
      if (rule) rule.action = target.kind === 'BaselineAdminNetworkPolicy' && edit.action === 'Pass' ? 'Deny' : edit.action;
      return out;
    }
    case 'admin-priority': {
      const taken = admins.some((d) => d !== target && (d.spec as Doc).priority === edit.priority);
      if (target.kind === 'AdminNetworkPolicy' && !taken) spec.priority = edit.priority;
      return out;
    }
  }
}
