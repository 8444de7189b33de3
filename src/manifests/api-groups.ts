import type { ModelledKind } from './objects.js';

/**
 * Which API group serves each modelled kind. A kind name alone does not say what an object is:
 * Calico's `projectcalico.org/v3 NetworkPolicy` or Knative's `serving.knative.dev/v1 Route` share
 * a kind with a resource netpol-ci models but not its schema, and read as the Kubernetes one they
 * would give a silently wrong report (a Calico policy has no `podSelector`, so it would select
 * every pod of its namespace). And a kind spelt `deployment` or `Deployment ` is no kind the API
 * server knows: the author meant a workload that would never be applied.
 */

/** The modelled kinds that are policies (NetworkPolicy and the admin policies). */
export const POLICY_KINDS: ReadonlySet<string> = new Set(['NetworkPolicy', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy']);

/**
 * The API groups of each modelled kind ('' is the core group, `apiVersion: v1`), current first;
 * typed by the kinds objects.ts models, so a kind added there must be given its groups here.
 */
const GROUPS: Readonly<Record<ModelledKind, readonly string[]>> = {
  Namespace: [''],
  Pod: [''],
  Service: [''],
  ConfigMap: [''],
  Secret: [''],
  Endpoints: [''],
  EndpointSlice: ['discovery.k8s.io'],
  ReplicationController: [''],
  // extensions/v1beta1 and apps/v1beta1-2 served these until Kubernetes 1.16: the same resource
  Deployment: ['apps', 'extensions'],
  DaemonSet: ['apps', 'extensions'],
  ReplicaSet: ['apps', 'extensions'],
  StatefulSet: ['apps'],
  Job: ['batch'],
  CronJob: ['batch'],
  Ingress: ['networking.k8s.io', 'extensions'],
  NetworkPolicy: ['networking.k8s.io', 'extensions'],
  // OpenShift 3 served routes in the core group (`apiVersion: v1`)
  Route: ['route.openshift.io', ''],
  AdminNetworkPolicy: ['policy.networking.k8s.io'],
  BaselineAdminNetworkPolicy: ['policy.networking.k8s.io'],
  ClusterNetworkPolicy: ['policy.networking.k8s.io'],
  HTTPRoute: ['gateway.networking.k8s.io'],
  GRPCRoute: ['gateway.networking.k8s.io'],
  TCPRoute: ['gateway.networking.k8s.io'],
  TLSRoute: ['gateway.networking.k8s.io'],
  UDPRoute: ['gateway.networking.k8s.io'],
  // Istio's, read for the routes an ingress gateway serves
  VirtualService: ['networking.istio.io'],
  RoleBinding: ['rbac.authorization.k8s.io'],
  ClusterRoleBinding: ['rbac.authorization.k8s.io'],
  // Dapr's, read for the backends and the tracing endpoints an app's sidecar connects to
  Component: ['dapr.io'],
  Configuration: ['dapr.io'],
  // read for the Services the Kubernetes API server calls (an aggregated API, an admission webhook)
  APIService: ['apiregistration.k8s.io'],
  ValidatingWebhookConfiguration: ['admissionregistration.k8s.io'],
  MutatingWebhookConfiguration: ['admissionregistration.k8s.io'],
};

/** `v1`, `v1beta1`, `v2alpha3`: the only version shapes Kubernetes serves. */
const VERSION = /^v[1-9][0-9]*(?:(?:alpha|beta)[1-9][0-9]*)?$/;

export type ApiVersionVerdict =
  | { readonly verdict: 'ok' }
  /** Not an apiVersion the API server accepts for this kind; the object is still analysed as the kind (what the author meant). */
  | { readonly verdict: 'invalid'; readonly message: string }
  /** Another API group's resource of the same kind name (a custom resource): not the modelled kind, so not analysed as it. */
  | { readonly verdict: 'foreign'; readonly message: string }
  /** Another product's kind that merely shares a common name (see SHARED_NAMES): skipped like any kind not modelled, without a word. */
  | { readonly verdict: 'unrelated' };

/**
 * Modelled custom resources whose kind name other products use too: Kustomize
 * (`kustomize.config.k8s.io`), OAM and KubeVela (`core.oam.dev`) have a `Component`, Knative
 * (`serving.knative.dev`) a `Configuration`, that have nothing to do with Dapr's. Such an object is no mistake and changes no connectivity netpol-ci
 * models, so it is not warned about.
 */
const SHARED_NAMES: ReadonlySet<string> = new Set(['Component', 'Configuration']);

/** How the kind's current API group is written in an apiVersion. */
const expected = (kind: string): string => {
  const group = Object.hasOwn(GROUPS, kind) ? (GROUPS[kind as ModelledKind][0] ?? '') : '';
  return group === '' ? 'apiVersion v1' : `API group ${group}`;
};

/** Whether `apiVersion` names the API group that serves the modelled `kind`. */
/** The verdict of nearly every object, shared. */
const OK: ApiVersionVerdict = { verdict: 'ok' };

export function checkApiVersion(kind: string, apiVersion: string): ApiVersionVerdict {
  const groups = Object.hasOwn(GROUPS, kind) ? GROUPS[kind as ModelledKind] : undefined;
  // an empty apiVersion is the "without apiVersion" case, reported where it is defaulted
  if (!groups || apiVersion === '') return OK;
  const slash = apiVersion.lastIndexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  if (groups.includes(group)) {
    return VERSION.test(version) ? OK : { verdict: 'invalid', message: `apiVersion ${JSON.stringify(apiVersion)} has no valid version (like v1 or v1beta1); analysed as ${kind}` };
  }
  const shown = JSON.stringify(apiVersion);
  // Kustomize's own `kustomize.config.k8s.io/v1alpha1` Component is one of these: it is checked before the groups Kubernetes owns
  if (SHARED_NAMES.has(kind)) return { verdict: 'unrelated' };
  // a group Kubernetes itself owns (core, *.k8s.io, a bare built-in group) never serves the kind elsewhere: a mistake
  const kubernetesOwned = group === '' || group === 'k8s.io' || group.endsWith('.k8s.io') || !group.includes('.') || /\s/.test(apiVersion);
  if (kubernetesOwned) return { verdict: 'invalid', message: `apiVersion ${shown} does not serve ${kind} (${expected(kind)} does); the API server rejects it; analysed as ${kind}` };
  return {
    verdict: 'foreign',
    message: `${shown} ${kind} is a custom resource, not the Kubernetes ${kind} (${expected(kind)}); skipped: the report does not include its effect`,
  };
}

const MODELLED_BY_FOLDED = new Map(Object.keys(GROUPS).map((k) => [fold(k), k]));
for (const k of ['List']) MODELLED_BY_FOLDED.set(fold(k), k);

function fold(kind: string): string {
  return kind.replace(/[\s_-]/g, '').toLowerCase();
}

/**
 * The modelled kind a misspelt kind means (`deployment`, `Deployment `, `network_policy`), or
 * undefined. Kinds are case-sensitive and exact: the API server knows no such kind.
 */
export function nearMissKind(kind: string): string | undefined {
  if (Object.hasOwn(GROUPS, kind) || kind === 'List') return undefined;
  return MODELLED_BY_FOLDED.get(fold(kind));
}
