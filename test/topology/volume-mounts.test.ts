import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { peerKey } from '../../src/model/peer.js';
import type { Topology } from '../../src/topology/links.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * A ConfigMap volume's files are read by the containers that mount them: a mount with `subPath`
 * shows one file (or one folder of item paths), so a ConfigMap that several components share,
 * each mounting its own file, gives each component its own file's destinations only
 * (Kubernetes: "volumeMounts[].subPath: path within the volume from which the container's volume
 * should be mounted").
 */
function scan(files: Record<string, string>): Topology {
  const load = loadManifests(Object.entries(files).map(([path, text]) => ({ path, text })));
  expect(load.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return scanTopology(load.cluster).value;
}
const linkLines = (t: Topology) => t.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`).sort();

const shared = `apiVersion: v1
kind: ConfigMap
metadata: {name: shared}
data:
  api.conf: "upstream = http://10.0.0.1:8080"
  worker.conf: "queue = amqp://10.0.0.2:5672"
`;
const deployment = (name: string, mounts: string, more = '') => `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
${more}      containers:
        - name: main
          image: x
          volumeMounts: ${mounts}
      volumes:
        - name: conf
          configMap: {name: shared}
`;

describe('ConfigMap volumes mounted with subPath', () => {
  it('two components sharing a ConfigMap, each mounting its own file, reach their own destination only', () => {
    const t = scan({
      'app.yaml':
        shared +
        deployment('api', '[{name: conf, mountPath: /etc/api.conf, subPath: api.conf}]') +
        deployment('worker', '[{name: conf, mountPath: /etc/worker.conf, subPath: worker.conf}]'),
    });
    expect(linkLines(t)).toEqual(['default/api[Deployment] => 10.0.0.1-10.0.0.1[External] : TCP 8080', 'default/worker[Deployment] => 10.0.0.2-10.0.0.2[External] : TCP 5672']);
  });

  it('a whole-volume mount beside a subPath one shows every file', () => {
    const t = scan({ 'app.yaml': shared + deployment('api', '[{name: conf, mountPath: /etc/api.conf, subPath: api.conf}, {name: conf, mountPath: /etc/all}]') });
    expect(linkLines(t)).toEqual(['default/api[Deployment] => 10.0.0.1-10.0.0.1[External] : TCP 8080', 'default/api[Deployment] => 10.0.0.2-10.0.0.2[External] : TCP 5672']);
  });

  it('unknown stays open: a subPathExpr (expanded at run time), or a volume no container mounts, shows every file', () => {
    for (const mounts of ['[{name: conf, mountPath: /etc/x, subPathExpr: $(FILE)}]', '[]']) {
      const t = scan({ 'app.yaml': shared + deployment('api', mounts) });
      expect(linkLines(t), mounts).toEqual(['default/api[Deployment] => 10.0.0.1-10.0.0.1[External] : TCP 8080', 'default/api[Deployment] => 10.0.0.2-10.0.0.2[External] : TCP 5672']);
    }
  });

  it('a mount of an init container counts, and a subPath naming a folder of item paths shows the files under it', () => {
    const init = `      initContainers:
        - name: init
          image: x
          volumeMounts: [{name: conf, mountPath: /etc/worker.conf, subPath: ./worker.conf}]
`;
    const t = scan({ 'app.yaml': shared + deployment('api', '[]', init) });
    expect(linkLines(t)).toEqual(['default/api[Deployment] => 10.0.0.2-10.0.0.2[External] : TCP 5672']);

    const items = shared + deployment('api', '[{name: conf, mountPath: /etc/app, subPath: conf.d/}]').replace('configMap: {name: shared}', 'configMap: {name: shared, items: [{key: api.conf, path: conf.d/api.conf}, {key: worker.conf, path: other/worker.conf}]}');
    expect(linkLines(scan({ 'app.yaml': items }))).toEqual(['default/api[Deployment] => 10.0.0.1-10.0.0.1[External] : TCP 8080']);
  });

  it('a subPath is cleaned as the kubelet joins it: "." is the whole volume, "..data" (the kubelet\'s folder of every key) stays open, "./a//b" is a/b', () => {
    const both = ['default/api[Deployment] => 10.0.0.1-10.0.0.1[External] : TCP 8080', 'default/api[Deployment] => 10.0.0.2-10.0.0.2[External] : TCP 5672'];
    for (const sub of ['.', '"./"', '..data', '..data/']) {
      expect(linkLines(scan({ 'app.yaml': shared + deployment('api', `[{name: conf, mountPath: /etc/x, subPath: ${sub}}]`) })), sub).toEqual(both);
    }
    const doubled = scan({ 'app.yaml': shared + deployment('api', '[{name: conf, mountPath: /etc/x, subPath: "./worker.conf//"}]') });
    expect(linkLines(doubled)).toEqual(['default/api[Deployment] => 10.0.0.2-10.0.0.2[External] : TCP 5672']);
  });
});
