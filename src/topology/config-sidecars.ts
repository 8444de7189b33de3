import { compareStrings, DEFAULT_NAMESPACE } from '../manifests/cluster.js';
import type { K8sObject } from '../manifests/objects.js';

type ConfigMapObject = Extract<K8sObject, { kind: 'ConfigMap' }>;
type Env = readonly { readonly name: string; readonly value?: unknown }[] | null | undefined;

/**
 * ConfigMaps that a config-loader sidecar copies into the pod by label, as if mounted: the
 * kiwigrid k8s-sidecar contract (Grafana's chart and kube-prometheus-stack load datasources,
 * dashboards and alert rules so): `LABEL` (and optionally `LABEL_VALUE`) selects ConfigMaps,
 * `FOLDER` is where their files land, `NAMESPACE` is a comma-separated list or `ALL` (default:
 * the pod's own), `RESOURCE` is `configmap`, `secret` or `both` (default configmap). Grafana's
 * datasources (`url: http://prometheus:9090`) live in such ConfigMaps: without them the scan
 * missed Grafana's calls. Returns the ConfigMaps, sorted, with the index of the `LABEL` entry.
 */
export function sidecarConfigMaps(env: Env, namespace: string, configMaps: Iterable<ConfigMapObject>): { cm: ConfigMapObject; labelIndex: number }[] {
  const list = env ?? [];
  const literal = (name: string) => {
    const i = list.findIndex((e) => e.name === name);
    const value = i >= 0 ? list[i]?.value : undefined;
    return typeof value === 'string' ? { value, index: i } : undefined;
  };
  const label = literal('LABEL');
  if (!label || label.value === '' || !literal('FOLDER')) return [];
  const resource = (literal('RESOURCE')?.value ?? 'configmap').toLowerCase();
  if (resource !== 'configmap' && resource !== 'both') return [];
  const wanted = literal('LABEL_VALUE')?.value;
  const ns = literal('NAMESPACE')?.value;
  const namespaces = ns === undefined || ns.trim() === '' ? [namespace] : ns.trim().toUpperCase() === 'ALL' ? undefined : ns.split(',').map((n) => n.trim());
  const out: { cm: ConfigMapObject; labelIndex: number }[] = [];
  for (const cm of configMaps) {
    const labels = cm.object.metadata.labels ?? {};
    const cmNs = cm.object.metadata.namespace || DEFAULT_NAMESPACE;
    if (!(label.value in labels) || (wanted !== undefined && labels[label.value] !== wanted)) continue;
    if (namespaces && !namespaces.includes(cmNs)) continue;
    out.push({ cm, labelIndex: label.index });
  }
  const key = (c: ConfigMapObject) => `${c.object.metadata.namespace || DEFAULT_NAMESPACE}/${c.object.metadata.name}`;
  return out.sort((a, b) => compareStrings(key(a.cm), key(b.cm)));
}
