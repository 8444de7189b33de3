import { z } from 'zod';
import { IntegralFloat } from './documents.js';
import { withFastAccept } from './fast-validate.js';

/**
 * zod schemas for the parts of each Kubernetes kind that netpol-ci reads. Unknown fields pass
 * through; known fields are checked strictly, so a wrong type is reported at its exact path.
 */
/** A string field; a plain scalar YAML reads as no string (`name: 1.0`, `true`) is named as written, with its quoted form. */
const str = z.string({ error: (i) => `expected a string, got ${describe(i.input)}${quoteHint(i.input)}` });

/** For a scalar YAML reads as a number or a boolean: kubectl sends that, and a string field refuses it; quoted it is the string. */
function quoteHint(v: unknown): string {
  if (typeof v !== 'number' && typeof v !== 'boolean' && !(v instanceof IntegralFloat)) return '';
  // the quoted form is shown only where the text written is known (a whole float keeps it): `1.10` was
  // read as 1.1 and `0x50` as 80, so quoting what was read would change the value (a selector's "1.10")
  const quoted = v instanceof IntegralFloat ? ` ("${String(v)}")` : ' as written';
  return `: YAML reads it as a ${typeof v === 'boolean' ? 'boolean' : 'number'}, which a string field refuses; quote it${quoted}`;
}

function isPlainMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A string map (labels, selectors), passed through as parsed: z.record would rebuild it by
 * assignment and drop a `__proto__` key (turning `matchLabels: {__proto__: x}` into `{}`, which
 * selects everything). Every own key is kept as data.
 */
const labels = withFastAccept(
  z
    .custom<Record<string, string>>(isPlainMapping, { error: (i) => `expected a mapping of labels, got ${describe(i.input)}` })
    .superRefine((v, ctx) => {
      for (const k of Object.keys(v)) if (typeof v[k] !== 'string') ctx.addIssue({ code: 'custom', message: labelValueMessage(v[k]), path: [k] });
    }),
  isLabelMap,
);

/**
 * A label value that YAML reads as no string (`1.0`, `true`, `80`): kubectl sends it as a JSON number or
 * boolean and refuses it itself ("cannot unmarshal number into ... labels of type string"); quoted it is the string.
 */
function labelValueMessage(v: unknown): string {
  if (typeof v !== 'number' && typeof v !== 'boolean' && !(v instanceof IntegralFloat)) return `expected a string label value, got ${describe(v)}`;
  return `expected a string label value, got ${String(v)}${quoteHint(v)}`;
}

/** What `labels` accepts, decided without zod (every object's labels and selectors are checked). */
function isLabelMap(v: unknown): boolean {
  if (!isPlainMapping(v)) return false;
  for (const k of Object.keys(v)) if (typeof v[k] !== 'string') return false;
  return true;
}
const anyMap = z.custom<Record<string, unknown>>(isPlainMapping, { error: (i) => `expected a mapping, got ${describe(i.input)}` });
/**
 * A whole number written with a fraction or exponent (`80.0`, `8.08e3`) as kubectl sends it: it reads
 * YAML through JSON (sigs.k8s.io/yaml), where go-yaml's float 80 is written `80`, so the API server
 * receives and stores the integer. Such a field is read as that integer, and loadObjects warns
 * (integerWrittenAsFloat) where the manifest relies on this. `80.5` stays a number with a fraction,
 * which the server refuses, as does `1e21` (JSON writes `1e+21`).
 */
const asKubectlSends = (v: unknown): unknown => (v instanceof IntegralFloat && Number.isSafeInteger(v.value) ? v.value : v);

/** An integer field as the API server decodes it (`80.5` is no integer), bounded when asked, `80.0` read as 80. */
export function int(bounds: { min?: number; max?: number } = {}) {
  let n = z.number({ error: (i) => `expected an integer, got ${describe(i.input)}` }).int({ error: (i) => `expected an integer, got ${describe(i.input)}` });
  if (bounds.min !== undefined) n = n.min(bounds.min);
  if (bounds.max !== undefined) n = n.max(bounds.max);
  const { min = -Infinity, max = Infinity } = bounds;
  // every safe integer within the bounds is its own output: fastValidate takes it without running zod
  return withFastAccept(z.preprocess(asKubectlSends, n), (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max);
}
/**
 * A field the object keeps whatever it holds (checked later, entry by entry: containerPort, replicas),
 * with a whole float read as kubectl sends it.
 */
export const lenientInt = () => withFastAccept(z.preprocess(asKubectlSends, z.unknown()), (v) => v !== undefined && !(v instanceof IntegralFloat));
const intOrString = withFastAccept(
  z.union([int(), z.string()], { error: (i) => `expected a number or a name, got ${describe(i.input)}` }),
  (v) => typeof v === 'string' || (typeof v === 'number' && Number.isSafeInteger(v)),
);
const protocol = z.enum(['TCP', 'UDP', 'SCTP'], { error: (i) => `expected TCP, UDP or SCTP, got ${describe(i.input)}` });

function describe(v: unknown): string {
  if (v === null) return 'null';
  // a whole float no integer field takes (beyond 2^53: kubectl sends `1e+21`), or one in a string or enum field
  if (v instanceof IntegralFloat) return Number.isSafeInteger(v.value) ? v.text : `${v.text} (kubectl sends ${String(v.value)}, no integer field takes it)`;
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

export const LabelSelectorSchema = z
  .object({
    matchLabels: labels.nullish(),
    matchExpressions: z
      .array(
        z
          .object({
            key: str,
            operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist'], { error: (i) => `expected In, NotIn, Exists or DoesNotExist, got ${describe(i.input)}` }),
            values: z.array(z.string()).nullish(),
          })
          .loose(),
      )
      .nullish(),
  })
  .loose();
export type LabelSelector = z.infer<typeof LabelSelectorSchema>;

export const MetadataSchema = z
  .object({
    name: str.optional(),
    generateName: str.optional(),
    namespace: str.nullish(),
    labels: labels.nullish(),
    annotations: anyMap.nullish(),
    ownerReferences: z
      .array(z.object({ kind: str.optional(), name: str, apiVersion: str.optional(), controller: z.boolean().nullish() }).loose())
      .nullish(),
  })
  .loose();

const EnvVarSchema = z
  .object({
    name: str,
    value: z.unknown().optional(),
    valueFrom: z
      .object({
        configMapKeyRef: z.object({ name: str, key: str, optional: z.boolean().nullish() }).loose().nullish(),
        secretKeyRef: z.object({ name: str, key: str, optional: z.boolean().nullish() }).loose().nullish(),
        fieldRef: z.object({ fieldPath: str }).loose().nullish(),
      })
      .loose()
      .nullish(),
  })
  .loose();

const ContainerSchema = z
  .object({
    name: str.optional(),
    image: str.optional(),
    // on an init container, `Always` makes it a sidecar (runs beside the app containers)
    restartPolicy: str.nullish(),
    ports: z
      .array(
        z
          .object({
            // validated in cluster.ts, so that one bad port entry does not drop the whole workload
            containerPort: lenientInt().optional(),
            name: str.nullish(),
            protocol: protocol.nullish(),
          })
          .loose(),
      )
      .nullish(),
    env: z.array(EnvVarSchema).nullish(),
    envFrom: z.array(z.object({ configMapRef: z.object({ name: str }).loose().nullish(), secretRef: z.object({ name: str }).loose().nullish(), prefix: str.nullish() }).loose()).nullish(),
    args: z.array(z.unknown()).nullish(),
    command: z.array(z.unknown()).nullish(),
  })
  .loose();
export type Container = z.infer<typeof ContainerSchema>;

/** A ConfigMap or Secret volume's `items`: when given, the only keys it mounts. */
const KeyItems = z.array(z.object({ key: str }).loose()).nullish();

export const PodSpecSchema = z
  .object({
    containers: z.array(ContainerSchema).nullish(),
    initContainers: z.array(ContainerSchema).nullish(),
    hostNetwork: z.boolean().nullish(),
    volumes: z
      .array(
        z
          .object({
            name: str.optional(),
            configMap: z.object({ name: str, items: KeyItems }).loose().nullish(),
            secret: z.object({ secretName: str.nullish(), items: KeyItems }).loose().nullish(),
            projected: z
              .object({ sources: z.array(z.object({ configMap: z.object({ name: str, items: KeyItems }).loose().nullish(), secret: z.object({ name: str, items: KeyItems }).loose().nullish() }).loose()).nullish() })
              .loose()
              .nullish(),
          })
          .loose(),
      )
      .nullish(),
  })
  .loose();
export type PodSpec = z.infer<typeof PodSpecSchema>;

const PodTemplateSchema = z.object({ metadata: MetadataSchema.nullish(), spec: PodSpecSchema.nullish() }).loose();

export const PodSchema = z.object({ metadata: MetadataSchema, spec: PodSpecSchema.nullish() }).loose();
export const TemplatedWorkloadSchema = z
  // replicas is kept as written (exposure.ts reads it for StatefulSet pod names); only a whole float is read as kubectl sends it
  .object({ metadata: MetadataSchema, spec: z.object({ replicas: lenientInt().optional(), template: PodTemplateSchema.nullish() }).loose().nullish() })
  .loose();
export const CronJobSchema = z
  .object({
    metadata: MetadataSchema,
    spec: z.object({ jobTemplate: z.object({ spec: z.object({ template: PodTemplateSchema.nullish() }).loose().nullish() }).loose().nullish() }).loose().nullish(),
  })
  .loose();

export const NamespaceSchema = z.object({ metadata: MetadataSchema }).loose();

export const ServiceSchema = z
  .object({
    metadata: MetadataSchema,
    spec: z
      .object({
        type: str.nullish(),
        selector: labels.nullish(),
        ports: z
          .array(
            z
              .object({
                name: str.nullish(),
                port: int({ min: 1, max: 65535 }),
                targetPort: intOrString.nullish(),
                protocol: protocol.nullish(),
                nodePort: int().nullish(),
              })
              .loose(),
          )
          .nullish(),
      })
      .loose()
      .nullish(),
  })
  .loose();
export type ServiceObject = z.infer<typeof ServiceSchema>;

const IngressBackendSchema = z
  .object({
    service: z
      .object({ name: str, port: z.object({ number: int().nullish(), name: str.nullish() }).loose().nullish() })
      .loose()
      .nullish(),
    // extensions/v1beta1 and networking.k8s.io/v1beta1
    serviceName: str.nullish(),
    servicePort: intOrString.nullish(),
    resource: z.unknown().optional(),
  })
  .loose();
export type IngressBackend = z.infer<typeof IngressBackendSchema>;

export const IngressSchema = z
  .object({
    metadata: MetadataSchema,
    spec: z
      .object({
        defaultBackend: IngressBackendSchema.nullish(),
        backend: IngressBackendSchema.nullish(),
        rules: z
          .array(
            z
              .object({
                host: str.nullish(),
                http: z.object({ paths: z.array(z.object({ path: str.nullish(), backend: IngressBackendSchema }).loose()).nullish() }).loose().nullish(),
              })
              .loose(),
          )
          .nullish(),
      })
      .loose()
      .nullish(),
  })
  .loose();

// weight: an int32 in OpenShift's API (oc and kubectl send `100.0` as 100)
const RouteTargetSchema = z.object({ kind: str.nullish(), name: str, weight: int().nullish() }).loose();
export const RouteSchema = z
  .object({
    metadata: MetadataSchema,
    spec: z
      .object({
        host: str.nullish(),
        to: RouteTargetSchema,
        alternateBackends: z.array(RouteTargetSchema).nullish(),
        port: z.object({ targetPort: intOrString }).loose().nullish(),
      })
      .loose(),
  })
  .loose();

const IpBlockSchema = z.object({ cidr: str, except: z.array(str).nullish() }).loose();
const NpPeerSchema = z
  .object({ podSelector: LabelSelectorSchema.nullish(), namespaceSelector: LabelSelectorSchema.nullish(), ipBlock: IpBlockSchema.nullish() })
  .loose();
const NpPortSchema = z.object({ protocol: protocol.nullish(), port: intOrString.nullish(), endPort: int().nullish() }).loose();
export type NpPort = z.infer<typeof NpPortSchema>;
export type NpPeer = z.infer<typeof NpPeerSchema>;

export const NetworkPolicySchema = z
  .object({
    metadata: MetadataSchema,
    spec: z
      .object({
        podSelector: LabelSelectorSchema.nullish(),
        policyTypes: z.array(z.enum(['Ingress', 'Egress'], { error: (i) => `expected Ingress or Egress, got ${describe(i.input)}` })).nullish(),
        ingress: z.array(z.object({ from: z.array(NpPeerSchema).nullish(), ports: z.array(NpPortSchema).nullish() }).loose()).nullish(),
        egress: z.array(z.object({ to: z.array(NpPeerSchema).nullish(), ports: z.array(NpPortSchema).nullish() }).loose()).nullish(),
      })
      .loose()
      .nullish(),
  })
  .loose();
export type NetworkPolicyObject = z.infer<typeof NetworkPolicySchema>;

// AdminNetworkPolicy / BaselineAdminNetworkPolicy (policy.networking.k8s.io/v1alpha1)
// Both selectors default to 'everything' when omitted (as netpol-analyzer and the conformance suite read them).
const NamespacedPodSchema = z.object({ namespaceSelector: LabelSelectorSchema.nullish(), podSelector: LabelSelectorSchema.nullish() }).loose();
const AdminSubjectSchema = z.object({ namespaces: LabelSelectorSchema.nullish(), pods: NamespacedPodSchema.nullish() }).loose();
const AdminPeerSchema = z
  .object({
    namespaces: LabelSelectorSchema.nullish(),
    pods: NamespacedPodSchema.nullish(),
    networks: z.array(str).nullish(),
    nodes: LabelSelectorSchema.nullish(),
  })
  .loose();
const AdminPortSchema = z
  .object({
    portNumber: z.object({ protocol: protocol.nullish(), port: int() }).loose().nullish(),
    namedPort: str.nullish(),
    portRange: z.object({ protocol: protocol.nullish(), start: int(), end: int() }).loose().nullish(),
  })
  .loose();
export type AdminPort = z.infer<typeof AdminPortSchema>;
export type AdminPeer = z.infer<typeof AdminPeerSchema>;
export type AdminSubject = z.infer<typeof AdminSubjectSchema>;

const anpAction = z.enum(['Allow', 'Deny', 'Pass'], { error: (i) => `expected Allow, Deny or Pass, got ${describe(i.input)}` });
const banpAction = z.enum(['Allow', 'Deny'], { error: (i) => `expected Allow or Deny, got ${describe(i.input)}` });
const adminRules = <A extends z.ZodType>(action: A) => ({
  ingress: z.array(z.object({ name: str.nullish(), action, from: z.array(AdminPeerSchema), ports: z.array(AdminPortSchema).nullish() }).loose()).nullish(),
  egress: z.array(z.object({ name: str.nullish(), action, to: z.array(AdminPeerSchema), ports: z.array(AdminPortSchema).nullish() }).loose()).nullish(),
});

export const AdminNetworkPolicySchema = z
  .object({
    metadata: MetadataSchema,
    spec: z
      .object({
        priority: int({ min: 0, max: 1000 }),
        subject: AdminSubjectSchema,
        ...adminRules(anpAction),
      })
      .loose(),
  })
  .loose();
export const BaselineAdminNetworkPolicySchema = z
  .object({
    metadata: MetadataSchema,
    spec: z
      .object({
        subject: AdminSubjectSchema,
        ...adminRules(banpAction),
      })
      .loose(),
  })
  .loose();

export const ConfigMapSchema = z.object({ metadata: MetadataSchema, data: anyMap.nullish() }).loose();
/**
 * A Service's endpoints written by hand (a Service without a selector, the usual way to give an
 * outside database a cluster name): the addresses and ports its traffic goes to. The controller
 * writes them for Services with a selector; those are read from the selector instead.
 */
const EndpointPortSchema = z.object({ name: str.nullish(), port: int({ min: 1, max: 65535 }), protocol: protocol.nullish() }).loose();
const EndpointAddresses = z.array(z.object({ ip: str }).loose()).nullish();
export const EndpointsSchema = z
  .object({
    metadata: MetadataSchema,
    subsets: z.array(z.object({ addresses: EndpointAddresses, notReadyAddresses: EndpointAddresses, ports: z.array(EndpointPortSchema).nullish() }).loose()).nullish(),
  })
  .loose();
/** discovery.k8s.io EndpointSlice: its Service named by the `kubernetes.io/service-name` label; a port without a number is kept here and skipped where read (kube-proxy skips it). */
export const EndpointSliceSchema = z
  .object({
    metadata: MetadataSchema,
    addressType: str.nullish(),
    endpoints: z.array(z.object({ addresses: z.array(str) }).loose()).nullish(),
    ports: z.array(EndpointPortSchema.extend({ port: int({ min: 1, max: 65535 }).nullish() })).nullish(),
  })
  .loose();
// read for the addresses a workload takes from it (its values are never shown: see scan.ts)
export const SecretSchema = z.object({ metadata: MetadataSchema, data: anyMap.nullish(), stringData: anyMap.nullish() }).loose();

// RBAC bindings (rbac.authorization.k8s.io): which ServiceAccounts may call the Kubernetes API
const SubjectSchema = z.object({ kind: str, name: str, namespace: str.nullish() }).loose();
export const RoleBindingSchema = z
  .object({ metadata: MetadataSchema, subjects: z.array(SubjectSchema).nullish(), roleRef: z.object({ kind: str, name: str }).loose() })
  .loose();

// Gateway API routes (gateway.networking.k8s.io): HTTPRoute, GRPCRoute, TCPRoute, TLSRoute, UDPRoute
const BackendRefSchema = z
  .object({ name: str, namespace: str.nullish(), port: int().nullish(), kind: str.nullish(), group: str.nullish() })
  .loose();
export const GatewayRouteSchema = z
  .object({
    metadata: MetadataSchema,
    spec: z
      .object({
        parentRefs: z.array(z.object({ name: str, namespace: str.nullish(), kind: str.nullish(), sectionName: str.nullish() }).loose()).nullish(),
        // HTTPRoute, GRPCRoute, TLSRoute: the host names the route answers
        hostnames: z.array(str).nullish(),
        rules: z.array(z.object({ backendRefs: z.array(BackendRefSchema).nullish() }).loose()).nullish(),
      })
      .loose()
      .nullish(),
  })
  .loose();

// Istio VirtualService (networking.istio.io): routes bound to a gateway expose their destinations
const VirtualServiceDestinationSchema = z.object({ host: str, port: z.object({ number: int().nullish() }).loose().nullish() }).loose();
// a rule's `match` entries may name their own gateways (overriding the top-level ones); HTTP rules may
// also mirror traffic to other destinations, or delegate to another VirtualService
const VirtualServiceRoutesSchema = z
  .array(
    z
      .object({
        match: z.array(z.object({ gateways: z.array(str).nullish() }).loose()).nullish(),
        route: z.array(z.object({ destination: VirtualServiceDestinationSchema.nullish() }).loose()).nullish(),
        mirror: VirtualServiceDestinationSchema.nullish(),
        mirrors: z.array(z.object({ destination: VirtualServiceDestinationSchema.nullish() }).loose()).nullish(),
        delegate: z.object({ name: str, namespace: str.nullish() }).loose().nullish(),
      })
      .loose(),
  )
  .nullish();
export const VirtualServiceSchema = z
  .object({
    metadata: MetadataSchema,
    spec: z.object({ gateways: z.array(str).nullish(), http: VirtualServiceRoutesSchema, tcp: VirtualServiceRoutesSchema, tls: VirtualServiceRoutesSchema }).loose().nullish(),
  })
  .loose();

// Dapr Component (dapr.io): the state store, pub/sub broker, binding... whose backend an app's daprd
// connects to. A metadata item holds its value as written (Dapr accepts any YAML value), from a
// secret (`secretKeyRef`, resolved through `auth.secretStore`) or from daprd's environment (`envRef`)
const DaprMetadataItemSchema = z
  .object({ name: str, value: z.unknown().optional(), secretKeyRef: z.object({ name: str, key: str.nullish() }).loose().nullish(), envRef: str.nullish() })
  .loose();
export const DaprComponentSchema = z
  .object({
    metadata: MetadataSchema,
    spec: z.object({ type: str, version: str.nullish(), metadata: z.array(DaprMetadataItemSchema).nullish() }).loose(),
    scopes: z.array(str).nullish(),
    auth: z.object({ secretStore: str.nullish() }).loose().nullish(),
  })
  .loose();

// Dapr Configuration (dapr.io), named by a Dapr app's `dapr.io/config`: its sidecar exports traces to the tracing endpoints
const DaprExporterSchema = z.object({ endpointAddress: str.nullish() }).loose().nullish();
export const DaprConfigurationSchema = z
  .object({
    metadata: MetadataSchema,
    spec: z
      .object({ tracing: z.object({ samplingRate: z.union([str, z.number()]).nullish(), zipkin: DaprExporterSchema, otel: DaprExporterSchema }).loose().nullish() })
      .loose()
      .nullish(),
  })
  .loose();

// What the Kubernetes API server itself calls: an aggregated API's Service (apiregistration.k8s.io
// APIService `spec.service`) and an admission webhook's (admissionregistration.k8s.io
// `webhooks[].clientConfig.service`); port 443 when none is written
const CalledServiceSchema = z.object({ name: str, namespace: str.nullish(), port: int().nullish() }).loose().nullish();
export const ApiServiceSchema = z
  .object({ metadata: MetadataSchema, spec: z.object({ service: CalledServiceSchema }).loose().nullish() })
  .loose();
export const WebhookConfigurationSchema = z
  .object({ metadata: MetadataSchema, webhooks: z.array(z.object({ name: str.nullish(), clientConfig: z.object({ service: CalledServiceSchema }).loose().nullish() }).loose()).nullish() })
  .loose();
