import { describe, expect, it } from 'vitest';
import { Codes } from '../../src/diagnostics/diagnostic.js';
import { loadManifests } from '../../src/manifests/load.js';

/**
 * A workload manifest held in a ConfigMap or Secret value is a template something creates pods
 * from at run time: Airflow's KubernetesExecutor starts each task as a pod from the chart's
 * `pod_template_file.yaml` (labels `component: worker`), which no manifest lists. Those pods'
 * connections are not in the report, and a default-deny written for the namespace isolates them:
 * never silently, a warning at the key that holds the template.
 */
const AIRFLOW = `apiVersion: v1
kind: ConfigMap
metadata: {name: airflow-config, namespace: default}
data:
  airflow.cfg: |
    [core]
    executor = KubernetesExecutor
  pod_template_file.yaml: |-

    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: placeholder-name
      labels: {tier: airflow, component: worker}
    spec:
      containers:
        - name: base
          image: apache/airflow:3.2.2
---
apiVersion: v1
kind: Secret
metadata: {name: runner, namespace: ci}
stringData:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {generateName: build-}
    spec:
      template:
        spec:
          containers: [{name: build, image: builder}]
          restartPolicy: Never
  notes.md: |
    Each build runs in a pod (kind: Pod) the runner creates; see the docs.
---
apiVersion: v1
kind: ConfigMap
metadata: {name: docs, namespace: default}
data:
  example.yaml: |
    kind: Pod
    # an example without containers is no template
`;

describe('workload manifests held in ConfigMaps and Secrets', () => {
  it('one warning per key holding a Pod or another workload, at that key; prose and partial examples draw none', () => {
    const warnings = loadManifests([{ path: 'cm.yaml', text: AIRFLOW }]).diagnostics.filter((d) => d.code === Codes.podTemplateInConfig);
    expect(warnings.map((d) => [d.severity, d.at?.line, d.at?.path?.join('.'), /^(\S+ \S+) key (\S+) holds a (\w+)/.exec(d.message)?.slice(1)])).toEqual([
      ['warning', 8, 'data.pod_template_file.yaml', ['ConfigMap default/airflow-config', 'pod_template_file.yaml', 'Pod']],
      ['warning', 25, 'stringData.job.yaml', ['Secret ci/runner', 'job.yaml', 'Job']],
    ]);
  });

  it('a value that expands past the alias limit (a billion laughs under kind: Pod) is no template and no crash', () => {
    const bomb = `apiVersion: v1
kind: ConfigMap
metadata: {name: t, namespace: app}
data:
  pod.yaml: |
    kind: Pod
    apiVersion: v1
    a: &a [x,x,x,x,x,x,x,x,x,x]
    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
    spec:
      containers: *e
`;
    const r = loadManifests([{ path: 'bomb.yaml', text: bomb }]);
    expect(r.cluster.objects.map((o) => o.kind)).toEqual(['ConfigMap']);
    expect(r.diagnostics.filter((d) => d.code === Codes.podTemplateInConfig)).toEqual([]);
  });
});
