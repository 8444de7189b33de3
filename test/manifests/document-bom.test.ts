import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseManifestFile } from '../../src/manifests/documents.js';
import { loadManifests } from '../../src/manifests/load.js';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { KUBECTL } from '../helpers/tools.js';

/**
 * A byte-order mark at the start of a later document (what `cat a.yaml b.yaml` gives when b.yaml
 * was saved "with BOM") is read as kubectl reads it: skipped. Before, the document's first key was
 * `\uFEFFapiVersion`, and the object was reported "without apiVersion" (or lost its kind).
 */

afterAll(cleanupTempDirs);

const BOM = '\uFEFF';
const CONFIGMAPS = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: x}\n---\n${BOM}apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b, namespace: x}\ndata: {k: v}\n`;

describe('a BOM at the start of a document', () => {
  it('is no part of the first key: the document reads as without it, with no warning', () => {
    const r = parseManifestFile({ path: 'cm.yaml', text: CONFIGMAPS });
    expect(r.diagnostics).toEqual([]);
    expect(r.documents.map((d) => d.value)).toEqual([
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'x' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', namespace: 'x' }, data: { k: 'v' } },
    ]);
    expect(r.documents.map((d) => [d.doc, d.startLine])).toEqual([
      [1, 1],
      [2, 4],
    ]);
  });

  it('a policy whose document starts with BOM and `kind` is still a policy, and a field error in such a document is at its line', () => {
    const deploy = (name: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: x}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec: {containers: [{name: c, image: x, ports: [{containerPort: 80}]}]}\n`;
    const policy = (name: string, protocol: string) => `${BOM}kind: NetworkPolicy\napiVersion: networking.k8s.io/v1\nmetadata: {name: ${name}, namespace: x}\nspec:\n  podSelector: {matchLabels: {app: b}}\n  ingress:\n    - ports: [{port: 80, protocol: ${protocol}}]\n`;
    // the second policy's misspelt protocol is on line 33: the error must point there
    const text = `${deploy('a')}---\n${deploy('b')}---\n${policy('allow-b', 'TCP')}---\n${policy('bad', 'TCPX')}`;
    const loaded = loadManifests([{ path: 'app.yaml', text }]);
    expect(loaded.cluster.objects.filter((o) => o.kind === 'NetworkPolicy').map((o) => o.object.metadata.name)).toEqual(['allow-b']);
    expect(loaded.diagnostics.map((d) => `${d.severity} ${d.code} ${d.at?.file}:${d.at?.line} [doc ${d.at?.doc}] ${d.message}`)).toEqual([
      'error NPC010 app.yaml:33 [doc 4] expected TCP, UDP or SCTP, got "TCPX" (NetworkPolicy bad excluded from the analysis)',
    ]);
  });

  it('the CLI answers as for the file without the BOM', () => {
    const dir = tempDir('netpol-ci-bom-');
    const deploy = (name: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: x}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec: {containers: [{name: c, image: x}]}\n`;
    const policy = 'kind: NetworkPolicy\napiVersion: networking.k8s.io/v1\nmetadata: {name: deny-b, namespace: x}\nspec: {podSelector: {matchLabels: {app: b}}}\n';
    writeFileSync(path.join(dir, 'with.yaml'), `${deploy('a')}---\n${BOM}${deploy('b')}---\n${BOM}${policy}`);
    writeFileSync(path.join(dir, 'without.yaml'), `${deploy('a')}---\n${deploy('b')}---\n${policy}`);
    const withBom = runCli(['connectivity', 'with.yaml'], { cwd: dir });
    const without = runCli(['connectivity', 'without.yaml'], { cwd: dir });
    expect(withBom.stderr).toBe('');
    expect([withBom.code, withBom.stdout]).toEqual([without.code, without.stdout]);
    expect(withBom.stdout).not.toContain('=> x/b[Deployment]');
  });
});

describe('as kubectl v1.32 reads the same files (kubectl create --dry-run=client, against a discovery-only API server)', () => {
  let server: Server;
  let url = '';
  beforeAll(async () => {
    // discovery is all kubectl needs to map ConfigMap: it decodes the file itself
    server = createServer((req, res) => {
      const send = (o: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(o));
      };
      const p = new URL(req.url ?? '/', 'http://x').pathname;
      if (p === '/api') return send({ kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: req.headers.host }] });
      if (p === '/apis') return send({ kind: 'APIGroupList', apiVersion: 'v1', groups: [] });
      if (p === '/api/v1') return send({ kind: 'APIResourceList', groupVersion: 'v1', resources: [{ name: 'configmaps', singularName: 'configmap', namespaced: true, kind: 'ConfigMap', verbs: ['create', 'get', 'list'] }] });
      res.writeHead(404);
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const kubectl = async (file: string): Promise<{ ok: true; items: unknown[] } | { ok: false; line: number }> => {
    try {
      const { stdout } = await promisify(execFile)(KUBECTL, ['--server', url, 'create', '--dry-run=client', '--validate=false', '-o', 'json', '-f', file], { env: { ...process.env, KUBECONFIG: '/dev/null' } });
      // one JSON object per created object, one after the other
      return { ok: true, items: JSON.parse(`[${stdout.trim().replace(/^\}\n\{$/gm, '},{')}]`) as unknown[] };
    } catch (e) {
      const m = /line (\d+)/.exec(String((e as { stderr?: string }).stderr));
      return { ok: false, line: m ? Number(m[1]) : -1 };
    }
  };

  const cases: Record<string, string> = {
    'after a separator line': CONFIGMAPS,
    'before a separator, after one': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: x}\n---\n${BOM}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: x}\n`,
    'at the start of the file': `${BOM}apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: x}\n`,
    // glued to a separator with no separator before it: no document start, for kubectl an error at its line, and for us
    'before the only separator': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: x}\n${BOM}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b, namespace: x}\n`,
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`${name}: the same objects, or an error at the same line`, async () => {
      const dir = tempDir('netpol-ci-bom-kubectl-');
      const file = path.join(dir, 'cm.yaml');
      writeFileSync(file, text);
      const theirs = await kubectl(file);
      const ours = parseManifestFile({ path: file, text });
      const errors = ours.diagnostics.filter((d) => d.severity === 'error');
      if (theirs.ok) {
        expect(errors).toEqual([]);
        expect(ours.documents.map((d) => d.value)).toEqual(theirs.items);
      } else {
        expect(errors.map((d) => d.at?.line)).toEqual([theirs.line]);
      }
    });
  }
});
