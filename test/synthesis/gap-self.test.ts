import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

/**
 * A gap's closure admits the workload's own pods too. Kubernetes has no same-workload allowance: a
 * NetworkPolicy isolates the replicas of one workload from each other like any other pods, and a
 * connection needs the source's egress and the destination's ingress
 * (https://kubernetes.io/docs/concepts/services-networking/network-policies/#the-two-sorts-of-pod-isolation).
 * So when `--gaps=namespace|open` opens a workload to its namespace (or everyone), its own peers
 * (a Valkey cluster bus, etcd's peer port) must be let through at both ends, as the other
 * workloads of the namespace are. `--gaps=deny` keeps the gap closed: that is its meaning.
 * The pair is read with `connectivity --explain W W`, the engine's own verdict on the policies.
 */
afterAll(cleanupTempDirs);

// the review's repro: the cluster bus 16379 is an unreached Service port (an ingress gap)
const VALKEY = `apiVersion: v1
kind: Service
metadata: {name: valkey-headless, namespace: git}
spec:
  clusterIP: None
  selector: {app: valkey}
  ports: [{name: tcp-redis, port: 6379}, {name: tcp-redis-bus, port: 16379}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: valkey, namespace: git}
spec:
  serviceName: valkey-headless
  replicas: 3
  selector: {matchLabels: {app: valkey}}
  template:
    metadata: {labels: {app: valkey}}
    spec:
      containers: [{name: valkey, image: valkey, ports: [{containerPort: 6379}, {containerPort: 16379}]}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: gitea, namespace: git}
spec:
  selector: {matchLabels: {app: gitea}}
  template:
    metadata: {labels: {app: gitea}}
    spec:
      containers:
      - name: gitea
        image: gitea
        env: [{name: REDIS, value: "valkey-headless.git.svc.cluster.local:6379"}]
`;

// an egress gap alone: an in-cluster address that resolves to nothing, from a workload that listens on nothing
const WORKER = `apiVersion: apps/v1
kind: Deployment
metadata: {name: worker, namespace: jobs}
spec:
  replicas: 2
  selector: {matchLabels: {app: worker}}
  template:
    metadata: {labels: {app: worker}}
    spec:
      containers: [{name: w, image: w, env: [{name: PEER, value: "http://peer-missing:7000"}]}]
`;

function synthesized(manifests: string, mode: string): { dir: string; policies: string } {
  const dir = tempDir('npc-gapself-');
  writeFileSync(path.join(dir, 'app.yaml'), manifests);
  const policies = path.join(tempDir('npc-gapself-pol-'), 'out');
  const s = runCli(['synthesize', dir, '--gaps', mode, '--output', `${policies}/`]);
  expect(s.code, s.stderr).toBe(0);
  return { dir, policies };
}

const selfPair = (manifests: string, mode: string, w: string): string => {
  const { dir, policies } = synthesized(manifests, mode);
  const r = runCli(['connectivity', dir, policies, '--explain', w, w]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.split('\n')[0] as string;
};

describe('an ingress gap closure admits the workload to itself', () => {
  it('--gaps=namespace: valkey replicas reach each other on the cluster bus', () => {
    expect(selfPair(VALKEY, 'namespace', 'git/valkey[StatefulSet]')).toBe('git/valkey[StatefulSet] => git/valkey[StatefulSet] : TCP 16379');
  });

  it('--gaps=open: valkey replicas reach each other on everything', () => {
    expect(selfPair(VALKEY, 'open', 'git/valkey[StatefulSet]')).toBe('git/valkey[StatefulSet] => git/valkey[StatefulSet] : All Connections');
  });

  it('--gaps=deny: the gap stays closed', () => {
    expect(selfPair(VALKEY, 'deny', 'git/valkey[StatefulSet]')).toBe('git/valkey[StatefulSet] => git/valkey[StatefulSet] : No Connections');
  });

  it('the self rule says what it opens, and the workload now with egress gets DNS', () => {
    const { policies } = synthesized(VALKEY, 'namespace');
    const yaml = readFileSync(path.join(policies, 'git.yaml'), 'utf8');
    const valkey = yaml.slice(yaml.indexOf('name: valkey-netpol'));
    expect(valkey).toMatch(/egress\[0\] gap \(--gaps=namespace\) -> git\/valkey\[StatefulSet\] \(its own pods\):/);
    expect(valkey).toMatch(/egress\[1\] -> DNS \(kube-system, k8s-app=kube-dns\)/);
  });
});

describe('an in-cluster egress gap closure admits the workload to itself', () => {
  it('--gaps=namespace: worker replicas reach each other on the address port', () => {
    expect(selfPair(WORKER, 'namespace', 'jobs/worker[Deployment]')).toBe('jobs/worker[Deployment] => jobs/worker[Deployment] : TCP 7000');
  });

  it('--gaps=open: worker replicas reach each other on everything', () => {
    expect(selfPair(WORKER, 'open', 'jobs/worker[Deployment]')).toBe('jobs/worker[Deployment] => jobs/worker[Deployment] : All Connections');
  });

  it('--gaps=deny: the gap stays closed', () => {
    expect(selfPair(WORKER, 'deny', 'jobs/worker[Deployment]')).toBe('jobs/worker[Deployment] => jobs/worker[Deployment] : No Connections');
  });
});

describe('a closure cut by a baseline deny rule keeps the workload to itself', () => {
  // worker has no known caller; the organisation forbids web -> worker, so the closure is written as the links it opens
  const deploy = (name: string, port: number, env = '') =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: shop}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec: {containers: [{name: c, image: x, ports: [{containerPort: ${port}}]${env}}]}\n`;
  const APP = [deploy('web', 80, ', env: [{name: API, value: "http://api:8080"}]'), deploy('api', 8080), deploy('worker', 7000), 'apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec: {selector: {app: api}, ports: [{port: 8080}]}\n'].join('---\n');

  it('--gaps=namespace --baseline: worker replicas reach each other on 7000, web does not; verify agrees', () => {
    const dir = tempDir('npc-gapself-cut-');
    writeFileSync(path.join(dir, 'app.yaml'), APP);
    writeFileSync(path.join(dir, 'rules.yaml'), '- {name: web-not-worker, from: app=web, to: app=worker, action: deny}\n');
    const s = runCli(['synthesize', 'app.yaml', '--gaps=namespace', '--baseline', 'rules.yaml', '-o', 'policies/'], { cwd: dir });
    expect(s.code, s.stderr).toBe(0);
    expect(s.stderr).toContain('NPC103');
    const self = runCli(['connectivity', 'app.yaml', 'policies', '--explain', 'shop/worker[Deployment]', 'shop/worker[Deployment]'], { cwd: dir });
    expect(self.stdout.split('\n')[0]).toBe('shop/worker[Deployment] => shop/worker[Deployment] : TCP 7000');
    const web = runCli(['connectivity', 'app.yaml', 'policies', '--explain', 'shop/web[Deployment]', 'shop/worker[Deployment]'], { cwd: dir });
    expect(web.stdout.split('\n')[0]).toBe('shop/web[Deployment] => shop/worker[Deployment] : No Connections');
    const v = runCli(['verify', 'app.yaml', '--policies', 'policies', '--gaps', 'namespace', '--baseline', 'rules.yaml'], { cwd: dir });
    expect(v.code, v.stdout + v.stderr).toBe(0);
    expect(v.stdout).toMatch(/^No drift/);
  });
});
