import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { cleanupTempDirs, FIXTURES, tempDir } from '../helpers/fixtures.js';

/**
 * `netpol-ci scan` on fixtures/scan/shop: every format, each link with its provenance, each
 * unresolved address with its file:line. Run `npm run bundle` first.
 */

const APP = 'fixtures/scan/shop';
const text = (f: string) => readFileSync(path.join(FIXTURES, 'scan', 'shop', f), 'utf8');
function lineOf(file: string, needle: string): number {
  const i = text(file)
    .split('\n')
    .findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in ${file}`);
  return i + 1;
}
const at = (file: string, needle: string) => `${APP}/${file}:${lineOf(file, needle)}`;

function ok(r: CliResult): string {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

afterAll(cleanupTempDirs);

describe('scan', () => {
  let txt: string;
  beforeAll(() => {
    txt = ok(runCli(['scan', APP]));
  });

  it('txt: the links, each followed by its evidence, then the unresolved addresses', () => {
    expect(txt).toBe(
      [
        '0.0.0.0-255.255.255.255[External] => frontend/web[Deployment] : TCP 8080',
        `    Service frontend/web-lb (LoadBalancer) (${at('web.yaml', 'type: LoadBalancer')})`,
        'frontend/web[Deployment] => shop/api[Deployment] : TCP 8081',
        `    ${at('web.yaml', 'value: http://api.shop')} spec.template.spec.containers[0].env[0].value = "http://api.shop.svc.cluster.local:8080"`,
        'shop/api[Deployment] => 203.0.113.10-203.0.113.10[External] : TCP 443',
        `    ${at('api.yaml', 'value: 203.0.113.10')} spec.template.spec.containers[0].env[1].value = "203.0.113.10:443"`,
        'shop/api[Deployment] => payments/db[StatefulSet] : TCP 5432',
        `    ${at('api.yaml', 'DATABASE_URL: postgres')} data.DATABASE_URL = "postgres://app@db.payments:5432" (via ConfigMap shop/api-config, referenced at ${at('api.yaml', 'configMapKeyRef:')})`,
        '{ingress-controller} => frontend/web[Deployment] : TCP 8080',
        `    Ingress frontend/web (${at('web.yaml', '            backend:')})`,
        '',
        'unresolved:',
        // each names the workload that holds the address: a ConfigMap several import gives one line each, told apart
        `    ${at('api.yaml', 'api.stripe.com')} shop/api[Deployment] "https://api.stripe.com:443": api.stripe.com is outside the cluster; NetworkPolicy cannot name hosts, only address blocks`,
        `    ${at('api.yaml', 'nosuch:8080')} shop/api[Deployment] "nosuch:8080": no Service matches nosuch`,
        '',
        'gaps (what the manifests cannot tell):',
        `    ${at('api.yaml', 'api.stripe.com')} shop/api[Deployment] egress "https://api.stripe.com:443": api.stripe.com is outside the cluster; NetworkPolicy cannot name hosts, only address blocks`,
        `    ${at('api.yaml', 'nosuch:8080')} shop/api[Deployment] egress "nosuch:8080": no Service matches nosuch`,
        '',
      ].join('\n'),
    );
  });

  it('json: links with src, dst, conns and evidence (file, line, YAML path, value, via); unresolved with file:line', () => {
    const doc = JSON.parse(ok(runCli(['scan', APP, '--format', 'json'])));
    expect(doc.apiVersion).toBe('netpol-ci/v1');
    expect(doc.kind).toBe('LinkList');
    expect(doc.links.map((l: { src: string; dst: string; conns: string }) => `${l.src} => ${l.dst} : ${l.conns}`)).toEqual([
      '0.0.0.0-255.255.255.255[External] => frontend/web[Deployment] : TCP 8080',
      'frontend/web[Deployment] => shop/api[Deployment] : TCP 8081',
      'shop/api[Deployment] => 203.0.113.10-203.0.113.10[External] : TCP 443',
      'shop/api[Deployment] => payments/db[StatefulSet] : TCP 5432',
      '{ingress-controller} => frontend/web[Deployment] : TCP 8080',
    ]);
    expect(doc.links[3].evidence).toEqual([
      {
        kind: 'address',
        file: `${APP}/api.yaml`,
        line: lineOf('api.yaml', 'DATABASE_URL: postgres'),
        path: ['data', 'DATABASE_URL'],
        value: 'postgres://app@db.payments:5432',
        service: 'payments/db',
        via: { file: `${APP}/api.yaml`, line: lineOf('api.yaml', 'configMapKeyRef:'), path: ['spec', 'template', 'spec', 'containers', 0, 'env', 0, 'valueFrom', 'configMapKeyRef'] },
      },
    ]);
    expect(doc.links[0].evidence).toEqual([
      { kind: 'exposure', object: 'Service frontend/web-lb (LoadBalancer)', file: `${APP}/web.yaml`, line: lineOf('web.yaml', 'type: LoadBalancer'), path: ['spec', 'type'] },
    ]);
    expect(doc.unresolved).toEqual([
      {
        workload: 'shop/api[Deployment]',
        value: 'https://api.stripe.com:443',
        reason: 'external-hostname',
        detail: 'api.stripe.com is outside the cluster; NetworkPolicy cannot name hosts, only address blocks',
        file: `${APP}/api.yaml`,
        line: lineOf('api.yaml', 'api.stripe.com'),
        path: ['spec', 'template', 'spec', 'containers', 0, 'env', 2, 'value'],
      },
      {
        workload: 'shop/api[Deployment]',
        value: 'nosuch:8080',
        reason: 'no-such-service',
        detail: 'no Service matches nosuch',
        file: `${APP}/api.yaml`,
        line: lineOf('api.yaml', 'nosuch:8080'),
        path: ['spec', 'template', 'spec', 'containers', 0, 'env', 3, 'value'],
      },
    ]);
  });

  it('yaml holds the same document as json', () => {
    const json = JSON.parse(ok(runCli(['scan', APP, '--format', 'json'])));
    expect(load(ok(runCli(['scan', APP, '--format', 'yaml'])))).toEqual(json);
  });

  it('md: a table of links with evidence, and the unresolved list', () => {
    const md = ok(runCli(['scan', APP, '--format', 'md']));
    expect(md).toContain('5 links, 2 unresolved addresses');
    expect(md).toContain('| `shop/api[Deployment]` | `payments/db[StatefulSet]` | `TCP 5432` |');
    expect(md).toContain(`\`${at('api.yaml', 'nosuch:8080')}\` \`shop/api[Deployment]\` \`nosuch:8080\``);
  });

  it('-o FILE writes the report; output is byte-identical across runs', () => {
    const dir = tempDir();
    const out = path.join(dir, 'links.json');
    const r = runCli(['scan', APP, '--format', 'json', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(ok(runCli(['scan', APP, '--format', 'json'])));
    expect(ok(runCli(['scan', APP]))).toBe(txt);
  });

  it('a scan of one file sees only its objects (an unknown Service is unresolved there)', () => {
    const out = ok(runCli(['scan', `${APP}/web.yaml`]));
    expect(out).toContain(`${at('web.yaml', 'value: http://api.shop')} frontend/web[Deployment] "http://api.shop.svc.cluster.local:8080": no Service matches api.shop.svc.cluster.local`);
  });

  it('a bad --format is bad usage: exit 2', () => {
    const r = runCli(['scan', APP, '--format', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('csv');
  });
});
