import { parseCidr, rangeContains, type IpRange } from '../model/ip.js';
import { dnsLabelErrors, labelKeyErrors, labelValueErrors, portNameErrors } from './k8s-names.js';

/**
 * The API server's validation of the fields netpol-ci reads, beyond their types (zod checks
 * those): label keys and values, selector operators, port names, CIDRs, admin-policy shape.
 * Every problem is an error (exit 2). A policy whose meaning the problem leaves undefined is
 * excluded (`exclude`); other objects are reported and analysed as written (dropping a workload
 * would hide every connection it has; an invalid label value still matches what it says).
 */
export interface ApiIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  /**
   * The object's meaning is undefined with it (an operator without its values, a malformed CIDR,
   * an admin policy of the wrong shape): a policy is then excluded. A mere invalid label key or
   * value or port name still has a meaning (it matches what it says), so it is analysed as written.
   */
  readonly fatal?: boolean;
}

type Rec = Record<string, unknown>;
const POLICY_KINDS = new Set(['NetworkPolicy', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy']);

function isRec(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function labelMap(v: unknown, path: (string | number)[], out: ApiIssue[]): void {
  if (!isRec(v)) return;
  // own keys, `__proto__` included (the parser keeps it as data)
  for (const k of Object.keys(v)) {
    const value = v[k];
    for (const e of labelKeyErrors(k)) out.push({ path: [...path, k], message: `label key ${JSON.stringify(k)}: ${e}` });
    if (typeof value === 'string') for (const e of labelValueErrors(value)) out.push({ path: [...path, k], message: `label value ${JSON.stringify(value)}: ${e}` });
  }
}

/** metav1.LabelSelector: matchLabels as labels; In/NotIn need values, Exists/DoesNotExist must have none. */
export function selectorIssues(sel: unknown, path: (string | number)[], out: ApiIssue[]): void {
  if (!isRec(sel)) return;
  labelMap(sel.matchLabels, [...path, 'matchLabels'], out);
  list(sel.matchExpressions).forEach((e, i) => {
    if (!isRec(e)) return;
    const at = [...path, 'matchExpressions', i];
    if (typeof e.key === 'string') for (const m of labelKeyErrors(e.key)) out.push({ path: [...at, 'key'], message: `label key ${JSON.stringify(e.key)}: ${m}` });
    const values = list(e.values);
    if ((e.operator === 'In' || e.operator === 'NotIn') && values.length === 0) {
      out.push({ path: [...at, 'values'], message: `must be specified when operator is ${e.operator}`, fatal: true });
    }
    if ((e.operator === 'Exists' || e.operator === 'DoesNotExist') && values.length > 0) {
      out.push({ path: [...at, 'values'], message: `may not be specified when operator is ${e.operator}`, fatal: true });
    }
    values.forEach((v, j) => {
      if (typeof v === 'string') for (const m of labelValueErrors(v)) out.push({ path: [...at, 'values', j], message: `label value ${JSON.stringify(v)}: ${m}` });
    });
  });
}

/** A CIDR in its exact form: `a.b.c.d/n` or `x::/n`, no blanks, a prefix length always (a bare IP is no CIDR). */
export function strictCidr(text: unknown): { range: IpRange } | { error: string } {
  if (typeof text !== 'string') return { error: 'must be a string' };
  if (/\s/.test(text)) return { error: `${JSON.stringify(text)} must not contain blanks` };
  if (!/^[^/]+\/\d{1,3}$/.test(text)) return { error: `${JSON.stringify(text)} must be a CIDR (address/prefix length); a bare IP is not a CIDR` };
  const range = parseCidr(text);
  return range ? { range } : { error: `${JSON.stringify(text)} is not a valid CIDR` };
}

function ipBlockIssues(b: unknown, path: (string | number)[], out: ApiIssue[]): void {
  if (!isRec(b)) return;
  const cidr = strictCidr(b.cidr);
  if ('error' in cidr) out.push({ path: [...path, 'cidr'], message: cidr.error, fatal: true });
  list(b.except).forEach((x, i) => {
    const ex = strictCidr(x);
    if ('error' in ex) out.push({ path: [...path, 'except', i], message: ex.error, fatal: true });
    else if ('range' in cidr) {
      const inside = ex.range.family === cidr.range.family && rangeContains(cidr.range, ex.range) && !(ex.range.lo === cidr.range.lo && ex.range.hi === cidr.range.hi);
      if (!inside) out.push({ path: [...path, 'except', i], message: `${JSON.stringify(x)} must be a strict subset of cidr ${JSON.stringify(b.cidr)}`, fatal: true });
    }
  });
}

function portNameIssue(name: unknown, path: (string | number)[], out: ApiIssue[]): void {
  if (typeof name !== 'string' || name === '') return;
  for (const e of portNameErrors(name)) out.push({ path, message: `port name ${JSON.stringify(name)}: ${e}` });
}

function networkPolicy(spec: Rec, out: ApiIssue[]): void {
  selectorIssues(spec.podSelector, ['spec', 'podSelector'], out);
  for (const [direction, field] of [
    ['ingress', 'from'],
    ['egress', 'to'],
  ] as const) {
    list(spec[direction]).forEach((r, i) => {
      if (!isRec(r)) return;
      list(r[field]).forEach((p, j) => {
        if (!isRec(p)) return;
        const at = ['spec', direction, i, field, j];
        selectorIssues(p.podSelector, [...at, 'podSelector'], out);
        selectorIssues(p.namespaceSelector, [...at, 'namespaceSelector'], out);
        ipBlockIssues(p.ipBlock, [...at, 'ipBlock'], out);
      });
      list(r.ports).forEach((p, j) => {
        if (!isRec(p)) return;
        const at = ['spec', direction, i, 'ports', j];
        // a quoted number is read as a number (see policy.ts), but the API server takes it for a port name,
        // and a port name needs a letter: it rejects the policy, so say so
        if (typeof p.port === 'string' && /^\d+$/.test(p.port)) {
          out.push({ path: [...at, 'port'], message: `port ${JSON.stringify(p.port)} is quoted, so Kubernetes reads a port name, and a port name must contain a letter: the API server rejects it; write it unquoted` });
        } else if (typeof p.port === 'string') portNameIssue(p.port, [...at, 'port'], out);
        // endPort without port would otherwise be read as "every port": the range's meaning is undefined
        if ((p.port === undefined || p.port === null) && p.endPort !== undefined && p.endPort !== null) {
          out.push({ path: [...at, 'endPort'], message: 'endPort may not be specified when port is not specified (the API server rejects it)', fatal: true });
        }
      });
    });
  }
}

function adminPolicy(kind: string, o: Rec, spec: Rec, out: ApiIssue[]): void {
  const meta = isRec(o.metadata) ? o.metadata : {};
  if (kind === 'BaselineAdminNetworkPolicy' && meta.name !== 'default') {
    out.push({ path: ['metadata', 'name'], message: `a BaselineAdminNetworkPolicy must be named "default" (it is a singleton), got ${JSON.stringify(meta.name ?? '')}`, fatal: true });
  }
  const subject = isRec(spec.subject) ? spec.subject : {};
  const set = ['namespaces', 'pods'].filter((f) => subject[f] !== undefined && subject[f] !== null);
  if (set.length !== 1) out.push({ path: ['spec', 'subject'], message: `exactly one of namespaces or pods must be set, got ${set.length === 0 ? 'none' : set.join(' and ')}`, fatal: true });
  selectorIssues(subject.namespaces, ['spec', 'subject', 'namespaces'], out);
  if (isRec(subject.pods)) {
    selectorIssues(subject.pods.namespaceSelector, ['spec', 'subject', 'pods', 'namespaceSelector'], out);
    selectorIssues(subject.pods.podSelector, ['spec', 'subject', 'pods', 'podSelector'], out);
  }
  for (const [direction, field] of [
    ['ingress', 'from'],
    ['egress', 'to'],
  ] as const) {
    list(spec[direction]).forEach((r, i) => {
      if (!isRec(r)) return;
      list(r[field]).forEach((p, j) => {
        if (!isRec(p)) return;
        const at = ['spec', direction, i, field, j];
        // an empty or ambiguous peer is compiled fail-closed (policy.ts) and reported there
        selectorIssues(p.namespaces, [...at, 'namespaces'], out);
        if (isRec(p.pods)) {
          selectorIssues(p.pods.namespaceSelector, [...at, 'pods', 'namespaceSelector'], out);
          selectorIssues(p.pods.podSelector, [...at, 'pods', 'podSelector'], out);
        }
        list(p.networks).forEach((n, k) => {
          const c = strictCidr(n);
          if ('error' in c) out.push({ path: [...at, 'networks', k], message: c.error, fatal: true });
        });
      });
    });
  }
}

function podSpecIssues(spec: unknown, path: (string | number)[], out: ApiIssue[]): void {
  if (!isRec(spec)) return;
  for (const field of ['containers', 'initContainers']) {
    list(spec[field]).forEach((c, ci) => {
      if (!isRec(c)) return;
      list(c.ports).forEach((p, pi) => {
        if (isRec(p)) portNameIssue(p.name, [...path, field, ci, 'ports', pi, 'name'], out);
      });
    });
  }
}

const POD_TEMPLATES: Record<string, (string | number)[]> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

function at(o: unknown, path: readonly (string | number)[]): unknown {
  let v = o;
  for (const p of path) v = isRec(v) || Array.isArray(v) ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

/**
 * Annotations are a map of strings (`map[string]string`): the API server rejects a number, a
 * boolean, a list or a map as a value (null reads as ""). Not fatal: nothing netpol-ci analyses
 * depends on them, but the object would never be applied.
 */
function annotationMap(v: unknown, path: (string | number)[], out: ApiIssue[]): void {
  if (!isRec(v)) return;
  for (const [k, value] of Object.entries(v)) {
    if (value === null || typeof value === 'string') continue;
    const shown = Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a map' : `${typeof value} ${JSON.stringify(value)}`;
    out.push({ path: [...path, k], message: `annotation ${JSON.stringify(k)}: the value must be a string, not ${shown}${typeof value === 'object' ? '' : ' (quote it)'}` });
  }
}

/** The API server's objections to one object of a modelled kind; `exclude` when it is a policy whose meaning they leave undefined. */
export function apiValidation(kind: string, object: unknown): { issues: ApiIssue[]; exclude: boolean } {
  const out: ApiIssue[] = [];
  if (!isRec(object)) return { issues: out, exclude: false };
  const meta = isRec(object.metadata) ? object.metadata : {};
  labelMap(meta.labels, ['metadata', 'labels'], out);
  annotationMap(meta.annotations, ['metadata', 'annotations'], out);
  const spec = isRec(object.spec) ? object.spec : {};
  if (kind === 'NetworkPolicy') networkPolicy(spec, out);
  else if (kind === 'AdminNetworkPolicy' || kind === 'BaselineAdminNetworkPolicy' || kind === 'ClusterNetworkPolicy') adminPolicy(kind, object, spec, out);
  else if (kind === 'Pod') podSpecIssues(spec, ['spec'], out);
  else if (kind === 'Service') {
    labelMap(spec.selector, ['spec', 'selector'], out);
    list(spec.ports).forEach((p, i) => {
      if (!isRec(p)) return;
      if (typeof p.name === 'string' && p.name !== '') for (const e of dnsLabelErrors(p.name)) out.push({ path: ['spec', 'ports', i, 'name'], message: `port name ${JSON.stringify(p.name)}: ${e}` });
      if (typeof p.targetPort === 'string' && !/^\d+$/.test(p.targetPort)) portNameIssue(p.targetPort, ['spec', 'ports', i, 'targetPort'], out);
    });
  } else if (Object.hasOwn(POD_TEMPLATES, kind)) {
    const tpl = POD_TEMPLATES[kind] as (string | number)[];
    labelMap(at(object, [...tpl, 'metadata', 'labels']), [...tpl, 'metadata', 'labels'], out);
    podSpecIssues(at(object, [...tpl, 'spec']), [...tpl, 'spec'], out);
  }
  return { issues: out, exclude: POLICY_KINDS.has(kind) && out.some((i) => i.fatal) };
}
