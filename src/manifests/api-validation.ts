import { parseCidr, rangeContains, type IpRange } from '../model/ip.js';
import { dnsLabelErrors, labelKeyErrors, labelValueErrors, portNameErrors } from './k8s-names.js';
import { POLICY_KINDS } from './api-groups.js';
import { IntegralFloat } from './documents.js';

const REPLICATED = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);
const INT32_MAX = 2 ** 31 - 1;

/**
 * `spec.replicas`, an int32 of at least 0: what kubectl sends (`3.0` is 3, see asKubectlSends in
 * schemas.ts), else the API server rejects the object. Not fatal: the pod template still says who talks to whom.
 */
function replicasIssue(replicas: unknown, w: Walk): void {
  if (replicas === undefined || replicas === null) return;
  const sent = replicas instanceof IntegralFloat ? replicas.value : replicas;
  if (typeof sent === 'number' && Number.isInteger(sent) && sent >= 0 && sent <= INT32_MAX) return;
  const shown = replicas instanceof IntegralFloat ? replicas.text : typeof replicas === 'object' ? (Array.isArray(replicas) ? 'a list' : 'a mapping') : JSON.stringify(replicas);
  const top = w.down('spec');
  w.report(`replicas must be an integer from 0 to ${INT32_MAX}, got ${shown}`, 'replicas');
  w.up(top);
}

/**
 * The API server's validation of the fields netpol-ci reads, beyond their types (zod checks
 * those): label keys and values, selector operators, port names, CIDRs, admin-policy shape.
 * Every problem is an error (exit 2). A policy whose meaning the problem leaves undefined, and a
 * workload without a pod template (it makes no pod), are excluded (`exclude`); other objects are
 * reported and analysed as written (dropping a workload would hide every connection it has; an
 * invalid label value still matches what it says).
 */
export interface ApiIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  /**
   * The object's meaning is undefined with it (an operator without its values, a malformed CIDR,
   * an admin policy of the wrong shape, a workload without a pod template): the object is then
   * excluded. A mere invalid label key or value or port name still has a meaning (it matches what
   * it says), so it is analysed as written.
   */
  readonly fatal?: boolean;
}

type Rec = Record<string, unknown>;

function isRec(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function list(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : NO_ITEMS;
}
const NO_ITEMS: readonly unknown[] = Object.freeze([]);

/**
 * The walk over one object: the path of the field being checked, as one stack (pushed on the way
 * down, cut back on the way up), copied only into an issue. Every object of a modelled kind is
 * checked and nearly all are valid, so the clean walk allocates nothing.
 */
class Walk {
  /** Made at the first issue: nearly every object has none. */
  issues: ApiIssue[] | undefined = undefined;
  /** The path walked; copied into each issue, so one array serves every object (see SCRATCH_PATH). */
  readonly path: (string | number)[] = SCRATCH_PATH;

  constructor() {
    this.path.length = 0;
  }

  /** An issue at the current path, or at `key` below it. */
  report(message: string, key?: string | number, fatal?: boolean): void {
    const path = key === undefined ? this.path.slice() : [...this.path, key];
    (this.issues ??= []).push(fatal ? { path, message, fatal } : { path, message });
  }

  /** Pushes keys; returns the depth to cut back to. */
  down(a: string | number, b?: string | number, c?: string | number, d?: string | number, e?: string | number): number {
    const depth = this.path.length;
    this.path.push(a);
    if (b !== undefined) this.path.push(b);
    if (c !== undefined) this.path.push(c);
    if (d !== undefined) this.path.push(d);
    if (e !== undefined) this.path.push(e);
    return depth;
  }

  up(depth: number): void {
    this.path.length = depth;
  }
}

/**
 * The walk's path, shared by every validation (they never run inside one another and nothing keeps
 * it: issues get copies): one array grown once, not one per object.
 */
const SCRATCH_PATH: (string | number)[] = [];
const NO_ISSUES: readonly ApiIssue[] = [];

/** Label keys and values of the map at `key` below the current path. */
function labelMap(v: unknown, w: Walk, key: string): void {
  if (!isRec(v)) return;
  const depth = w.down(key);
  // own keys, `__proto__` included (the parser keeps it as data); an indexed loop and a length
  // test before each error loop: every label map of every object comes here, mostly before V8
  // optimises this function, and a for-of allocates per step until then
  const keys = Object.keys(v);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const value = v[k];
    const keyErrors = labelKeyErrors(k);
    if (keyErrors.length > 0) for (const e of keyErrors) w.report(`label key ${JSON.stringify(k)}: ${e}`, k);
    if (typeof value !== 'string') continue;
    const valueErrors = labelValueErrors(value);
    if (valueErrors.length > 0) for (const e of valueErrors) w.report(`label value ${JSON.stringify(value)}: ${e}`, k);
  }
  w.up(depth);
}

/** metav1.LabelSelector at `key` below the current path: matchLabels as labels; In/NotIn need values, Exists/DoesNotExist must have none. */
function selectorIssues(sel: unknown, w: Walk, key: string): void {
  if (!isRec(sel)) return;
  const depth = w.down(key);
  labelMap(sel.matchLabels, w, 'matchLabels');
  const exprs = list(sel.matchExpressions);
  for (let i = 0; i < exprs.length; i++) {
    const e = exprs[i];
    if (!isRec(e)) continue;
    const at = w.down('matchExpressions', i);
    if (typeof e.key === 'string') for (const m of labelKeyErrors(e.key)) w.report(`label key ${JSON.stringify(e.key)}: ${m}`, 'key');
    const values = list(e.values);
    if ((e.operator === 'In' || e.operator === 'NotIn') && values.length === 0) w.report(`must be specified when operator is ${e.operator}`, 'values', true);
    if ((e.operator === 'Exists' || e.operator === 'DoesNotExist') && values.length > 0) w.report(`may not be specified when operator is ${e.operator}`, 'values', true);
    for (let j = 0; j < values.length; j++) {
      const v = values[j];
      if (typeof v !== 'string') continue;
      const errors = labelValueErrors(v);
      if (errors.length === 0) continue;
      const inValues = w.down('values');
      for (const m of errors) w.report(`label value ${JSON.stringify(v)}: ${m}`, j);
      w.up(inValues);
    }
    w.up(at);
  }
  w.up(depth);
}

/** A CIDR in its exact form: `a.b.c.d/n` or `x::/n`, no blanks, a prefix length always (a bare IP is no CIDR). */
export function strictCidr(text: unknown): { range: IpRange } | { error: string } {
  if (typeof text !== 'string') return { error: 'must be a string' };
  if (/\s/.test(text)) return { error: `${JSON.stringify(text)} must not contain blanks` };
  if (!/^[^/]+\/\d{1,3}$/.test(text)) return { error: `${JSON.stringify(text)} must be a CIDR (address/prefix length); a bare IP is not a CIDR` };
  const range = parseCidr(text);
  return range ? { range } : { error: `${JSON.stringify(text)} is not a valid CIDR` };
}

function ipBlockIssues(b: unknown, w: Walk): void {
  if (!isRec(b)) return;
  const depth = w.down('ipBlock');
  const cidr = strictCidr(b.cidr);
  if ('error' in cidr) w.report(cidr.error, 'cidr', true);
  const except = list(b.except);
  for (let i = 0; i < except.length; i++) {
    const x = except[i];
    const ex = strictCidr(x);
    const at = w.down('except');
    if ('error' in ex) w.report(ex.error, i, true);
    else if ('range' in cidr) {
      const inside = ex.range.family === cidr.range.family && rangeContains(cidr.range, ex.range) && !(ex.range.lo === cidr.range.lo && ex.range.hi === cidr.range.hi);
      if (!inside) w.report(`${JSON.stringify(x)} must be a strict subset of cidr ${JSON.stringify(b.cidr)}`, i, true);
    }
    w.up(at);
  }
  w.up(depth);
}

/** A port name at `key` below the current path. */
function portNameIssue(name: unknown, w: Walk, key: string): void {
  if (typeof name !== 'string' || name === '') return;
  const errors = portNameErrors(name);
  if (errors.length > 0) for (const e of errors) w.report(`port name ${JSON.stringify(name)}: ${e}`, key);
}

const DIRECTIONS = [
  ['ingress', 'from'],
  ['egress', 'to'],
] as const;

/**
 * Every peer of every rule of a policy spec (at the current path), visited at its own path
 * (`ingress[i].from[j]`, `egress[i].to[j]`); then `rule` for each rule, at the current path.
 */
function eachPeer(spec: Rec, w: Walk, peer: (p: Rec) => void, rule?: (r: Rec, direction: 'ingress' | 'egress', i: number) => void): void {
  for (let d = 0; d < DIRECTIONS.length; d++) {
    const [direction, field] = DIRECTIONS[d] as (typeof DIRECTIONS)[number];
    const rules = list(spec[direction]);
    for (let i = 0; i < rules.length; i++) {
      const r = rules[i];
      if (!isRec(r)) continue;
      const peers = list(r[field]);
      for (let j = 0; j < peers.length; j++) {
        const p = peers[j];
        if (!isRec(p)) continue;
        const at = w.down(direction, i, field, j);
        peer(p);
        w.up(at);
      }
      rule?.(r, direction, i);
    }
  }
}

function networkPolicy(spec: Rec, w: Walk): void {
  const top = w.down('spec');
  selectorIssues(spec.podSelector, w, 'podSelector');
  eachPeer(
    spec,
    w,
    (p) => {
      selectorIssues(p.podSelector, w, 'podSelector');
      selectorIssues(p.namespaceSelector, w, 'namespaceSelector');
      ipBlockIssues(p.ipBlock, w);
    },
    (r, direction, i) => {
      const ports = list(r.ports);
      for (let j = 0; j < ports.length; j++) {
        const p = ports[j];
        if (!isRec(p)) continue;
        const at = w.down(direction, i, 'ports', j);
        // a quoted number is read as a number (see policy.ts), but the API server takes it for a port name,
        // and a port name needs a letter: it rejects the policy, so say so
        if (typeof p.port === 'string' && /^\d+$/.test(p.port)) {
          w.report(`port ${JSON.stringify(p.port)} is quoted, so Kubernetes reads a port name, and a port name must contain a letter: the API server rejects it; write it unquoted`, 'port');
        } else if (typeof p.port === 'string') portNameIssue(p.port, w, 'port');
        // endPort without port would otherwise be read as "every port": the range's meaning is undefined
        if ((p.port === undefined || p.port === null) && p.endPort !== undefined && p.endPort !== null) {
          w.report('endPort may not be specified when port is not specified (the API server rejects it)', 'endPort', true);
        }
        w.up(at);
      }
    },
  );
  w.up(top);
}

function adminPolicy(kind: string, o: Rec, spec: Rec, w: Walk): void {
  const meta = isRec(o.metadata) ? o.metadata : {};
  if (kind === 'BaselineAdminNetworkPolicy' && meta.name !== 'default') {
    const at = w.down('metadata');
    w.report(`a BaselineAdminNetworkPolicy must be named "default" (it is a singleton), got ${JSON.stringify(meta.name ?? '')}`, 'name', true);
    w.up(at);
  }
  const top = w.down('spec');
  const subject = isRec(spec.subject) ? spec.subject : {};
  const set = ['namespaces', 'pods'].filter((f) => subject[f] !== undefined && subject[f] !== null);
  if (set.length !== 1) w.report(`exactly one of namespaces or pods must be set, got ${set.length === 0 ? 'none' : set.join(' and ')}`, 'subject', true);
  const inSubject = w.down('subject');
  selectorIssues(subject.namespaces, w, 'namespaces');
  if (isRec(subject.pods)) {
    const inPods = w.down('pods');
    selectorIssues(subject.pods.namespaceSelector, w, 'namespaceSelector');
    selectorIssues(subject.pods.podSelector, w, 'podSelector');
    w.up(inPods);
  }
  w.up(inSubject);
  eachPeer(spec, w, (p) => {
    // an empty or ambiguous peer is compiled fail-closed (policy.ts) and reported there
    selectorIssues(p.namespaces, w, 'namespaces');
    if (isRec(p.pods)) {
      const inPods = w.down('pods');
      selectorIssues(p.pods.namespaceSelector, w, 'namespaceSelector');
      selectorIssues(p.pods.podSelector, w, 'podSelector');
      w.up(inPods);
    }
    const networks = list(p.networks);
    for (let k = 0; k < networks.length; k++) {
      const c = strictCidr(networks[k]);
      if (!('error' in c)) continue;
      const inNetworks = w.down('networks');
      w.report(c.error, k, true);
      w.up(inNetworks);
    }
  });
  w.up(top);
}

const CONTAINER_FIELDS = ['containers', 'initContainers'] as const;

/** Container port names of the pod spec at the current path. */
function podSpecIssues(spec: unknown, w: Walk): void {
  if (!isRec(spec)) return;
  for (let f = 0; f < CONTAINER_FIELDS.length; f++) {
    const field = CONTAINER_FIELDS[f] as string;
    const containers = list(spec[field]);
    for (let ci = 0; ci < containers.length; ci++) {
      const c = containers[ci];
      if (!isRec(c)) continue;
      const ports = list(c.ports);
      for (let pi = 0; pi < ports.length; pi++) {
        const p = ports[pi];
        if (!isRec(p)) continue;
        const at = w.down(field, ci, 'ports', pi);
        portNameIssue(p.name, w, 'name');
        w.up(at);
      }
    }
  }
}

/** Where each templated kind keeps its pod template. */
const POD_TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

/**
 * The pod template of a templated kind: its labels and its pod spec's port names. Without one
 * (absent, null, not a mapping) the API server rejects the object, and it would make no pod: it is
 * excluded, never analysed as an unlabelled pod that every policy's `podSelector: {}` selects.
 */
function podTemplate(object: Rec, steps: readonly string[], w: Walk): void {
  let v: unknown = object;
  let depth = 0;
  for (; depth < steps.length; depth++) {
    if (!isRec(v)) break;
    v = v[steps[depth] as string];
  }
  if (!isRec(v)) {
    const top = w.path.length;
    for (const step of steps.slice(0, depth - 1)) w.path.push(step);
    const missing = steps[depth - 1] as string;
    w.report(`${v === undefined ? 'is required' : `must be a mapping, got ${v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v}`}: the API server rejects an object without a pod template, and it makes no pod`, missing, true);
    w.up(top);
    return;
  }
  const top = w.path.length;
  for (let i = 0; i < steps.length; i++) w.path.push(steps[i] as string);
  if (isRec(v.metadata)) {
    const inMeta = w.down('metadata');
    labelMap(v.metadata.labels, w, 'labels');
    w.up(inMeta);
  }
  const inSpec = w.down('spec');
  podSpecIssues(v.spec, w);
  w.up(inSpec);
  w.up(top);
}

/**
 * Annotations (at `annotations` below the current path) are a map of strings (`map[string]string`):
 * the API server rejects a number, a boolean, a list or a map as a value (null reads as ""). Not
 * fatal: nothing netpol-ci analyses depends on them, but the object would never be applied.
 */
function annotationMap(v: unknown, w: Walk): void {
  if (!isRec(v)) return;
  const depth = w.down('annotations');
  for (const k of Object.keys(v)) {
    const value = v[k];
    if (value === null || typeof value === 'string') continue;
    const shown = Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a map' : `${typeof value} ${JSON.stringify(value)}`;
    w.report(`annotation ${JSON.stringify(k)}: the value must be a string, not ${shown}${typeof value === 'object' ? '' : ' (quote it)'}`, k);
  }
  w.up(depth);
}

/** The API server's objections to one object of a modelled kind; `exclude` when it is a policy whose meaning they leave undefined. */
export function apiValidation(kind: string, object: unknown): { issues: readonly ApiIssue[]; exclude: boolean } {
  const w = new Walk();
  if (!isRec(object)) return { issues: NO_ISSUES, exclude: false };
  if (isRec(object.metadata)) {
    w.down('metadata');
    labelMap(object.metadata.labels, w, 'labels');
    annotationMap(object.metadata.annotations, w);
    w.up(0);
  }
  const spec = isRec(object.spec) ? object.spec : {};
  if (kind === 'NetworkPolicy') networkPolicy(spec, w);
  else if (kind === 'AdminNetworkPolicy' || kind === 'BaselineAdminNetworkPolicy' || kind === 'ClusterNetworkPolicy') adminPolicy(kind, object, spec, w);
  else if (kind === 'Pod') {
    w.down('spec');
    podSpecIssues(spec, w);
    w.up(0);
  } else if (kind === 'Service') serviceIssues(spec, w);
  else if (Object.hasOwn(POD_TEMPLATES, kind)) {
    podTemplate(object, POD_TEMPLATES[kind] as readonly string[], w);
    if (REPLICATED.has(kind)) replicasIssue(spec.replicas, w);
  }
  const issues = w.issues ?? NO_ISSUES;
  w.path.length = 0;
  return { issues, exclude: (POLICY_KINDS.has(kind) || Object.hasOwn(POD_TEMPLATES, kind)) && issues.some((i) => i.fatal) };
}

function serviceIssues(spec: Rec, w: Walk): void {
  const top = w.down('spec');
  labelMap(spec.selector, w, 'selector');
  const ports = list(spec.ports);
  for (let i = 0; i < ports.length; i++) {
    const p = ports[i];
    if (!isRec(p)) continue;
    const at = w.down('ports', i);
    if (typeof p.name === 'string' && p.name !== '') for (const e of dnsLabelErrors(p.name)) w.report(`port name ${JSON.stringify(p.name)}: ${e}`, 'name');
    if (typeof p.targetPort === 'string' && !/^\d+$/.test(p.targetPort)) portNameIssue(p.targetPort, w, 'targetPort');
    w.up(at);
  }
  w.up(top);
}
