import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Codes, formatDiagnostic, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { loadManifests } from '../../src/manifests/load.js';
import { ParseCache } from '../../src/manifests/documents.js';
import { decodeParse, encodeParse } from '../../src/manifests/parsed-store.js';
import { parseManifestFile } from '../../src/manifests/documents.js';
import { runCli } from '../helpers/cli.js';
import { HELM, KUBECTL } from '../helpers/tools.js';

/**
 * Numbers as kubectl sends them. kubectl reads YAML through JSON (sigs.k8s.io/yaml): go-yaml reads
 * `80.0` as a float and encoding/json writes it `80`, so the API server stores the integer 80; `80.5`
 * stays `80.5` and the server refuses it in an integer field. The real kubectl is the oracle here:
 * `kubectl annotate --local -o json` prints, without a cluster, exactly the JSON kubectl would send.
 */
const LITERALS = ['80', '80.0', '8.08e3', '1e3', '80.', '+80.0', '.5e3', '0.8e2', '8080.0000000000001', '1E+1', '80.5', '1e21', '9007199254740993.0'];

const manifest = (n: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: np, namespace: shop}
spec:
  podSelector: {}
  ingress:
  - ports:
    - port: 1
      endPort: ${n}
    - port: ${n}
---
apiVersion: v1
kind: Service
metadata: {name: svc, namespace: shop}
spec:
  selector: {app: web}
  ports:
  - port: ${n}
    targetPort: ${n}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: ${n}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: c
        image: nginx
        ports:
        - containerPort: ${n}
`;

// the lines of the fields above, in the order checked below
const LINES = { endPort: 9, npPort: 10, svcPort: 18, targetPort: 19, replicas: 25, containerPort: 34 };

/** What kubectl sends for each document: its JSON, parsed with the integer/float distinction kept as text. */
function kubectlSends(text: string): { endPort: string; npPort: string; svcPort: string; targetPort: string; replicas: string; containerPort: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'npc-kubectl-numbers-'));
  const file = path.join(dir, 'm.yaml');
  writeFileSync(file, text);
  const r = spawnSync(KUBECTL, ['annotate', '--local', '-f', file, 'x=y', '-o', 'json'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const num = (key: string, nth = 0): string => {
    const all = [...r.stdout.matchAll(new RegExp(`"${key}": ([^,\\n]+)`, 'g'))].map((m) => m[1] as string);
    return all[nth] as string;
  };
  // kubectl prints keys sorted: endPort before port within the policy's first port entry
  return { endPort: num('endPort'), npPort: num('port', 1), svcPort: num('port', 2), targetPort: num('targetPort'), replicas: num('replicas'), containerPort: num('containerPort') };
}

const at = (ds: readonly Diagnostic[], code: string, line: number) => ds.filter((d) => d.code === code && d.at?.line === line);

describe('numbers kubectl accepts are read as the API server stores them', () => {
  it.each(LITERALS)('%s: the value kubectl sends, warned when written as a float; refused where the server refuses', (n) => {
    const text = manifest(n);
    const sent = kubectlSends(text);
    const { cluster, diagnostics } = loadManifests([{ path: 'm.yaml', text }]);
    const written = /[.eE]/.test(n);
    // an integer JSON number (no fraction, no exponent) is what an int32 field takes
    const integer = (s: string) => /^-?\d+$/.test(s) && Math.abs(Number(s)) < 2 ** 31;
    const np = cluster.objects.find((o) => o.kind === 'NetworkPolicy');
    const svc = cluster.objects.find((o) => o.kind === 'Service');
    const web = cluster.workloads.find((w) => w.ref.name === 'web');
    expect(web, 'the workload is always analysed').toBeDefined();

    // NetworkPolicy port and endPort, Service port: an integer field, else the object is excluded at the field's line
    if (integer(sent.npPort) && integer(sent.endPort)) {
      expect(np?.kind === 'NetworkPolicy' && np.object.spec?.ingress?.[0]?.ports?.map((p) => [p.port, p.endPort])).toEqual([
        [1, Number(sent.endPort)],
        [Number(sent.npPort), undefined],
      ]);
    } else {
      expect(np).toBeUndefined();
      expect(at(diagnostics, Codes.invalidField, LINES.npPort).map(formatDiagnostic)).toEqual([expect.stringContaining(`error NPC010 spec.ingress[0].ports[1].port: expected a number or a name, got ${n}`)]);
      expect(at(diagnostics, Codes.invalidField, LINES.endPort).map(formatDiagnostic)).toEqual([expect.stringContaining(`error NPC010 spec.ingress[0].ports[0].endPort: expected an integer, got ${n}`)]);
    }
    if (integer(sent.svcPort)) {
      expect(svc?.kind === 'Service' && svc.object.spec?.ports?.map((p) => [p.port, p.targetPort])).toEqual([[Number(sent.svcPort), Number(sent.targetPort)]]);
    } else {
      expect(svc).toBeUndefined();
      expect(at(diagnostics, Codes.invalidField, LINES.svcPort)).toHaveLength(1);
      expect(at(diagnostics, Codes.invalidField, LINES.targetPort)).toHaveLength(1);
    }
    // containerPort: the entry is kept when the server takes it, else an error at its line and the entry left out
    if (integer(sent.containerPort)) expect(web?.pods[0]?.ports).toEqual([{ port: Number(sent.containerPort), protocol: 'TCP' }]);
    else {
      expect(web?.pods[0]?.ports).toEqual([]);
      expect(at(diagnostics, Codes.invalidField, LINES.containerPort)).toHaveLength(1);
    }
    // replicas: the server rejects a non-integer; the workload still analysed, the error at its line
    expect(at(diagnostics, Codes.apiValidation, LINES.replicas)).toHaveLength(integer(sent.replicas) ? 0 : 1);

    // the warning: exactly where a float-looking literal was read as the integer kubectl sends
    const warned = diagnostics.filter((d) => d.code === Codes.integerWrittenAsFloat);
    const expected = Object.entries(LINES)
      .filter(([field]) => written && integer(sent[field as keyof typeof LINES]))
      .filter(([field]) => (field === 'npPort' || field === 'endPort' ? integer(sent.npPort) && integer(sent.endPort) : true))
      .map(([, line]) => line);
    expect(warned.map((d) => d.at?.line).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(expected.sort((a, b) => a - b));
    for (const d of warned) {
      expect(d.severity).toBe('warning');
      expect(d.message).toContain(`${n} is read as the integer ${Number(n)}`);
    }
  });

  it('an OpenShift Route weight written 100.0 (an int32 in its API) is read as 100: the Route and its ingress stay', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-route-weight-'));
    writeFileSync(
      path.join(dir, 'app.yaml'),
      `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: a}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: c, image: x, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: a}
spec:
  selector: {app: web}
  ports: [{port: 8080, targetPort: 8080}]
---
apiVersion: route.openshift.io/v1
kind: Route
metadata: {name: web, namespace: a}
spec:
  to: {kind: Service, name: web, weight: 100.0}
  port: {targetPort: 8080}
`,
    );
    const r = runCli(['connectivity', dir]);
    expect(r.stdout).toContain('{ingress-controller} => a/web[Deployment] : TCP 8080');
    expect(r.stderr).toContain('NPC305 spec.to.weight: 100.0 is read as the integer 100');
    expect(r.stderr).not.toContain('IntegralFloat');
  });

  it('label values and names that YAML reads as numbers: kubectl itself refuses them, and so do we, at the field', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: shop\n  labels: {version: 1.0}\nspec: {containers: [{name: c, image: x}]}\n';
    const dir = mkdtempSync(path.join(os.tmpdir(), 'npc-kubectl-numbers-'));
    writeFileSync(path.join(dir, 'm.yaml'), text);
    const r = spawnSync(KUBECTL, ['annotate', '--local', '-f', path.join(dir, 'm.yaml'), 'x=y', '-o', 'json'], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/cannot unmarshal number into Go struct field ObjectMeta\.metadata\.labels of type string/);
    const { diagnostics } = loadManifests([{ path: 'm.yaml', text }]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([expect.stringMatching(/^m\.yaml:6:21 \[doc 1\] error NPC010 metadata\.labels\.version: expected a string label value, got 1\.0: YAML reads it as a number, which a string field refuses; quote it \("1\.0"\)/)]);
    // a number whose text is not kept (1.10 read as 1.1, 0x50 as 80): no quoted form computed from what was read
    for (const [written, read] of [['1.10', '1\\.1'], ['0x50', '80']] as const) {
      const d = loadManifests([{ path: 'm.yaml', text: text.replace('1.0', written) }]).diagnostics.map(formatDiagnostic);
      expect(d).toEqual([expect.stringMatching(new RegExp(`got ${read}: YAML reads it as a number, which a string field refuses; quote it as written`))]);
    }
    // quoted, it is the string "1.0" for both
    const quoted = text.replace('1.0', '"1.0"');
    writeFileSync(path.join(dir, 'm.yaml'), quoted);
    const ok = spawnSync(KUBECTL, ['annotate', '--local', '-f', path.join(dir, 'm.yaml'), 'x=y', '-o', 'json'], { encoding: 'utf8' });
    expect(ok.stdout).toContain('"version": "1.0"');
    const loaded = loadManifests([{ path: 'm.yaml', text: quoted }]);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.cluster.workloads[0]?.pods[0]?.labels).toEqual({ version: '1.0' });
    // a name: kubectl refuses it as well ("cannot unmarshal number into Go struct field ObjectMeta.metadata.name"), and so do we
    const named = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: 1e3}\n';
    writeFileSync(path.join(dir, 'm.yaml'), named);
    const refused = spawnSync(KUBECTL, ['annotate', '--local', '-f', path.join(dir, 'm.yaml'), 'x=y', '-o', 'json'], { encoding: 'utf8' });
    expect(refused.stderr).toMatch(/cannot unmarshal number into Go struct field ObjectMeta\.metadata\.name of type string/);
    expect(loadManifests([{ path: 'm.yaml', text: named }]).diagnostics.map(formatDiagnostic)).toEqual([
      'm.yaml:3:18 [doc 1] error NPC010 metadata.name: expected a string, got 1e3: YAML reads it as a number, which a string field refuses; quote it ("1e3") (ConfigMap excluded from the analysis)',
    ]);
  });

  it('the block-YAML fast path, js-yaml and the parsed store (--cache-dir, workers) keep the written text and the warning', () => {
    const text = manifest('8.08e3');
    const fresh = loadManifests([{ path: 'm.yaml', text }]);
    // a flow-style copy takes js-yaml instead of the block fast path
    const flow = text.replace('    - port: 8.08e3\n', '    - {port: 8.08e3}\n');
    const viaJsYaml = loadManifests([{ path: 'm.yaml', text: flow }]);
    expect(viaJsYaml.diagnostics.filter((d) => d.code === Codes.integerWrittenAsFloat)).toHaveLength(6);
    // a parse stored and decoded again (what --cache-dir and the parse workers hand the loader)
    const file = { path: 'm.yaml', text };
    const decoded = decodeParse(file, JSON.parse(JSON.stringify(encodeParse(file, parseManifestFile(file)))));
    expect(decoded).toBeDefined();
    const cache = new ParseCache();
    cache.stored.set(file, JSON.parse(JSON.stringify(encodeParse(file, parseManifestFile(file)))));
    const stored = loadManifests([file], cache);
    expect(stored.diagnostics.map(formatDiagnostic)).toEqual(fresh.diagnostics.map(formatDiagnostic));
    expect(fresh.diagnostics.filter((d) => d.code === Codes.integerWrittenAsFloat)).toHaveLength(6);
  });

  it('the CLI: a cold run, a --cache-dir run and a run with parse workers print the same warnings and answer', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'npc-kubectl-numbers-'));
    // three files, so that two parse workers get one each (workers never outnumber the other files)
    manifest('80.0')
      .split('---\n')
      .forEach((doc, i) => writeFileSync(path.join(dir, `app${i}.yaml`), doc));
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'npc-kubectl-numbers-cache-'));
    const cold = runCli(['connectivity', dir, '--cache-dir', cacheDir]);
    expect(cold.code).toBe(0);
    expect(cold.stderr.split('\n').filter((l) => l.includes('NPC305'))).toHaveLength(6);
    expect(cold.stdout).toContain('=> shop/web[Deployment] : TCP 1-80');
    const warm = runCli(['connectivity', dir, '--cache-dir', cacheDir]);
    expect(warm).toEqual(cold);
    const workers = runCli(['connectivity', dir], { env: { NETPOL_CI_WORKERS: '2' } });
    expect(workers).toEqual(cold);
  });

  it('helm template carries a template literal 80.0 through (warned), while values pass through Go and print 8080', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'npc-kubectl-numbers-chart-'));
    const chart = path.join(dir, 'shop');
    spawnSync('mkdir', ['-p', path.join(chart, 'templates')]);
    writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: shop\nversion: 0.1.0\n');
    writeFileSync(path.join(chart, 'values.yaml'), 'targetPort: 8.08e3\nnodePort: 3.0001e4\n');
    writeFileSync(
      path.join(chart, 'templates', 'svc.yaml'),
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: svc\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports:\n  - port: 80.0\n    targetPort: {{ .Values.targetPort }}\n    nodePort: {{ .Values.nodePort }}\n',
    );
    const rendered = spawnSync(HELM, ['template', chart], { encoding: 'utf8' });
    expect(rendered.stdout).toContain('  - port: 80.0\n    targetPort: 8080\n    nodePort: 30001\n');
    const r = runCli(['connectivity', dir, '--format', 'json'], { env: { HELM_PATH: HELM } });
    expect(r.code).toBe(0);
    const warnings = r.stderr.split('\n').filter((l) => l.includes('NPC305'));
    expect(warnings).toEqual([expect.stringMatching(/shop\/templates\/svc\.yaml:9:11 warning NPC305 spec\.ports\[0\]\.port: 80\.0 is read as the integer 80/)]);
  });

  it('kubectl kustomize writes such numbers as integers itself: an overlay is read with 8080, without a warning', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'npc-kubectl-numbers-overlay-'));
    writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources: [app.yaml]\n');
    writeFileSync(path.join(dir, 'app.yaml'), manifest('8.08e3').replace('  replicas: 8.08e3\n', '  replicas: 2.0\n'));
    const rendered = spawnSync(KUBECTL, ['kustomize', dir], { encoding: 'utf8' });
    expect(rendered.stdout).toContain('- containerPort: 8080\n');
    expect(rendered.stdout).toContain('replicas: 2\n');
    const r = runCli(['connectivity', dir], { env: { KUBECTL_PATH: KUBECTL } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('NPC305');
    expect(r.stdout).toContain('=> shop/web[Deployment] : TCP 1-8080');
  });
});

