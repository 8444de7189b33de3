import { describe, expect, it } from 'vitest';
import { analyzeConnectivity } from '../../src/connectivity/engine.js';
import { loadManifests } from '../../src/manifests/load.js';
import { renderConnectivityTxt } from '../../src/report/connectivity.js';
import { buildNcaBatch } from '../../src/baseline/nca-query.js';
import { UNKNOWN_VALUE } from '../../src/manifests/job-labels.js';

/**
 * A Job's pods carry labels the manifests do not write: when the selector is generated
 * (`spec.manualSelector` unset or false), the API server adds `job-name: <job name>` and
 * `batch.kubernetes.io/job-name: <job name>` to the pod template, keeping a value the template
 * already sets (kubernetes pkg/registry/batch/job/strategy.go generateSelector; validation then
 * requires the value to be the Job's name, ValidateGeneratedSelector). So a NetworkPolicy that
 * selects `job-name: migrate` selects the Job `migrate`'s pods. With `manualSelector: true` the
 * user picks the labels and none are added. A CronJob's Jobs are named `<cronjob>-<scheduled
 * time>` (pkg/controller/cronjob/utils.go getJobName): their job-name value is not the CronJob's name.
 */
const workloads = (job: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: client, namespace: n}
spec:
  selector: {matchLabels: {app: client}}
  template:
    metadata: {labels: {app: client}}
    spec: {containers: [{name: c, image: x}]}
---
${job}`;
const JOB = `apiVersion: batch/v1
kind: Job
metadata: {name: migrate, namespace: n}
spec:
  template:
    metadata: {labels: {app: tool}}
    spec: {restartPolicy: Never, containers: [{name: c, image: x, ports: [{containerPort: 8080}]}]}
`;
const MANUAL = `apiVersion: batch/v1
kind: Job
metadata: {name: migrate, namespace: n}
spec:
  manualSelector: true
  selector: {matchLabels: {app: tool}}
  template:
    metadata: {labels: {app: tool}}
    spec: {restartPolicy: Never, containers: [{name: c, image: x, ports: [{containerPort: 8080}]}]}
`;
const CRONJOB = `apiVersion: batch/v1
kind: CronJob
metadata: {name: migrate, namespace: n}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        metadata: {labels: {app: tool}}
        spec: {restartPolicy: Never, containers: [{name: c, image: x, ports: [{containerPort: 8080}]}]}
`;
/** Denies all ingress to the pods it selects. */
const deny = (selector: string) => `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: n}
spec:
  podSelector: ${selector}
  ingress: []
`;

function reachesJob(yaml: string): boolean {
  const { cluster } = loadManifests([{ path: 'm.yaml', text: yaml }]);
  const lines = renderConnectivityTxt(analyzeConnectivity(cluster).value).split('\n');
  return lines.some((l) => /^n\/client\[Deployment\] => n\/migrate\[(Job|CronJob)\]/.test(l));
}

describe('the labels the API server adds to a Job\'s pods', () => {
  it('a policy selecting job-name or batch.kubernetes.io/job-name: <job> selects the Job\'s pods', () => {
    expect(reachesJob(workloads(JOB))).toBe(true);
    expect(reachesJob(workloads(JOB) + deny('{matchLabels: {job-name: migrate}}'))).toBe(false);
    expect(reachesJob(workloads(JOB) + deny('{matchLabels: {batch.kubernetes.io/job-name: migrate}}'))).toBe(false);
    expect(reachesJob(workloads(JOB) + deny('{matchExpressions: [{key: job-name, operator: In, values: [migrate]}]}'))).toBe(false);
    expect(reachesJob(workloads(JOB) + deny('{matchExpressions: [{key: batch.kubernetes.io/job-name, operator: Exists}]}'))).toBe(false);
  });

  it('another job name, NotIn its name, DoesNotExist: not selected', () => {
    expect(reachesJob(workloads(JOB) + deny('{matchLabels: {job-name: other}}'))).toBe(true);
    expect(reachesJob(workloads(JOB) + deny('{matchExpressions: [{key: job-name, operator: NotIn, values: [migrate]}]}'))).toBe(true);
    expect(reachesJob(workloads(JOB) + deny('{matchExpressions: [{key: job-name, operator: DoesNotExist}]}'))).toBe(true);
  });

  it('manualSelector: true adds nothing; a CronJob\'s pods are not named for the CronJob', () => {
    expect(reachesJob(workloads(MANUAL) + deny('{matchLabels: {job-name: migrate}}'))).toBe(true);
    expect(reachesJob(workloads(MANUAL) + deny('{matchExpressions: [{key: controller-uid, operator: Exists}]}'))).toBe(true);
    expect(reachesJob(workloads(CRONJOB) + deny('{matchLabels: {job-name: migrate}}'))).toBe(true);
  });

  it('labels present with a value no manifest knows (the Job\'s UID; a CronJob\'s Jobs\' names): Exists and NotIn select them, In, matchLabels and DoesNotExist do not', () => {
    for (const key of ['controller-uid', 'batch.kubernetes.io/controller-uid']) {
      expect(reachesJob(workloads(JOB) + deny(`{matchExpressions: [{key: ${key}, operator: Exists}]}`))).toBe(false);
      expect(reachesJob(workloads(JOB) + deny(`{matchExpressions: [{key: ${key}, operator: NotIn, values: [a1b2]}]}`))).toBe(false);
      expect(reachesJob(workloads(JOB) + deny(`{matchExpressions: [{key: ${key}, operator: In, values: [a1b2]}]}`))).toBe(true);
      expect(reachesJob(workloads(JOB) + deny(`{matchExpressions: [{key: ${key}, operator: DoesNotExist}]}`))).toBe(true);
      expect(reachesJob(workloads(JOB) + deny(`{matchLabels: {${key}: a1b2}}`))).toBe(true);
    }
    for (const key of ['job-name', 'controller-uid']) {
      expect(reachesJob(workloads(CRONJOB) + deny(`{matchExpressions: [{key: ${key}, operator: Exists}]}`))).toBe(false);
      expect(reachesJob(workloads(CRONJOB) + deny(`{matchExpressions: [{key: ${key}, operator: NotIn, values: [migrate]}]}`))).toBe(false);
      expect(reachesJob(workloads(CRONJOB) + deny(`{matchExpressions: [{key: ${key}, operator: DoesNotExist}]}`))).toBe(true);
    }
  });
});

describe('a value no manifest knows, outside the engine', () => {
  it('nca is given it as a valid label value that no selector names, never the marker itself', () => {
    const { cluster } = loadManifests([{ path: 'm.yaml', text: workloads(JOB) }]);
    const text = buildNcaBatch(cluster, [], '', { connectivity: true }).files.map((f) => f.text).join('\n');
    expect(text).toContain('controller-uid: netpol-ci.unknown-value');
    expect(text).toContain('job-name: migrate');
    expect(text).not.toContain(UNKNOWN_VALUE);
  });
});
