import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseLinksFile } from '../../src/topology/links-file.js';
import { peerKey } from '../../src/model/peer.js';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

/**
 * A links-file entry is read strictly: a field the format does not have (a typo such as `port:`
 * for `conns:`, or a misspelt `destination`) would otherwise be ignored and silently change what
 * the link allows. It is an input error (NPC260) at the field's line, naming what it likely meant;
 * the entry is rejected and the other entries are still read and reported. A field of the wrong
 * type is an error at its line (NPC010).
 */

afterAll(cleanupTempDirs);

const at = (d: { code: string; severity: string; at?: { file: string; line?: number; path?: readonly (string | number)[] }; hint?: string; message: string }) =>
  `${d.severity} ${d.code} ${d.at?.file}:${d.at?.line} ${(d.at?.path ?? []).join('.')}${d.hint ? ` (${d.hint})` : ''}`;

describe('parseLinksFile: unknown fields and wrong types in an entry', () => {
  it('an unknown field is an error at its line with what it likely meant; the entry is rejected, the others are read', () => {
    const text = [
      'links:',
      '  - src: shop/web[Deployment]', // 2
      '    dst: shop/api[Deployment]',
      '    conns: TCP 8080',
      '  - src: shop/web[Deployment]', // 5
      '    dst: shop/db[Deployment]',
      '    conns: TCP 5432',
      '    port: 5433', // 8
      '  - src: shop/worker[Deployment]', // 9
      '    destinaton: shop/api[Deployment]', // 10
      '    dst: shop/db[Deployment]',
      '    conns: TCP 5432',
      '  - src: shop/worker[Deployment]', // 13
      '    dst: shop/api[Deployment]',
      '    conns: TCP 8080',
      '    origin: observed',
      '',
    ].join('\n');
    const r = parseLinksFile('links.yaml', text);
    expect(r.diagnostics.map(at)).toEqual(['error NPC260 links.yaml:8 links.1.port (did you mean conns?)', 'error NPC260 links.yaml:10 links.2.destinaton (did you mean dst?)']);
    expect(r.diagnostics[0]?.message).toBe('unknown field "port" in a link (a link has src, dst, conns, origin, evidence); the link is rejected rather than read without it');
    expect(r.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} ${l.conns.toString()}`)).toEqual(['shop/web[Deployment] => shop/api[Deployment] TCP 8080', 'shop/worker[Deployment] => shop/api[Deployment] TCP 8080']);
  });

  it('wrong types are errors at their field (a number for conns, evidence not a list, an unknown origin), each entry on its own', () => {
    const text = [
      'links:',
      '  - src: shop/web[Deployment]',
      '    dst: shop/api[Deployment]',
      '    conns: 8080', // 4
      '  - src: shop/web[Deployment]',
      '    dst: shop/api[Deployment]',
      '    conns: TCP 8080',
      '    evidence: scan said so', // 8
      '  - src: {name: web}', // 9
      '    dst: shop/api[Deployment]',
      '    conns: TCP 8080',
      '    origin: guessed', // 12
      '',
    ].join('\n');
    const r = parseLinksFile('links.yaml', text);
    expect(r.diagnostics.map(at)).toEqual(['error NPC010 links.yaml:4 links.0.conns', 'error NPC010 links.yaml:8 links.1.evidence', 'error NPC010 links.yaml:9 links.2.src', 'error NPC010 links.yaml:12 links.2.origin']);
    expect(r.links).toEqual([]);
  });

  it('what scan writes (with evidence, and origin with --traffic) is read without a word', () => {
    const dir = tempDir('netpol-ci-links-strict-');
    writeFileSync(
      path.join(dir, 'app.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, image: x, env: [{name: U, value: "http://api:80"}]}]}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec: {containers: [{name: c, image: x, ports: [{containerPort: 8080}]}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec: {selector: {app: api}, ports: [{port: 80, targetPort: 8080}]}\n',
    );
    const scanned = runCli(['scan', 'app.yaml', '-f', 'yaml'], { cwd: dir });
    expect(scanned.code).toBe(0);
    const r = parseLinksFile('scan.yaml', scanned.stdout);
    expect(r.diagnostics).toEqual([]);
    expect(r.links).toHaveLength(1);
    expect(parseLinksFile('o.yaml', scanned.stdout.replace('    conns: TCP 8080\n', '    conns: TCP 8080\n    origin: both\n')).diagnostics).toEqual([]);
  });
});

describe('the commands that read a links file: exit 2, file:line:field, the rest still processed', () => {
  const setup = () => {
    const dir = tempDir('netpol-ci-links-strict-');
    mkdirSync(path.join(dir, 'app'));
    const deploy = (name: string, port: number) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: shop}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec: {containers: [{name: c, image: x, ports: [{containerPort: ${port}}]}]}\n`;
    writeFileSync(path.join(dir, 'app', 'app.yaml'), [deploy('web', 80), deploy('api', 8080), deploy('db', 5432)].join('---\n'));
    writeFileSync(path.join(dir, 'good.yaml'), 'links:\n  - src: shop/web[Deployment]\n    dst: shop/api[Deployment]\n    conns: TCP 8080\n  - src: shop/api[Deployment]\n    dst: shop/db[Deployment]\n    conns: TCP 5432\n');
    // the second link's ports were written as `port:`: read loosely, it would allow every port
    writeFileSync(path.join(dir, 'typo.yaml'), 'links:\n  - src: shop/web[Deployment]\n    dst: shop/api[Deployment]\n    conns: TCP 8080\n  - src: shop/api[Deployment]\n    dst: shop/db[Deployment]\n    conns: All Connections\n    port: 5432\n');
    return dir;
  };

  it('links validate', () => {
    const dir = setup();
    const r = runCli(['links', 'validate', 'typo.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('typo.yaml:8:11 [doc 1] error NPC260 links[1].port: unknown field "port" in a link');
    expect(r.stderr).toContain('did you mean conns?');
  });

  it('synthesize --links writes nothing from a file with an unknown field', () => {
    const dir = setup();
    const r = runCli(['synthesize', 'app', '--links', 'typo.yaml', '-o', 'policies/'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/typo\.yaml:8:\d+ \[doc 1\] error NPC260 links\[1\]\.port/);
    expect(r.stderr).toContain('no policies written');
  });

  it('verify --links: exit 2, and the drift of the links that were read is still reported', () => {
    const dir = setup();
    expect(runCli(['synthesize', 'app', '--links', 'good.yaml', '-o', 'policies/', '-q'], { cwd: dir }).code).toBe(0);
    const r = runCli(['verify', 'app', '--policies', 'policies', '--links', 'typo.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/typo\.yaml:8:\d+ \[doc 1\] error NPC260 links\[1\]\.port/);
    // the rejected link's rule shows as excess: the report is complete for what could be read
    expect(r.stdout).toContain('excess: source: shop/api[Deployment], destination: shop/db[Deployment]');
  });
});
