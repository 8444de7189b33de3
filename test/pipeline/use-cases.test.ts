import { describe, expect, it } from 'vitest';
import { runConnectivity, runExplain } from '../../src/pipeline/connectivity.js';
import { runDiff } from '../../src/pipeline/diff.js';
import { runScan } from '../../src/pipeline/scan.js';
import { DEFAULT_READ_SETTINGS } from '../../src/pipeline/settings.js';
import { policyTarget, runSynthesize, writePolicies } from '../../src/pipeline/synthesize.js';
import { DEFAULT_SYNTHESIS_OPTIONS } from '../../src/synthesis/synthesize.js';
import { renderConnectivityTxt } from '../../src/report/connectivity.js';
import { renderDiffTxt } from '../../src/report/diff.js';
import { renderPoliciesYaml } from '../../src/report/policies.js';
import { peerKey } from '../../src/model/peer.js';
import { MemoryIo } from '../helpers/memory-io.js';

/**
 * The use-cases take their I/O as an injected object: here an in-memory one, so each test is plain
 * data in, typed outcome out, and the only things a use-case touched are the ones it asked the Io for.
 */
const deployment = (ns: string, name: string, port: number, env: Record<string, string> = {}) => `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
        - name: ${name}
          image: ${name}:1
          ports: [{containerPort: ${port}}]
          env: [${Object.entries(env).map(([k, v]) => `{name: ${k}, value: "${v}"}`).join(', ')}]
`;
const service = (ns: string, name: string, port: number) => `---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {app: ${name}}
  ports: [{port: ${port}, targetPort: ${port}}]
`;
const onlyFrom = (ns: string, dst: string, src: string, port: number) => `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${dst}-ingress, namespace: ${ns}}
spec:
  podSelector: {matchLabels: {app: ${dst}}}
  ingress: [{from: [{podSelector: {matchLabels: {app: ${src}}}}], ports: [{port: ${port}}]}]
`;

const APP = deployment('shop', 'web', 8080, { API: 'http://api:9090' }) + deployment('shop', 'api', 9090) + service('shop', 'api', 9090);

describe('use-cases over an injected Io', () => {
  it('runConnectivity reads only the paths it was given', () => {
    const io = new MemoryIo({ 'app/all.yaml': APP + onlyFrom('shop', 'api', 'web', 9090), 'other/x.yaml': deployment('x', 'x', 1) });
    const r = runConnectivity(io, ['app'], DEFAULT_READ_SETTINGS);
    expect(io.asked).toEqual(['read app']);
    expect(renderConnectivityTxt(r.connectivity)).toContain('shop/web[Deployment] => shop/api[Deployment] : TCP 9090\n');
    expect(renderConnectivityTxt(r.connectivity)).not.toContain('x/x');
    expect(r.diagnostics).toEqual([]);
  });

  it('runExplain names the rule that allows', () => {
    const io = new MemoryIo({ 'app/all.yaml': APP + onlyFrom('shop', 'api', 'web', 9090) });
    const r = runExplain(io, ['app'], DEFAULT_READ_SETTINGS, 'shop/web', 'shop/api');
    expect(r.explanations).toHaveLength(1);
    expect(r.explanations[0]?.conns.toString()).toBe('TCP 9090');
    expect(r.explanations[0]?.ingress?.map((s) => `${s.layer} ${s.verdict} ${s.policy ?? ''}`)).toEqual(['NP Allow NetworkPolicy shop/api-ingress', 'NP Isolated NetworkPolicy shop/api-ingress']);
  });

  it('runDiff over two git refs exports each ref once and disposes of it', () => {
    const io = new MemoryIo({}, { base: { 'k8s/app.yaml': APP }, head: { 'k8s/app.yaml': APP + onlyFrom('shop', 'api', 'web', 9090) } });
    const r = runDiff(io, { kind: 'repo', repo: '/repo', base: 'base', head: 'head', paths: ['k8s'] }, DEFAULT_READ_SETTINGS, { explain: true });
    // each ref's whole tree is exported (relative bases render), then the named paths inside it are read
    expect(io.asked).toEqual(['export base', 'read /memory/base/k8s', 'export head', 'read /memory/head/k8s']);
    expect(renderDiffTxt({ diff: r.diff, refs: r.refs })).toBe(
      [
        'Connectivity diff:',
        'diff-type: changed, source: shop/web[Deployment], destination: shop/api[Deployment], ref1: All Connections, ref2: TCP 9090',
        'diff-type: removed, source: 0.0.0.0-255.255.255.255[External], destination: shop/api[Deployment], ref1: All Connections, ref2: No Connections',
        '',
      ].join('\n'),
    );
    expect(r.explanations).toHaveLength(r.diff.entries.length);
  });

  it('runScan and runSynthesize: the env address becomes a link, then a policy written through the Io', () => {
    const io = new MemoryIo({ 'app/all.yaml': APP });
    const scan = runScan(io, ['app'], DEFAULT_READ_SETTINGS);
    expect(scan.topology.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`)).toEqual(['shop/web[Deployment] => shop/api[Deployment] : TCP 9090']);
    const synth = runSynthesize(io, { paths: ['app'], options: DEFAULT_SYNTHESIS_OPTIONS }, DEFAULT_READ_SETTINGS);
    expect(synth.refused).toBe(false);
    const files = writePolicies(io, synth.policies, policyTarget(io, 'out/'), renderPoliciesYaml);
    expect([...io.written.keys()]).toEqual(['out/shop.yaml']);
    expect(files.get('out/shop.yaml')).toContain('name: api-netpol');
  });

  it('a links file with errors is refused: nothing may be written from what was left of it', () => {
    const io = new MemoryIo({ 'app/all.yaml': APP, 'links.yaml': 'links:\n  - {src: "shop/web[Deployment]", dst: "not a peer", conns: "TCP 9090"}\n' });
    const synth = runSynthesize(io, { paths: ['app'], linksFile: 'links.yaml', options: DEFAULT_SYNTHESIS_OPTIONS }, DEFAULT_READ_SETTINGS);
    expect(synth.refused).toBe(true);
    expect(synth.diagnostics.map((d) => `${d.at?.file}:${d.at?.line} ${d.code}`)).toEqual(['links.yaml:2 NPC010']);
  });
});
