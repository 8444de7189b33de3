import { describe, expect, it } from 'vitest';
import { workloadKey } from '../../src/manifests/cluster.js';
import { loadManifests } from '../../src/manifests/load.js';

// `kubectl create` of an object with metadata.generateName: the API server completes the name,
// so the object exists; until then it is known by its generateName, as a bare Pod already was.
describe('workloads named by generateName', () => {
  it('every workload kind is known by its generateName, each its own workload (never one nameless ns/[Kind])', () => {
    const tpl = (app: string) => `  template:\n    metadata: {labels: {app: ${app}}}\n    spec: {containers: [{name: c, image: x}]}\n`;
    const text = [
      `apiVersion: batch/v1\nkind: Job\nmetadata: {generateName: migrate-, namespace: shop}\nspec:\n${tpl('migrate')}`,
      `apiVersion: batch/v1\nkind: Job\nmetadata: {generateName: report-, namespace: shop}\nspec:\n${tpl('report')}`,
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {generateName: web-, namespace: shop}\nspec:\n${tpl('web')}`,
      `apiVersion: batch/v1\nkind: CronJob\nmetadata: {generateName: nightly-, namespace: shop}\nspec:\n  jobTemplate:\n    spec:\n${tpl('nightly').replace(/^/gm, '    ')}`,
    ].join('---\n');
    const { cluster, diagnostics } = loadManifests([{ path: 'm.yaml', text }]);
    expect(cluster.workloads.map((w) => workloadKey(w.ref))).toEqual(['shop/migrate-[Job]', 'shop/nightly-[CronJob]', 'shop/report-[Job]', 'shop/web-[Deployment]']);
    expect(cluster.workloads.map((w) => w.pods[0]?.labels.app)).toEqual(['migrate', 'nightly', 'report', 'web']);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('two objects of one kind, namespace and generateName are two workloads, told apart by a number, never merged', () => {
    const job = (app: string) => `apiVersion: batch/v1\nkind: Job\nmetadata: {generateName: migrate-, namespace: shop}\nspec:\n  template:\n    metadata: {labels: {job: ${app}}}\n    spec: {containers: [{name: c, image: x}]}\n`;
    const { cluster, diagnostics } = loadManifests([{ path: 'm.yaml', text: [job('migrate'), job('seed')].join('---\n') }]);
    expect(cluster.workloads.map((w) => [workloadKey(w.ref), w.pods.map((p) => p.labels.job)])).toEqual([
      ['shop/migrate-2[Job]', ['seed']],
      ['shop/migrate-[Job]', ['migrate']],
    ]);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
