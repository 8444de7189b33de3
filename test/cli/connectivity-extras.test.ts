import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/cli/common.js';
import { main } from '../../src/cli/program.js';
import { nodeIo } from '../../src/io/node-io.js';
import { lines, REPO_ROOT, runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { runWithTools } from '../helpers/tools.js';

afterAll(cleanupTempDirs);

const APP = 'fixtures/example-app/manifests';
const CONNLIST = path.resolve(REPO_ROOT, '..', 'shared', 'conformance', 'connlist');

describe('connectivity --format tree', () => {
  it('one tree per workload, ✓ for port-limited, ⚠ for all connections, ✗ for nothing; no colour without a terminal', () => {
    const r = runCli(['connectivity', APP, '-f', 'tree']);
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out.slice(0, 11)).toEqual([
      'backend/catalog[Deployment]',
      '├── reaches ✗ nothing',
      '└── reached by',
      '    ├── ✓ backend/orders[Deployment] : TCP 8080',
      '    └── ✓ frontend/web[Deployment] : TCP 8080',
      'backend/orders[Deployment]',
      '├── reaches',
      '│   ├── ✓ backend/catalog[Deployment] : TCP 8080',
      '│   └── ✓ payments/payments[Deployment] : TCP 8080',
      '└── reached by',
      '    └── ✓ frontend/web[Deployment] : TCP 8080',
    ]);
    expect(r.stdout).not.toContain('\u001b[');
    // every connection of the txt output is in the tree, under its source
    const txt = lines(runCli(['connectivity', APP]).stdout);
    expect(out.filter((l) => l.includes(' : ') && /^│|^ /.test(l) && out.lastIndexOf('├── reaches', out.indexOf(l)) > out.lastIndexOf('└── reached by', out.indexOf(l))).length).toBe(txt.filter((l) => !l.startsWith('{') && !/^\d/.test(l)).length);
  });

  it('⚠ marks all connections (an unprotected workload)', () => {
    const r = runCli(['connectivity', path.join(CONNLIST, 'exposure_test_pod_exposed_only_to_representative_peers', 'input'), '-f', 'tree']);
    expect(lines(r.stdout)).toContain('│   └── ⚠ 0.0.0.0-255.255.255.255[External] : All Connections');
  });

  const runTerminal = (env: Record<string, string>) => {
    let stdout = '';
    const code = main(['connectivity', APP, '-f', 'tree'], { io: nodeIo(), stdout: (t) => void (stdout += t), stderr: () => {}, env, interactive: false, stdoutTerminal: true });
    return { code, stdout };
  };
  it('coloured when stdout is a terminal', () => {
    const r = runTerminal({ CI: 'true' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\u001b[1mbackend/catalog[Deployment]\u001b[0m');
    expect(r.stdout).toContain('├── reaches \u001b[31m✗\u001b[0m \u001b[2mnothing\u001b[0m');
    expect(r.stdout).toContain('\u001b[32m✓\u001b[0m backend/orders[Deployment] : TCP 8080');
  });
  it('NO_COLOR is honoured on a terminal', () => {
    expect(runTerminal({ CI: 'true', NO_COLOR: '1' }).stdout).not.toContain('\u001b[');
  });
});

describe('connectivity --format png', () => {
  const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  it('writes a PNG rendered by Graphviz dot to -o FILE', () => {
    const out = path.join(tempDir(), 'app.png');
    const r = runCli(['connectivity', APP, '-f', 'png', '-o', out]);
    expect(r.code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(bytes.length).toBeGreaterThan(5000);
  });
  it('writes the bytes to stdout when the context can take them', () => {
    const chunks: Uint8Array[] = [];
    const code = main(['connectivity', APP, '-f', 'png'], { io: nodeIo(), stdout: () => {}, stderr: () => {}, env: {}, interactive: false, stdoutBytes: (b) => void chunks.push(b) });
    expect(code).toBe(0);
    expect([...(chunks[0] ?? new Uint8Array()).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  });
  it('a missing dot is exit 2 with a clear message', () => {
    const r = runCli(['connectivity', APP, '-f', 'png', '-o', path.join(tempDir(), 'x.png')], { env: { DOT_PATH: '/nonexistent/dot' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--format png needs Graphviz 'dot' on PATH");
  });
});

describe('connectivity --exposure', () => {
  it('reports entire-cluster, selector representatives and addresses, as netpol-analyzer does', () => {
    const r = runCli(['connectivity', path.join(CONNLIST, 'exposure_test_pod_exposed_only_to_representative_peers', 'input'), '--exposure']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '0.0.0.0-255.255.255.255[External] => hello-world/workload-a[Deployment] : All Connections',
        'hello-world/workload-a[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
        '',
        'Exposure Analysis Result:',
        'Egress Exposure:',
        'hello-world/workload-a[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
        'hello-world/workload-a[Deployment] => entire-cluster : All Connections',
        'hello-world/workload-b[Deployment] => [namespace with {foo.com/managed-state In (managed)}]/[all pods] : TCP 8050',
        '',
        'Ingress Exposure:',
        'hello-world/workload-a[Deployment] <= 0.0.0.0-255.255.255.255[External] : All Connections',
        'hello-world/workload-a[Deployment] <= entire-cluster : All Connections',
        'hello-world/workload-b[Deployment] <= [namespace with {foo.com/managed-state In (managed)}]/[all pods] : TCP 8050',
        '',
      ].join('\n'),
    );
  });

  it('example app: web is open to every namespace on http; DNS and the fraud-check range are reached outside the manifests', () => {
    const r = runCli(['connectivity', APP, '--exposure', '-f', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { connections: unknown[]; exposure: { egress: { workload: string; dst: string; conn: string }[]; ingress: { workload: string; src: string; conn: string }[] } };
    expect(j.connections.length).toBe(lines(runCli(['connectivity', APP]).stdout).length);
    expect(j.exposure.ingress.filter((x) => x.src === 'entire-cluster')).toEqual([{ workload: 'frontend/web[Deployment]', src: 'entire-cluster', conn: 'TCP 8080' }]);
    const dns = '[namespace with {kubernetes.io/metadata.name=kube-system}]/[pod with {k8s-app=kube-dns}]';
    expect(j.exposure.egress).toEqual([
      { workload: 'backend/catalog[Deployment]', dst: dns, conn: 'TCP 53,UDP 53' },
      { workload: 'backend/orders[Deployment]', dst: dns, conn: 'TCP 53,UDP 53' },
      // web's own egress rule, whatever the policies of the pods it would reach say (representatives are no NetworkPolicy's subject)
      { workload: 'frontend/web[Deployment]', dst: '[namespace with {kubernetes.io/metadata.name=backend}]/[pod with {app In (catalog,orders)}]', conn: 'TCP 8080' },
      { workload: 'frontend/web[Deployment]', dst: dns, conn: 'TCP 53,UDP 53' },
      { workload: 'payments/fraud-check[Deployment]', dst: '203.0.113.0-203.0.113.255[External]', conn: 'TCP 443' },
      { workload: 'payments/fraud-check[Deployment]', dst: dns, conn: 'TCP 53,UDP 53' },
      { workload: 'payments/payments[Deployment]', dst: dns, conn: 'TCP 53,UDP 53' },
    ]);
    // a new pod labelled like orders in backend would reach payments, as orders does: orders' own
    // line says so, and a representative a real pod matches is dropped (netpol-analyzer's refinement)
    expect(j.exposure.ingress.map((x) => x.src)).not.toContain('backend/[pod with {app=orders}]');
    expect(j.exposure.ingress.filter((x) => x.workload === 'payments/payments[Deployment]')).toEqual([]);
  });

  it('md tables, escaped', () => {
    const r = runCli(['connectivity', path.join(CONNLIST, 'exposure_test_pod_exposed_only_to_representative_peers', 'input'), '--exposure', '-f', 'md']);
    expect(r.stdout).toContain('### Ingress Exposure:\n| dst | src | conn |');
    expect(r.stdout).toContain('| hello\\-world/workload\\-a\\[Deployment\\] | entire\\-cluster | All Connections |');
  });

  it('other formats refuse it (exit 2)', () => {
    expect(runCli(['connectivity', APP, '--exposure', '-f', 'csv']).code).toBe(2);
  });
});

describe('--timeout', () => {
  it('parses durations', () => {
    expect([parseDuration('30s'), parseDuration('2m'), parseDuration('1h30m'), parseDuration('500ms'), parseDuration('45')]).toEqual([30_000, 120_000, 5_400_000, 500, 45_000]);
    expect([parseDuration('abc'), parseDuration('0s'), parseDuration(''), parseDuration('10x')]).toEqual([undefined, undefined, undefined, undefined]);
    const r = runCli(['connectivity', APP, '--timeout', 'soon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--timeout: expected a duration such as 30s, 2m or 1h30m, got "soon"');
  });

  it('limits helm rendering and names the flag', () => {
    const started = Date.now();
    const r = runWithTools(['connectivity', 'fixtures/helm/slow', '--timeout', '1s']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error NPC022 helm template failed for chart fixtures/helm/slow: timed out after 1 s (--timeout); chart not rendered');
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('limits Graphviz and names the step', () => {
    const dir = tempDir();
    const slow = path.join(dir, 'dot');
    writeFileSync(slow, '#!/bin/sh\nsleep 10\n');
    chmodSync(slow, 0o755);
    const started = Date.now();
    const r = runCli(['connectivity', APP, '-f', 'svg', '--timeout', '500ms'], { env: { DOT_PATH: slow } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('netpol-ci: configuration error: Graphviz dot -Tsvg timed out after 0.5 s (--timeout)\n');
    expect(Date.now() - started).toBeLessThan(8_000);
  });
});
