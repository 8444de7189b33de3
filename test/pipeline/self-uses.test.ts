import { describe, expect, it } from 'vitest';
import { DEFAULT_READ_SETTINGS } from '../../src/pipeline/settings.js';
import { runSynthesize } from '../../src/pipeline/synthesize.js';
import { runRepoDrift } from '../../src/pipeline/verify.js';
import { renderPoliciesYaml } from '../../src/report/policies.js';
import { peerKey } from '../../src/model/peer.js';
import { DEFAULT_SYNTHESIS_OPTIONS, type NetworkPolicyManifest } from '../../src/synthesis/synthesize.js';
import type { GapMode } from '../../src/synthesis/gap-rules.js';
import { workloadKey } from '../../src/model/peer.js';
import { MemoryIo } from '../helpers/memory-io.js';

/**
 * A workload whose pods call each other (test/topology/self-uses.test.ts). Kubernetes has no
 * same-workload allowance: under a default deny, Valkey's replicas reach `valkey-0.valkey-headless:6379`
 * only if its policy allows ingress from its own pods and egress to them. Synthesize wrote neither,
 * so replication was blocked without a word, in every --gaps mode (Gitea's postgresql-ha).
 */
const VALKEY = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: valkey, namespace: cache}
spec:
  serviceName: valkey-headless
  selector: {matchLabels: {app: valkey}}
  template:
    metadata: {labels: {app: valkey}}
    spec:
      containers:
        - name: valkey
          image: valkey
          ports: [{name: redis, containerPort: 6379}, {name: bus, containerPort: 16379}]
          env:
            - {name: PRIMARY, value: "valkey-0.valkey-headless:6379"}
---
apiVersion: v1
kind: Service
metadata: {name: valkey-headless, namespace: cache}
spec:
  clusterIP: None
  selector: {app: valkey}
  ports: [{name: redis, port: 6379, targetPort: redis}]
`;

type Rule = { from?: unknown[]; to?: unknown[]; ports?: { port?: number | string; protocol?: string }[] };

function synthesize(mode: GapMode, app = VALKEY) {
  const io = new MemoryIo({ 'app/all.yaml': app });
  const r = runSynthesize(io, { paths: ['app'], gapMode: mode, options: DEFAULT_SYNTHESIS_OPTIONS }, DEFAULT_READ_SETTINGS);
  const policy = r.policies.find((p) => p.metadata.name.includes('valkey')) as NetworkPolicyManifest;
  const spec = policy.spec as { ingress?: Rule[]; egress?: Rule[] };
  return { r, policy, ingress: spec.ingress ?? [], egress: spec.egress ?? [] };
}

const own = [{ podSelector: { matchLabels: { app: 'valkey' } } }];
const on6379 = (r: Rule) => (r.ports ?? []).some((p) => p.port === 6379 && (p.protocol ?? 'TCP') === 'TCP');

describe('synthesize: a self use is allowed both ways, from and to the workload\'s own pods', () => {
  for (const mode of ['deny', 'namespace', 'open'] as const) {
    it(`--gaps=${mode}: ingress from its own pods and egress to them on 6379, with DNS, and provenance`, () => {
      const { ingress, egress, policy } = synthesize(mode);
      expect(ingress.some((r) => JSON.stringify(r.from) === JSON.stringify(own) && on6379(r))).toBe(true);
      expect(egress.some((r) => JSON.stringify(r.to) === JSON.stringify(own) && on6379(r))).toBe(true);
      // the workload now has egress: it resolves valkey-0.valkey-headless through the cluster DNS
      expect(egress.some((r) => JSON.stringify(r.to).includes('kube-dns'))).toBe(true);
      const notes = Object.values(policy.metadata.annotations ?? {}).join('\n');
      expect(notes).toMatch(/ingress\[\d+\] <- cache\/valkey\[StatefulSet\] \(its own pods\) TCP 6379: .*valkey-0\.valkey-headless:6379/);
      expect(notes).toMatch(/egress\[\d+\] -> cache\/valkey\[StatefulSet\] \(its own pods\) TCP 6379: /);
    });
  }

  it('a self use is a caller: 6379 is no gap (it was: "no known ingress source")', () => {
    const { r } = synthesize('deny');
    expect(r.gaps.map((g) => `${workloadKey(g.workload)} ${g.direction} ${g.conns.toString()}`)).toEqual([]);
  });

  it('a Service port no one calls, not even the workload itself, stays a gap', () => {
    const app = VALKEY.replace('ports: [{name: redis, port: 6379, targetPort: redis}]', 'ports: [{name: redis, port: 6379, targetPort: redis}, {name: bus, port: 16379, targetPort: bus}]');
    const { r } = synthesize('deny', app);
    expect(r.gaps.map((g) => `${workloadKey(g.workload)} ${g.direction} ${g.conns.toString()}`)).toEqual(['cache/valkey[StatefulSet] ingress TCP 16379']);
  });
});

describe('verify: a self use is no pair to compare, but an egress need (DNS)', () => {
  for (const mode of ['deny', 'namespace', 'open'] as const) {
    it(`--gaps=${mode}: the policies synthesize writes for it verify clean (no excess DNS, no gap closure it does not write)`, () => {
      const { r } = synthesize(mode);
      const io = new MemoryIo({ 'app/all.yaml': VALKEY, 'policies/np.yaml': renderPoliciesYaml(r.policies) });
      io.isDirectory = (p: string) => p === 'policies' || p === 'app';
      const v = runRepoDrift(io, { paths: ['app'], policies: 'policies', gapMode: mode, synthesis: DEFAULT_SYNTHESIS_OPTIONS }, DEFAULT_READ_SETTINGS);
      const found = [...v.drift.missing, ...v.drift.excess].map((f) => `${f.kind} ${peerKey(f.src)} => ${peerKey(f.dst)} ${f.conns.toString()}`);
      expect(found).toEqual([]);
    });
  }

  it('its DNS is needed: policies that allow the self use but not DNS are missing it', () => {
    const { r } = synthesize('deny');
    const noDns = r.policies.map((p) => {
      const spec = p.spec as { egress?: Rule[] };
      return spec.egress ? { ...p, spec: { ...p.spec, egress: spec.egress.filter((e) => !JSON.stringify(e.to).includes('kube-dns')) } } : p;
    }) as NetworkPolicyManifest[];
    const io = new MemoryIo({ 'app/all.yaml': VALKEY, 'policies/np.yaml': renderPoliciesYaml(noDns) });
    io.isDirectory = (p: string) => p === 'policies' || p === 'app';
    const v = runRepoDrift(io, { paths: ['app'], policies: 'policies', gapMode: 'deny', synthesis: DEFAULT_SYNTHESIS_OPTIONS }, DEFAULT_READ_SETTINGS);
    expect(v.drift.missing.map((f) => `${peerKey(f.src)} => ${f.conns.toString()}`)).toEqual(['cache/valkey[StatefulSet] => TCP 53,UDP 53']);
  });
});

describe('verify: committed policies that block a self use are missing it', () => {
  it("a policy without the self rules (the replicas cannot reach each other's 6379) is missing cache/valkey => cache/valkey on TCP 6379, explained", () => {
    const { r } = synthesize('deny');
    // the committed policy as it was before self uses: no rule from or to the workload's own pods
    const withoutSelf = r.policies.map((p) => {
      const spec = p.spec as { ingress?: Rule[]; egress?: Rule[] };
      const keep = (rule: Rule) => JSON.stringify(rule.from ?? rule.to) !== JSON.stringify(own);
      return { ...p, spec: { ...p.spec, ...(spec.ingress ? { ingress: spec.ingress.filter(keep) } : {}), ...(spec.egress ? { egress: spec.egress.filter(keep) } : {}) } };
    }) as NetworkPolicyManifest[];
    const io = new MemoryIo({ 'app/all.yaml': VALKEY, 'policies/np.yaml': renderPoliciesYaml(withoutSelf) });
    io.isDirectory = (p: string) => p === 'policies' || p === 'app';
    const v = runRepoDrift(io, { paths: ['app'], policies: 'policies', gapMode: 'deny', synthesis: DEFAULT_SYNTHESIS_OPTIONS }, DEFAULT_READ_SETTINGS);
    const missing = v.drift.missing.filter((f) => peerKey(f.src) === peerKey(f.dst));
    expect(missing.map((f) => `${peerKey(f.src)} => ${peerKey(f.dst)} ${f.conns.toString()}`)).toEqual(['cache/valkey[StatefulSet] => cache/valkey[StatefulSet] TCP 6379']);
    expect(missing[0]?.explanation).toBeDefined();
    expect(missing[0]?.reasons.length).toBeGreaterThan(0);
  });
});

describe('synthesize --links: a reviewed self link is a self use', () => {
  it('a link from a workload to itself (the cluster bus, which no manifest states) gets its rules, merged with the scanned self use, no warning', () => {
    const io = new MemoryIo({ 'app/all.yaml': VALKEY, 'links.yaml': 'links:\n  - {src: "cache/valkey[StatefulSet]", dst: "cache/valkey[StatefulSet]", conns: "TCP 16379"}\n' });
    const r = runSynthesize(io, { paths: ['app'], linksFile: 'links.yaml', options: DEFAULT_SYNTHESIS_OPTIONS }, DEFAULT_READ_SETTINGS);
    expect(r.refused).toBe(false);
    expect(r.diagnostics.filter((d) => d.code === 'NPC232')).toEqual([]);
    const policy = r.policies.find((p) => p.metadata.name.includes('valkey')) as NetworkPolicyManifest;
    const spec = policy.spec as { ingress?: Rule[]; egress?: Rule[] };
    const ports = (rules: Rule[] | undefined, key: 'from' | 'to') => (rules ?? []).filter((x) => JSON.stringify(x[key]) === JSON.stringify(own)).flatMap((x) => (x.ports ?? []).map((p) => p.port));
    // one rule from and one to its own pods: the reviewed 16379 and the scanned 6379, merged
    expect(ports(spec.ingress, 'from')).toEqual([6379, 16379]);
    expect(ports(spec.egress, 'to')).toEqual([6379, 16379]);
  });
});

