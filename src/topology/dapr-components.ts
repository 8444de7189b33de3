import { Codes, diag, type Diagnostic, type SourceRef } from '../diagnostics/diagnostic.js';
import { compareStrings, DEFAULT_NAMESPACE, type Cluster, type Workload } from '../manifests/cluster.js';
import { originRef, rawAt, type K8sObject, type ObjectOrigin } from '../manifests/objects.js';
import { valueContext, type ValueContext } from './addresses.js';
import type { Unresolved } from './links.js';
import { DAPR, meshedWorkloads } from './mesh.js';

type ComponentObject = Extract<K8sObject, { kind: 'Component' }>;
type ConfigurationObject = Extract<K8sObject, { kind: 'Configuration' }>;

/**
 * Dapr apps do not name their backends: their sidecar (daprd) connects to the state store, pub/sub
 * broker or binding that a Dapr `Component` (dapr.io/v1alpha1) describes, from inside the app's own
 * pod, so the app's pods need the egress. Which Components an app's daprd loads (docs.dapr.io,
 * "Scope components to one or more applications"): those of its own namespace, and of these only
 * the ones whose `scopes` list its app id (all of them when `scopes` is absent or empty). daprd
 * initialises every Component it loads when it starts (a Redis state store pings its Redis, a Kafka
 * pub/sub dials its brokers), so each app that loads one needs the egress, whatever its code uses.
 *
 * The app id is the pod template's `dapr.io/app-id`; without it Dapr's injector takes the pod's
 * name (its GetAppID): a bare Pod's name, a StatefulSet pod's `<name>-<ordinal>`. Other controllers
 * name their pods only when creating them (generateName), so no `scopes` list can hold their id.
 */

/** One metadata value of a Component an app loads, read by the scan as an address like an env value. */
export interface DaprValue {
  readonly value: string;
  readonly context: ValueContext;
  readonly origin: ObjectOrigin;
  readonly path: readonly (string | number)[];
  /** The app's annotation that makes its sidecar use it: `dapr.io/enabled`, or `dapr.io/config` for a Configuration. */
  readonly via: () => SourceRef;
}

/** What a Dapr app's sidecar reaches: the values of the Components it loads, and the values only known at run time. */
export interface DaprSources {
  readonly values: readonly DaprValue[];
  readonly unknown: readonly Unresolved[];
}

/** `redisHost` -> `redis_Host`: Dapr writes metadata names in camelCase; the address finder reads `_`-separated words. */
const words = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2');

/** How a metadata item's value is read: a host name says address, a password or a flag says nothing. */
export function metadataContext(name: string): ValueContext {
  return valueContext(name, words(name));
}

/** A value from a secret or daprd's environment can hold an address only under such a name (or a connection string's). */
function holdsAddress(name: string): boolean {
  return metadataContext(name) === 'address' || /connection[_-]?string|(?:^|_)dsn$/i.test(words(name));
}

const str = (m: unknown, key: string): string | undefined => {
  const v = m && typeof m === 'object' ? (m as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : undefined;
};

/** The Dapr app ids of a workload's pods: a predicate, since a StatefulSet's pods each have their own. */
function appIds(w: Workload, annotations: unknown): { generated: boolean; has: (id: string) => boolean } {
  const id = str(annotations, 'dapr.io/app-id');
  if (id !== undefined && id !== '') return { generated: false, has: (s) => s === id };
  if (w.ref.kind === 'Pod') return { generated: false, has: (s) => s === w.ref.name };
  if (w.ref.kind === 'StatefulSet') return { generated: false, has: (s) => s.startsWith(`${w.ref.name}-`) && /^\d+$/.test(s.slice(w.ref.name.length + 1)) };
  return { generated: true, has: () => false };
}

/** The clouds whose services Dapr's component types name (`state.aws.dynamodb`, `pubsub.azure.servicebus.topics`, `bindings.gcp.bucket`). */
const CLOUDS: Readonly<Record<string, string>> = { aws: 'AWS', azure: 'Azure', gcp: 'Google Cloud', alicloud: 'Alibaba Cloud', huawei: 'Huawei Cloud', tencentcloud: 'Tencent Cloud', oci: 'Oracle Cloud', cloudflare: 'Cloudflare' };

/**
 * The cloud of a Component whose backend is a cloud service named by account or region, not by an
 * address (`accountName`, `region`, `table`): nothing in its values is an address to resolve, yet
 * the sidecar connects outside the cluster. A Component that does write an address (`endpoint` of
 * a local emulator, a Service Bus connection string) is left to that address.
 */
function cloudService(c: ComponentObject): string | undefined {
  const cloud = c.object.spec.type.split('.').slice(1, 2)[0];
  if (cloud === undefined || !Object.hasOwn(CLOUDS, cloud)) return undefined;
  const addressed = (c.object.spec.metadata ?? []).some(
    (item) => holdsAddress(item.name) && ((typeof item.value === 'string' && item.value.trim() !== '') || item.secretKeyRef || item.envRef),
  );
  return addressed ? undefined : CLOUDS[cloud];
}

/**
 * The tracing endpoints of the Configuration an app names in `dapr.io/config` (of its namespace):
 * its sidecar exports spans to the Zipkin and OpenTelemetry endpoint addresses, unless tracing is
 * off (`samplingRate` "0"; Dapr samples at its default rate when the rate is absent or not a number).
 */
function tracingEndpoints(w: Workload, configurations: ReadonlyMap<string, ConfigurationObject>, metaPath: readonly (string | number)[]): DaprValue[] {
  const name = str((rawAt(w.origin, metaPath) as { annotations?: unknown } | undefined)?.annotations, 'dapr.io/config');
  const config = name ? configurations.get(`${w.ref.namespace || DEFAULT_NAMESPACE}/${name}`) : undefined;
  const tracing = config?.object.spec?.tracing;
  if (!config || !tracing) return [];
  const rate = Number(tracing.samplingRate ?? Number.NaN);
  if (tracing.samplingRate !== undefined && tracing.samplingRate !== null && String(tracing.samplingRate).trim() !== '' && rate === 0) return [];
  const via = () => originRef(w.origin, [...metaPath, 'annotations', 'dapr.io/config']);
  const out: DaprValue[] = [];
  for (const exporter of ['zipkin', 'otel'] as const) {
    const value = tracing[exporter]?.endpointAddress;
    if (typeof value === 'string' && value !== '') out.push({ value, context: 'address', origin: config.origin, path: ['spec', 'tracing', exporter, 'endpointAddress'], via });
  }
  return out;
}

const componentKey = (c: ComponentObject): string => `${c.object.metadata.namespace || DEFAULT_NAMESPACE}/${c.object.metadata.name ?? ''}`;

/** The Components every Dapr app loads, by workload (see the module comment), with a warning for each app whose missing app id keeps a scoped Component away. */
export function daprComponentSources(cluster: Cluster): { byWorkload: Map<Workload, DaprSources>; diagnostics: Diagnostic[] } {
  const byNamespace = new Map<string, ComponentObject[]>();
  const configurations = new Map<string, ConfigurationObject>();
  for (const o of cluster.objects) {
    if (o.kind === 'Configuration') configurations.set(`${o.object.metadata.namespace || DEFAULT_NAMESPACE}/${o.object.metadata.name ?? ''}`, o);
    if (o.kind !== 'Component') continue;
    const ns = o.object.metadata.namespace || DEFAULT_NAMESPACE;
    byNamespace.set(ns, [...(byNamespace.get(ns) ?? []), o]);
  }
  for (const list of byNamespace.values()) list.sort((a, b) => compareStrings(componentKey(a), componentKey(b)));
  const byWorkload = new Map<Workload, DaprSources>();
  const diagnostics: Diagnostic[] = [];
  if (byNamespace.size === 0 && configurations.size === 0) return { byWorkload, diagnostics };
  for (const { workload: w, found } of meshedWorkloads(cluster)) {
    if (found.mesh !== DAPR) continue;
    const components = byNamespace.get(w.ref.namespace || DEFAULT_NAMESPACE) ?? [];
    const metaPath = [...w.specPath.slice(0, -1), 'metadata'];
    const ids = appIds(w, (rawAt(w.origin, metaPath) as { annotations?: unknown } | undefined)?.annotations);
    const values: DaprValue[] = [];
    const unknown: Unresolved[] = [];
    const skippedScoped: string[] = [];
    for (const c of components) {
      const scopes = c.object.scopes ?? [];
      if (scopes.length > 0 && !scopes.some(ids.has)) {
        if (ids.generated) skippedScoped.push(componentKey(c));
        continue;
      }
      const what = `Dapr Component ${componentKey(c)} (${c.object.spec.type})`;
      const cloud = cloudService(c);
      if (cloud) {
        unknown.push({
          workload: w.ref,
          value: c.object.spec.type,
          at: originRef(c.origin, ['spec', 'type']),
          via: found.at,
          reason: 'external-hostname',
          detail: `${what} is a ${cloud} service outside the cluster, at an address its SDK derives from the account and region; NetworkPolicy cannot name hosts, only address blocks`,
        });
      }
      (c.object.spec.metadata ?? []).forEach((item, i) => {
        if (typeof item.value === 'string') {
          values.push({ value: item.value, context: metadataContext(item.name), origin: c.origin, path: ['spec', 'metadata', i, 'value'], via: () => found.at });
          return;
        }
        // numbers and booleans (`enableTLS: true`, `maxLen: 100`) name nothing
        if (item.value !== undefined && item.value !== null) return;
        if (!holdsAddress(item.name)) return;
        const ref = item.secretKeyRef;
        if (ref) {
          const store = c.object.auth?.secretStore || 'kubernetes';
          unknown.push({
            workload: w.ref,
            value: `${item.name}: secretKeyRef ${ref.name}${ref.key ? `/${ref.key}` : ''}`,
            at: originRef(c.origin, ['spec', 'metadata', i, 'secretKeyRef']),
            via: found.at,
            reason: 'secret-value',
            detail: `${what} reads ${item.name} from secret ${ref.name}${ref.key ? ` key ${ref.key}` : ''} (secret store ${store}), which the manifests do not hold: the address its sidecar connects to is known only at run time`,
          });
        } else if (typeof item.envRef === 'string') {
          unknown.push({
            workload: w.ref,
            value: `${item.name}: envRef ${item.envRef}`,
            at: originRef(c.origin, ['spec', 'metadata', i, 'envRef']),
            via: found.at,
            reason: 'undefined-variable',
            detail: `${what} reads ${item.name} from the sidecar's environment variable ${item.envRef}: the address its sidecar connects to is known only at run time`,
          });
        }
      });
    }
    if (skippedScoped.length > 0) {
      diagnostics.push(
        diag(
          Codes.daprAppIdMissing,
          'warning',
          `${w.ref.namespace}/${w.ref.name} is a Dapr app without dapr.io/app-id: its app id is its pod's name, which its ${w.ref.kind} generates when it creates the pod, so the scoped Component${skippedScoped.length === 1 ? '' : 's'} ${skippedScoped.join(', ')} ${skippedScoped.length === 1 ? 'is not loaded and gives' : 'are not loaded and give'} it no link`,
          found.at,
          'set dapr.io/app-id on the pod template, and list that id in the Component\'s scopes if the app uses it',
        ),
      );
    }
    values.push(...tracingEndpoints(w, configurations, metaPath));
    if (values.length > 0 || unknown.length > 0) byWorkload.set(w, { values, unknown });
  }
  return { byWorkload, diagnostics };
}
