import type { z } from 'zod';
import { Codes, diag, type Diagnostic, type SourceRef } from '../diagnostics/diagnostic.js';
import { IntegralFloat, type ParseCache, type ParsedDocument } from './documents.js';
import { locate } from './positions.js';
import {
  AdminNetworkPolicySchema,
  ApiServiceSchema,
  WebhookConfigurationSchema,
  BaselineAdminNetworkPolicySchema,
  ConfigMapSchema,
  EndpointSliceSchema,
  EndpointsSchema,
  SecretSchema,
  CronJobSchema,
  DaprComponentSchema,
  DaprConfigurationSchema,
  GatewayRouteSchema,
  IngressSchema,
  NamespaceSchema,
  NetworkPolicySchema,
  PodSchema,
  RoleBindingSchema,
  VirtualServiceSchema,
  RouteSchema,
  ServiceSchema,
  TemplatedWorkloadSchema,
} from './schemas.js';
import { ClusterNetworkPolicySchema } from './cnp-schema.js';
import { apiValidation } from './api-validation.js';
import { fastValidate } from './fast-validate.js';
import { checkApiVersion, nearMissKind } from './api-groups.js';

/** Where an object sits: its document and the YAML path of the object inside it (non-empty for List items). */
export interface ObjectOrigin {
  readonly document: ParsedDocument;
  readonly path: readonly (string | number)[];
}

export function originRef(o: ObjectOrigin, sub: readonly (string | number)[] = []): SourceRef {
  return locate(o.document, [...o.path, ...sub]);
}

/**
 * The parsed value at `sub` inside the object, as written (fields no schema validates: the raw
 * document is the only place they are); undefined where the path leaves the mappings and lists.
 */
export function rawAt(o: ObjectOrigin, sub: readonly (string | number)[] = []): unknown {
  let v: unknown = o.document.value;
  for (const k of [...o.path, ...sub]) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}

/** The schema of each modelled kind (exported for the tests that hold fastValidate to zod). */
export const SCHEMAS = {
  Namespace: NamespaceSchema,
  Pod: PodSchema,
  Deployment: TemplatedWorkloadSchema,
  StatefulSet: TemplatedWorkloadSchema,
  DaemonSet: TemplatedWorkloadSchema,
  ReplicaSet: TemplatedWorkloadSchema,
  ReplicationController: TemplatedWorkloadSchema,
  Job: TemplatedWorkloadSchema,
  CronJob: CronJobSchema,
  Service: ServiceSchema,
  Ingress: IngressSchema,
  Route: RouteSchema,
  NetworkPolicy: NetworkPolicySchema,
  AdminNetworkPolicy: AdminNetworkPolicySchema,
  BaselineAdminNetworkPolicy: BaselineAdminNetworkPolicySchema,
  ClusterNetworkPolicy: ClusterNetworkPolicySchema,
  ConfigMap: ConfigMapSchema,
  Secret: SecretSchema,
  Endpoints: EndpointsSchema,
  EndpointSlice: EndpointSliceSchema,
  HTTPRoute: GatewayRouteSchema,
  GRPCRoute: GatewayRouteSchema,
  TCPRoute: GatewayRouteSchema,
  TLSRoute: GatewayRouteSchema,
  UDPRoute: GatewayRouteSchema,
  RoleBinding: RoleBindingSchema,
  ClusterRoleBinding: RoleBindingSchema,
  VirtualService: VirtualServiceSchema,
  Component: DaprComponentSchema,
  Configuration: DaprConfigurationSchema,
  APIService: ApiServiceSchema,
  ValidatingWebhookConfiguration: WebhookConfigurationSchema,
  MutatingWebhookConfiguration: WebhookConfigurationSchema,
} as const;

export type ModelledKind = keyof typeof SCHEMAS;
export type ObjectOf<K extends ModelledKind> = z.infer<(typeof SCHEMAS)[K]>;

export type K8sObject = {
  [K in ModelledKind]: { readonly kind: K; readonly apiVersion: string; readonly object: ObjectOf<K>; readonly origin: ObjectOrigin };
}[ModelledKind];

export interface ObjectsResult {
  readonly objects: K8sObject[];
  readonly diagnostics: Diagnostic[];
  /** Kinds seen but not modelled, with their counts. */
  readonly skippedKinds: ReadonlyMap<string, number>;
  /** The namespace of each custom resource whose operator runs pods (NPC315); undefined where it names none. */
  readonly operatorNamespaces: readonly (string | undefined)[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Kinds that change who can reach whom but that netpol-ci does not model. They are skipped like any
 * other kind, but never silently: the connectivity would be wrong for the pods they concern, so
 * each kind present gets a warning saying what the report assumes instead.
 */
const NETWORKING_NOT_MODELLED: Readonly<Record<string, string>> = {
  UserDefinedNetwork: 'the report assumes every pod on the cluster default network; pods of a namespace with a primary user-defined network are isolated from other networks in reality',
  ClusterUserDefinedNetwork: 'the report assumes every pod on the cluster default network; pods of the namespaces it selects are isolated from other networks in reality',
  NetworkAttachmentDefinition: 'secondary networks are not analysed; the report covers the cluster default network only (and, for a primary network attachment, may not hold at all)',
  MultiNetworkPolicy: 'policies of secondary networks are not analysed; the report covers the cluster default network only',
  VirtualMachine: 'KubeVirt virtual machines are workloads the report does not list; their connections are missing',
  VirtualMachineInstance: 'KubeVirt virtual machines are workloads the report does not list; their connections are missing',
};

/**
 * The `spec.replicas` of a custom resource (an API group of its own, not one of Kubernetes'
 * `*.k8s.io` groups): the scale subresource's convention for a resource its operator runs that many
 * pods for (Prometheus, Alertmanager, a database cluster), whose pods the manifests never show.
 */
function operatorReplicas(value: Record<string, unknown>): number | undefined {
  const group = typeof value.apiVersion === 'string' && value.apiVersion.includes('/') ? value.apiVersion.slice(0, value.apiVersion.indexOf('/')) : '';
  if (!group.includes('.') || group.endsWith('.k8s.io')) return undefined;
  const replicas = isRecord(value.spec) ? value.spec.replicas : undefined;
  return typeof replicas === 'number' && Number.isInteger(replicas) && replicas > 0 ? replicas : undefined;
}

/** Flattens `List` and `*List` documents, recognises modelled kinds and validates each object. */
export function readObjects(documents: readonly ParsedDocument[], cache?: ParseCache): ObjectsResult {
  const objects: K8sObject[] = [];
  const diagnostics: Diagnostic[] = [];
  const skippedKinds = new Map<string, number>();
  const notModelledAt = new Map<string, SourceRef>();
  const operatorNamespaces: (string | undefined)[] = [];
  const visit = (document: ParsedDocument, input: unknown, path: (string | number)[]) => {
    let value = input;
    const where = () => locate(document, path);
    if (isRecord(value) && typeof value.kind === 'string' && value.apiVersion === undefined && (Object.hasOwn(SCHEMAS, value.kind) || value.kind.endsWith('List'))) {
      // Kubernetes would reject it; analysing it by its kind keeps the report honest about what the author meant.
      diagnostics.push(diag(Codes.invalidField, 'warning', `${value.kind} without apiVersion; analysed by its kind`, { ...where(), path: [...path, 'apiVersion'] }));
      value = { ...value, apiVersion: '' };
    }
    if (!isRecord(value) || typeof value.kind !== 'string' || typeof value.apiVersion !== 'string') {
      // a List item is located at the item itself, not at the start of its document
      const at = path.length > 0 || document.origin ? where() : { file: document.file, doc: document.doc, line: document.startLine, path };
      diagnostics.push(diag(Codes.notKubernetes, path.length > 0 ? 'error' : 'info', path.length > 0 ? 'a List item that is not a Kubernetes object (no apiVersion and kind); skipped' : 'not a Kubernetes object (no apiVersion and kind); skipped', at));
      return;
    }
    const kind = value.kind;
    if (kind === 'List' || (kind.endsWith('List') && Array.isArray(value.items))) {
      if (!Array.isArray(value.items)) {
        diagnostics.push(diag(Codes.invalidField, 'error', `a ${kind} needs an items list`, where()));
        return;
      }
      value.items.forEach((item, i) => {
        // items of a typed list (PodList) may omit their own kind
        const typed = isRecord(item) && item.kind === undefined && kind !== 'List' ? { ...item, kind: kind.slice(0, -4), apiVersion: value.apiVersion } : item;
        visit(document, typed, [...path, 'items', i]);
      });
      return;
    }
    if (!Object.hasOwn(SCHEMAS, kind)) {
      const meant = nearMissKind(kind);
      if (meant) {
        diagnostics.push(diag(Codes.kindMisspelt, 'error', `${JSON.stringify(kind)} is no Kubernetes kind (kinds are exact and case-sensitive: ${meant}?); skipped`, locate(document, [...path, 'kind'])));
        return;
      }
      skippedKinds.set(kind, (skippedKinds.get(kind) ?? 0) + 1);
      const replicas = operatorReplicas(value);
      if (replicas !== undefined) {
        const namespace = isRecord(value.metadata) && typeof value.metadata.namespace === 'string' && value.metadata.namespace !== '' ? value.metadata.namespace : undefined;
        operatorNamespaces.push(namespace);
        const name = isRecord(value.metadata) ? `${namespace !== undefined ? `${namespace}/` : ''}${String(value.metadata.name)}` : '';
        diagnostics.push(diag(Codes.operatorRunsPods, 'warning', `${kind} ${name} (${value.apiVersion}) is a custom resource with spec.replicas: ${replicas}: the operator that serves it runs its pods, which the manifests do not hold; the report leaves out their connections, and a policy that selects them selects no pod here`, locate(document, [...path, 'spec', 'replicas']), 'the pods\' links can be added in a links file (synthesize --links), or the analysis run on the live cluster (--cluster)'));
      }
      if (Object.hasOwn(NETWORKING_NOT_MODELLED, kind) && !notModelledAt.has(kind)) notModelledAt.set(kind, path.length > 0 || document.origin ? where() : { file: document.file, doc: document.doc, line: document.startLine, path });
      return;
    }
    const group = checkApiVersion(kind, value.apiVersion);
    if (group.verdict === 'unrelated') {
      const other = `${kind} (${value.apiVersion})`;
      skippedKinds.set(other, (skippedKinds.get(other) ?? 0) + 1);
      return;
    }
    if (group.verdict !== 'ok') {
      diagnostics.push(diag(Codes.apiVersionMismatch, group.verdict === 'foreign' ? 'warning' : 'error', group.message, locate(document, [...path, 'apiVersion'])));
      if (group.verdict === 'foreign') {
        const foreign = `${kind} (${value.apiVersion})`;
        skippedKinds.set(foreign, (skippedKinds.get(foreign) ?? 0) + 1);
        return;
      }
    }
    const schema = SCHEMAS[kind as ModelledKind];
    let parsed = cache?.validated.get(value) as ReturnType<typeof schema.safeParse> | undefined;
    if (!parsed) {
      // valid objects (nearly all) are answered without zod's per-field bookkeeping; the rest get zod's exact issues
      parsed = fastValidate(schema, value) ?? schema.safeParse(value);
      cache?.validated.set(value, parsed);
    }
    if (!parsed.success) {
      const name = isRecord(value.metadata) && typeof value.metadata.name === 'string' ? ` ${value.metadata.name}` : '';
      for (const issue of parsed.error.issues) {
        const issuePath = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        diagnostics.push(
          diag(Codes.invalidField, 'error', `${issue.message} (${kind}${name} excluded from the analysis)`, locate(document, [...path, ...issuePath])),
        );
      }
      return;
    }
    if (!hasName(value.metadata)) {
      // two such objects would merge into one `ns/[Kind]`; the API server never creates either
      const at = isRecord(value.metadata) ? [...path, 'metadata'] : path;
      diagnostics.push(diag(Codes.objectWithoutName, 'error', `${kind} without metadata.name (nor generateName): the API server rejects it; excluded from the analysis`, locate(document, at)));
      return;
    }
    checkNames(parsed.data.metadata as { name?: string; namespace?: string | null } | undefined, kind, document, path, diagnostics);
    // what the API server would reject beyond types: a policy is excluded, other kinds are kept and reported
    const api = apiValidation(kind, value);
    if (api.issues.length > 0) {
      const name = isRecord(value.metadata) && typeof value.metadata.name === 'string' ? ` ${value.metadata.name}` : '';
      const outcome = api.exclude ? `${kind}${name} excluded from the analysis` : `the API server rejects this ${kind}`;
      for (const issue of api.issues) diagnostics.push(diag(Codes.apiValidation, 'error', `${issue.message} (${outcome})`, locate(document, [...path, ...issue.path])));
      if (api.exclude) return;
    }
    for (const [at, written] of floatsReadAsIntegers(value, parsed.data)) {
      diagnostics.push(
        diag(
          Codes.integerWrittenAsFloat,
          'warning',
          `${written.text} is read as the integer ${written.value}: kubectl sends YAML through JSON, which writes this float as ${written.value}, so the API server stores ${written.value}; tools that read the YAML itself may refuse it`,
          locate(document, [...path, ...at]),
          `write ${written.value}`,
        ),
      );
    }
    objects.push({ kind, apiVersion: value.apiVersion, object: parsed.data, origin: { document, path } } as K8sObject);
  };
  for (const d of documents) visit(d, d.value, []);
  for (const [kind, at] of [...notModelledAt].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const count = skippedKinds.get(kind) ?? 1;
    diagnostics.push(diag(Codes.networkingNotModelled, 'warning', `${count} ${kind} object${count === 1 ? '' : 's'} not modelled: ${NETWORKING_NOT_MODELLED[kind]}`, at));
  }
  return { objects, diagnostics, skippedKinds, operatorNamespaces };
}


/**
 * Where the validated object holds an integer that the manifest wrote as a whole float (`80.0`,
 * `8.08e3`; schemas.ts reads those as kubectl sends them). Validation returns the input itself
 * wherever nothing changed, so only the copied branches are walked.
 */
function floatsReadAsIntegers(raw: unknown, data: unknown, at: (string | number)[] = [], out: [(string | number)[], IntegralFloat][] = []): [(string | number)[], IntegralFloat][] {
  if (raw === data) return out;
  if (raw instanceof IntegralFloat) {
    if (typeof data === 'number') out.push([at, raw]);
  } else if (Array.isArray(raw) && Array.isArray(data)) {
    for (let i = 0; i < raw.length && i < data.length; i++) floatsReadAsIntegers(raw[i], data[i], [...at, i], out);
  } else if (isRecord(raw) && isRecord(data)) {
    for (const k of Object.keys(data)) if (Object.hasOwn(raw, k)) floatsReadAsIntegers(raw[k], data[k], [...at, k], out);
  }
  return out;
}

/** A name, or a generateName the API server completes (kubectl create of a Job or a Pod). */
function hasName(meta: unknown): boolean {
  if (!isRecord(meta)) return false;
  return (typeof meta.name === 'string' && meta.name !== '') || (typeof meta.generateName === 'string' && meta.generateName !== '');
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/**
 * RBAC objects are named as path segments (pkg/apis/rbac/validation `ValidateRBACName =
 * path.IsValidPathSegmentName`): Kubernetes' own `system:auth-delegator` holds a `:`.
 */
const RBAC_KINDS: ReadonlySet<string> = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

/**
 * Kubernetes rejects names that are not DNS names; such an object is still analysed (so the rest
 * of the report is complete) and reported: as a warning (upstream corpora use `a_b` names), and as
 * an error when the name would make `ns/name[Kind]` ambiguous or break a line (`/`, control characters).
 */
function checkNames(meta: { name?: string; namespace?: string | null } | undefined, kind: string, document: ParsedDocument, path: (string | number)[], diagnostics: Diagnostic[]): void {
  // eslint-disable-next-line no-control-regex
  const severity = (v: string) => (/[/\u0000-\u001f\u007f]/.test(v) ? 'error' : 'warning');
  const name = meta?.name;
  if (name !== undefined && RBAC_KINDS.has(kind)) {
    if (name === '.' || name === '..' || /[/%]/.test(name)) diagnostics.push(diag(Codes.invalidField, severity(name), `${JSON.stringify(name)} is not a valid ${kind} name (not '.' or '..', and no '/' or '%')`, locate(document, [...path, 'metadata', 'name'])));
  } else if (name !== undefined && (name.length > 253 || !DNS_SUBDOMAIN.test(name))) {
    diagnostics.push(diag(Codes.invalidField, severity(name), `${JSON.stringify(name)} is not a valid ${kind} name (lower-case letters, digits, '-' and '.')`, locate(document, [...path, 'metadata', 'name'])));
  }
  const ns = meta?.namespace;
  if (ns && (ns.length > 63 || !DNS_LABEL.test(ns))) {
    diagnostics.push(diag(Codes.invalidField, severity(ns), `${JSON.stringify(ns)} is not a valid namespace name (lower-case letters, digits and '-')`, locate(document, [...path, 'metadata', 'namespace'])));
  }
}
