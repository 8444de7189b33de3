import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { chooseSelector } from '../../src/synthesis/selectors.js';

/**
 * The selector of a Job's policy, now that its pods carry the `job-name` labels the API server adds
 * (test/manifests/job-pod-labels.test.ts). For a Job the value is its own name, fixed: a selector
 * as good as any written label. For every other workload those keys stay out of a selector, and so
 * does every key whose value a controller sets per pod or per run (a CronJob's Jobs' job-name,
 * `<cronjob>-<scheduled time>`, a Deployment's pod-template-hash): an unlabelled workload's
 * `DoesNotExist` selector on such a key would miss its own pods, which carry it.
 */
const NS = `apiVersion: batch/v1
kind: Job
metadata: {name: migrate, namespace: n}
spec:
  template:
    spec: {restartPolicy: Never, containers: [{name: c, image: x}]}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: cleanup, namespace: n}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec: {restartPolicy: Never, containers: [{name: c, image: x}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: n}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: x}]}
`;

function selectorOf(name: string) {
  const { cluster } = loadManifests([{ path: 'm.yaml', text: NS }]);
  const w = cluster.workloads.find((x) => x.ref.name === name);
  if (!w) throw new Error(name);
  return chooseSelector(w, cluster.workloads);
}

describe('selectors of Jobs and of the workloads beside them', () => {
  it('a Job without labels is selected by its job-name label, which picks it alone (it had an empty selector)', () => {
    // the legacy `job-name`, which every Kubernetes version sets; `batch.kubernetes.io/job-name` only from 1.27
    // (OpenShift 4.12/4.13 are older): a policy on it would select nothing there
    expect(selectorOf('migrate')).toEqual({ selector: { matchLabels: { 'job-name': 'migrate' } }, unique: true, alsoMatches: [], source: 'labels' });
  });

  it('an unlabelled CronJob\'s DoesNotExist selector never names a key its own pods carry with a value set per run', () => {
    const s = selectorOf('cleanup');
    const keys = (s.selector.matchExpressions ?? []).map((e) => e.key);
    expect(keys).toEqual(['app']);
  });
});
