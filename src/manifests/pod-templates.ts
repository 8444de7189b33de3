import { parseAllDocuments } from 'yaml';
import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { originRef, type K8sObject } from './objects.js';
import { MAX_CONFIG_DOCUMENT } from './documents.js';

/** The kinds whose manifest, held in a value, is a template pods are made from. */
const WORKLOAD_KINDS = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob']);
/** A cheap test first: a line `kind: <workload kind>` and a `containers:` key; most values have neither. */
const KIND_LINE = /^[ \t]*kind:[ \t]*["']?(Pod|Deployment|StatefulSet|DaemonSet|ReplicaSet|Job|CronJob)["']?[ \t]*$/m;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Whether a value holds containers where a workload's pod spec has them (`spec.containers`, or under a template). */
function hasContainers(o: Record<string, unknown>): boolean {
  const spec = o.spec;
  if (!isRecord(spec)) return false;
  if (Array.isArray(spec.containers)) return true;
  const template = isRecord(spec.template) ? spec.template : isRecord(spec.jobTemplate) ? spec.jobTemplate : undefined;
  return template !== undefined && hasContainers(template);
}

/** The workload kind a value's YAML documents hold (a `kind` among WORKLOAD_KINDS, with an apiVersion and containers), if any. */
function heldWorkload(text: string): string | undefined {
  if (text.length > MAX_CONFIG_DOCUMENT || !KIND_LINE.test(text) || !text.includes('containers')) return undefined;
  for (const doc of parseAllDocuments(text, { strict: false, uniqueKeys: false })) {
    if (!('contents' in doc) || doc.errors.length > 0) continue;
    let v: unknown;
    try {
      v = doc.toJS();
    } catch {
      // aliases expanding past yaml's limit (a billion laughs): no template anyone writes, and no crash
      continue;
    }
    if (isRecord(v) && typeof v.kind === 'string' && WORKLOAD_KINDS.has(v.kind) && typeof v.apiVersion === 'string' && hasContainers(v)) return v.kind;
  }
  return undefined;
}

/**
 * A workload manifest held in a ConfigMap or Secret value: a template something creates pods from
 * at run time (Airflow's KubernetesExecutor and its `pod_template_file.yaml`, a CI runner's job
 * template). Those pods are in no manifest, so the report leaves out their connections, and a
 * namespace's default-deny isolates them: a warning at the key, never a silent omission.
 */
export function podTemplateWarnings(objects: readonly K8sObject[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const o of objects) {
    if (o.kind !== 'ConfigMap' && o.kind !== 'Secret') continue;
    const meta = o.object.metadata;
    const name = `${meta.namespace ? `${meta.namespace}/` : ''}${meta.name}`;
    const values: [string, string, unknown][] = [];
    for (const [k, v] of Object.entries(o.object.data ?? {})) values.push(['data', k, o.kind === 'Secret' && typeof v === 'string' ? decoded(v) : v]);
    if (o.kind === 'Secret') for (const [k, v] of Object.entries(o.object.stringData ?? {})) values.push(['stringData', k, v]);
    for (const [field, key, value] of values) {
      if (typeof value !== 'string') continue;
      const kind = heldWorkload(value);
      if (kind === undefined) continue;
      out.push(
        diag(
          Codes.podTemplateInConfig,
          'warning',
          `${o.kind} ${name} key ${key} holds a ${kind} manifest: a template something creates pods from at run time, which no manifest lists; the report leaves out their connections, and a default-deny isolates them`,
          originRef(o.origin, [field, key]),
          'add their links in a links file (synthesize --links), or the template as a manifest of its own',
        ),
      );
    }
  }
  return out;
}

/** A Secret's base64 `data` value as text, or undefined when it is none. */
function decoded(v: string): string | undefined {
  if (!/^[A-Za-z0-9+/=\s]*$/.test(v)) return undefined;
  const text = Buffer.from(v, 'base64').toString('utf8');
  return text.includes('\uFFFD') ? undefined : text;
}
