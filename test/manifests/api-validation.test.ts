import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { loadManifests } from '../../src/manifests/load.js';
import { LabelSelectorSchema } from '../../src/manifests/schemas.js';
import { dnsLabelErrors, labelKeyErrors, labelValueErrors, portNameErrors } from '../../src/manifests/k8s-names.js';

function load(text: string) {
  const r = loadManifests([{ path: 'm.yaml', text }]);
  return { kinds: r.cluster.objects.map((o) => `${o.kind}/${o.object.metadata.name}`), lines: r.diagnostics.map(formatDiagnostic) };
}

const np = (spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\n  namespace: shop\nspec:\n${spec}`;

describe('Kubernetes names and labels, as apimachinery validates them', () => {
  it('label keys, values, port names and DNS labels', () => {
    expect(labelKeyErrors('app.kubernetes.io/name')).toEqual([]);
    expect(labelKeyErrors('a/b/c')).toHaveLength(1);
    expect(labelKeyErrors('/x')).toEqual(['prefix part must be non-empty']);
    expect(labelKeyErrors('x'.repeat(64))).toEqual(['name part must be no more than 63 characters']);
    expect(labelValueErrors('')).toEqual([]);
    expect(labelValueErrors('-a')).toHaveLength(1);
    expect(portNameErrors('http')).toEqual([]);
    expect(portNameErrors('HTTP')).toHaveLength(2);
    expect(portNameErrors('8080')).toEqual(['must contain at least one letter']);
    expect(portNameErrors('a--b')).toEqual(['must not contain consecutive hyphens']);
    expect(portNameErrors('abcdefghijklmnop')).toEqual(['must be no more than 15 characters']);
    expect(dnsLabelErrors('../../x')).toHaveLength(1);
  });
});

describe('objects the API server rejects', () => {
  it('a selector with __proto__ keeps the key as data (never {})', () => {
    const parsed = LabelSelectorSchema.parse(JSON.parse('{"matchLabels": {"__proto__": "x", "a": "b"}}'));
    expect(Object.keys(parsed.matchLabels ?? {})).toEqual(['__proto__', 'a']);
  });

  it('selector operators: In/NotIn need values, Exists/DoesNotExist none; the policy is excluded, each problem located', () => {
    const r = load(np('  podSelector:\n    matchExpressions:\n    - {key: a, operator: In, values: []}\n    - {key: a, operator: NotIn}\n    - {key: a, operator: DoesNotExist, values: [x]}\n'));
    expect(r.kinds).toEqual([]);
    expect(r.lines).toEqual([
      'm.yaml:9:38 [doc 1] error NPC030 spec.podSelector.matchExpressions[0].values: must be specified when operator is In (NetworkPolicy p excluded from the analysis)',
      'm.yaml:10:7 [doc 1] error NPC030 spec.podSelector.matchExpressions[1].values: must be specified when operator is NotIn (NetworkPolicy p excluded from the analysis)',
      'm.yaml:11:48 [doc 1] error NPC030 spec.podSelector.matchExpressions[2].values: may not be specified when operator is DoesNotExist (NetworkPolicy p excluded from the analysis)',
    ]);
  });

  it('CIDRs in their exact form, except strictly inside', () => {
    const r = load(np('  podSelector: {}\n  egress:\n  - to:\n    - ipBlock: {cidr: "10.0.0.0/8 "}\n    - ipBlock: {cidr: 10.0.0.1}\n    - ipBlock: {cidr: 10.0.0.0/8, except: [10.0.0.0/8]}\n    - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}\n'));
    expect(r.lines.map((l) => l.replace(/ \(NetworkPolicy.*$/, ''))).toEqual([
      'm.yaml:10:23 [doc 1] error NPC030 spec.egress[0].to[0].ipBlock.cidr: "10.0.0.0/8 " must not contain blanks',
      'm.yaml:11:23 [doc 1] error NPC030 spec.egress[0].to[1].ipBlock.cidr: "10.0.0.1" must be a CIDR (address/prefix length); a bare IP is not a CIDR',
      'm.yaml:12:44 [doc 1] error NPC030 spec.egress[0].to[2].ipBlock.except[0]: "10.0.0.0/8" must be a strict subset of cidr "10.0.0.0/8"',
    ]);
  });

  it('integer fields: 8080.0000000000001 and 80.0 are the integers kubectl sends (warned), 80.5 is no integer', () => {
    const r = load(np('  podSelector: {}\n  ingress:\n  - ports:\n    - port: 8080.0000000000001\n    - port: 80.0\n'));
    expect(r.kinds).toEqual(['NetworkPolicy/p']);
    expect(r.lines).toEqual([
      expect.stringMatching(/^m\.yaml:10:\d+ \[doc 1\] warning NPC305 spec\.ingress\[0\]\.ports\[0\]\.port: 8080\.0000000000001 is read as the integer 8080/),
      expect.stringMatching(/^m\.yaml:11:\d+ \[doc 1\] warning NPC305 spec\.ingress\[0\]\.ports\[1\]\.port: 80\.0 is read as the integer 80/),
    ]);
    const bad = load(np('  podSelector: {}\n  ingress:\n  - ports:\n    - port: 80.5\n'));
    expect(bad.kinds).toEqual([]);
    expect(bad.lines).toEqual([expect.stringMatching(/^m\.yaml:10:13 \[doc 1\] error NPC010 spec\.ingress\[0\]\.ports\[0\]\.port: expected a number or a name, got 80\.5/)]);
  });

  it('workload problems are errors but the workload stays analysed', () => {
    const r = load('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {"app": "-bad"}\nspec:\n  containers:\n  - name: c\n    ports:\n    - {containerPort: 70000}\n    - {containerPort: 80, name: Web}\n');
    expect(r.kinds).toEqual(['Pod/p']);
    expect(r.lines).toEqual([
      expect.stringMatching(/^m\.yaml:5:\d+ \[doc 1\] error NPC030 metadata\.labels\.app: label value "-bad"/),
      expect.stringMatching(/^m\.yaml:11:\d+ \[doc 1\] error NPC030 spec\.containers\[0\]\.ports\[1\]\.name: port name "Web"/),
      expect.stringMatching(/^m\.yaml:10:\d+ \[doc 1\] error NPC010 spec\.containers\[0\]\.ports\[0\]\.containerPort: expected a port number 1-65535, got 70000/),
    ]);
  });

  it('merge keys are resolved as Kubernetes YAML does', () => {
    const r = load('base: &b {app: web}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    <<: {app: web}\n    tier: x\n');
    expect(r.kinds).toEqual(['Pod/p']);
    expect(r.lines.filter((l) => / error /.test(l))).toEqual([]);
  });
});

describe('a workload without a pod template', () => {
  it('is an error at the missing field and is excluded (it makes no pod), the rest analysed', () => {
    const text = [
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  template: null\n',
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: api, namespace: shop}\nspec: {}\n',
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent, namespace: shop}\n',
      'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: cj, namespace: shop}\nspec: {jobTemplate: {spec: {template: [x]}}}\n',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ok, namespace: shop}\nspec:\n  template:\n    metadata: {labels: {app: ok}}\n    spec: {containers: [{name: c, image: x}]}\n',
    ].join('---\n');
    const r = loadManifests([{ path: 'm.yaml', text }]);
    expect(r.cluster.workloads.map((w) => w.ref.name)).toEqual(['ok']);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([
      'm.yaml:5:13 [doc 1] error NPC030 spec.template: must be a mapping, got null: the API server rejects an object without a pod template, and it makes no pod (Deployment web excluded from the analysis)',
      'm.yaml:10:7 [doc 2] error NPC030 spec.template: is required: the API server rejects an object without a pod template, and it makes no pod (StatefulSet api excluded from the analysis)',
      'm.yaml:12:1 [doc 3] error NPC030 spec: is required: the API server rejects an object without a pod template, and it makes no pod (DaemonSet agent excluded from the analysis)',
      // a template of the wrong type is a type error already
      'm.yaml:19:39 [doc 4] error NPC010 spec.jobTemplate.spec.template: Invalid input: expected object, received array (CronJob cj excluded from the analysis)',
    ]);
  });
});
