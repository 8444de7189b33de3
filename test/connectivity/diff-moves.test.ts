import { describe, expect, it } from 'vitest';
import { diffConnectivity } from '../../src/connectivity/diff.js';
import { pairMovedWorkloads } from '../../src/connectivity/diff-moves.js';
import { PolicyEngine } from '../../src/connectivity/engine.js';
import { loadManifests } from '../../src/manifests/load.js';
import { peerKey, workloadKey, type Peer } from '../../src/model/peer.js';
import { renderDiffJson, renderDiffMd } from '../../src/report/diff.js';

/**
 * Moved and renamed workloads: which removed/added pairs are read as one move, and what the move
 * changed. Expectations are written from the pairing rules (src/connectivity/diff-moves.ts) and
 * from Kubernetes semantics of each configuration.
 */
const deployment = (ns: string, name: string, app: string, port = 8080, kind = 'Deployment') => `apiVersion: apps/v1
kind: ${kind}
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: ${app}}}
  template:
    metadata: {labels: {app: ${app}}}
    spec:
      containers: [{name: c, image: example/${name}:1, ports: [{containerPort: ${port}}]}]
---
`;
const allowFrom = (ns: string, to: string, from: string, port: number) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-${to}, namespace: ${ns}}
spec:
  podSelector: {matchLabels: {app: ${to}}}
  ingress: [{from: [{podSelector: {matchLabels: {app: ${from}}}}], ports: [{port: ${port}}]}]
---
`;

function engine(yaml: string): PolicyEngine {
  return new PolicyEngine(loadManifests([{ path: 'm.yaml', text: yaml }]).cluster);
}
function moves(before: string, after: string): string[] {
  return pairMovedWorkloads(engine(before).cluster.workloads, engine(after).cluster.workloads).map((m) => `${workloadKey(m.from)} -> ${workloadKey(m.to)} (${m.how})`);
}
function diff(before: string, after: string) {
  const [a, b] = [engine(before), engine(after)];
  return diffConnectivity(a.connectivity(), b.connectivity(), pairMovedWorkloads(a.cluster.workloads, b.cluster.workloads));
}

describe('pairing removed and added workloads', () => {
  it('the same kind and name in another namespace is a move; the same pods under another name in the namespace a rename', () => {
    expect(moves(deployment('a', 'pay', 'pay') + deployment('a', 'web', 'web'), deployment('b', 'pay', 'pay') + deployment('a', 'frontend', 'web'))).toEqual([
      'a/pay[Deployment] -> b/pay[Deployment] (namespace)',
      'a/web[Deployment] -> a/frontend[Deployment] (name)',
    ]);
  });

  it('no pairing when it is not the only one possible: two candidates, another kind, other pods, or a new name in another namespace', () => {
    // two removed with the same name, one added: which moved is not known
    expect(moves(deployment('a', 'pay', 'pay') + deployment('b', 'pay', 'pay'), deployment('c', 'pay', 'pay'))).toEqual([]);
    // a Deployment replaced by a StatefulSet of the same name is a new workload
    expect(moves(deployment('a', 'db', 'db'), deployment('a', 'db', 'db', 8080, 'StatefulSet'))).toEqual([]);
    // renamed and relabelled, or renamed with another port: not the same pods
    expect(moves(deployment('a', 'web', 'web'), deployment('a', 'frontend', 'frontend'))).toEqual([]);
    expect(moves(deployment('a', 'web', 'web', 8080), deployment('a', 'frontend', 'web', 9090))).toEqual([]);
    // renamed and moved at once: nothing ties them
    expect(moves(deployment('a', 'web', 'web'), deployment('b', 'frontend', 'web'))).toEqual([]);
    // two renames with the same pods: ambiguous
    expect(moves(deployment('a', 'w1', 'web') + deployment('a', 'w2', 'web'), deployment('a', 'x1', 'web') + deployment('a', 'x2', 'web'))).toEqual([]);
  });
});

describe('what a move changed', () => {
  it('a rename under the same policies keeps every connection; the entries stay removed and added', () => {
    const before = deployment('a', 'web', 'web') + deployment('a', 'api', 'api', 9090) + allowFrom('a', 'api', 'web', 9090);
    const after = deployment('a', 'frontend', 'web') + deployment('a', 'api', 'api', 9090) + allowFrom('a', 'api', 'web', 9090);
    const d = diff(before, after);
    expect(d.moved.map((m) => [workloadKey(m.from), workloadKey(m.to), m.how, m.changes.length])).toEqual([['a/web[Deployment]', 'a/frontend[Deployment]', 'name', 0]]);
    expect(d.entries.map((e) => e.kind).sort()).toEqual(['added', 'added', 'added', 'added', 'removed', 'removed', 'removed', 'removed']);
  });

  it('two workloads moved together keep their connection with each other (compared under the new names); what the old namespace allowed is lost', () => {
    // in a: api admits web on 9090 and nothing else; in b: no policies
    const before = deployment('a', 'web', 'web') + deployment('a', 'api', 'api', 9090) + deployment('a', 'other', 'other') + allowFrom('a', 'api', 'web', 9090);
    const after = deployment('b', 'web', 'web') + deployment('b', 'api', 'api', 9090) + deployment('a', 'other', 'other') + allowFrom('a', 'api', 'web', 9090);
    const d = diff(before, after);
    const name = (p: Peer) => (p.kind === 'external' ? 'outside' : peerKey(p));
    const changes = Object.fromEntries(d.moved.map((m) => [workloadKey(m.to), m.changes.map((c) => `${name(c.src)} => ${name(c.dst)}: ${c.before.toString()} | ${c.after.toString()}`)]));
    expect(changes).toEqual({
      // api is no longer selected by allow-api: everything in, web gains the other ports
      'b/api[Deployment]': ['outside => b/api[Deployment]: No Connections | All Connections', 'a/other[Deployment] => b/api[Deployment]: No Connections | All Connections', 'b/web[Deployment] => b/api[Deployment]: TCP 9090 | All Connections'],
      'b/web[Deployment]': ['b/web[Deployment] => b/api[Deployment]: TCP 9090 | All Connections'],
    });
  });

  it('json lists the moves, md reads each as one line with its changes under it and folds its entries', () => {
    const before = deployment('a', 'pay', 'pay') + deployment('a', 'web', 'web') + allowFrom('a', 'pay', 'web', 8080);
    const after = deployment('b', 'pay', 'pay') + deployment('a', 'web', 'web') + allowFrom('a', 'pay', 'web', 8080);
    const report = { diff: diff(before, after), refs: { before: 'base', after: 'head' } };
    const json = JSON.parse(renderDiffJson(report)) as { moved_workloads: unknown[] };
    expect(json.moved_workloads).toEqual([
      {
        from: 'a/pay[Deployment]',
        to: 'b/pay[Deployment]',
        how: 'namespace',
        changes: [
          { src: '0.0.0.0-255.255.255.255[External]', dst: 'b/pay[Deployment]', ref1: 'No Connections', ref2: 'All Connections' },
          { src: 'a/web[Deployment]', dst: 'b/pay[Deployment]', ref1: 'TCP 8080', ref2: 'All Connections' },
        ],
      },
    ]);
    const md = renderDiffMd(report);
    expect(md).toContain('#### Moved or renamed (1)');
    expect(md).toContain('- `a/pay[Deployment]` → `b/pay[Deployment]` (moved to another namespace): 2 of its connections change');
    expect(md).toContain('  - `a/web[Deployment]` → `b/pay[Deployment]`: now also `SCTP 1-65535,TCP 1-8079,8081-65535,UDP 1-65535` (was `TCP 8080`, now `All Connections`)');
    // every entry of the move is folded: no per-pair sections
    expect(md).not.toMatch(/^#### (Newly allowed|No longer allowed)/m);
  });

  it('hostile names in a move stay inside code spans: every line of the section has a known shape', () => {
    const hostile = (ns: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: "x*y_[z](http://e.example)@octocat|<b>\`", namespace: ${ns}}
spec:
  selector: {matchLabels: {app: pay}}
  template:
    metadata: {labels: {app: pay}}
    spec: {containers: [{name: c, image: example/pay:1, ports: [{containerPort: 8080}]}]}
---
`;
    const before = hostile('a') + deployment('a', 'web', 'web') + allowFrom('a', 'pay', 'web', 8080);
    const after = hostile('b') + deployment('a', 'web', 'web') + allowFrom('a', 'pay', 'web', 8080);
    const md = renderDiffMd({ diff: diff(before, after), refs: { before: 'base', after: 'head' } });
    const section = md.slice(md.indexOf('#### Moved or renamed')).split('\n').slice(4).filter((l) => l !== '');
    expect(section.length).toBeGreaterThan(1);
    for (const line of section) {
      const shape = line.replace(/`[^`]*`/g, 'C');
      expect(shape, line).toMatch(/^(- C → C \((renamed|moved to another namespace)\): (every connection kept|\d+ of its connections change)| {2}- C → C: (now allowed C|no longer allowed \(was C\)|(now also C; no longer C|now also C|no longer C) \(was C, now C\)))$/);
    }
  });
});
