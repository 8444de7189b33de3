import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findAddressesIn } from '../../src/topology/addresses.js';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

afterAll(cleanupTempDirs);

/**
 * A script or file named in a command is no host: DeathStarBench's mcrouter hook runs
 * `command: ['bash', 'update_config_map.sh']`, which read as the host `update_config_map.sh` in the
 * public `.sh` domain (an external-hostname gap that names no destination). A host name has no `_`
 * (RFC 1123), and a bare `name.sh`, `name.py`... is a file unless a Service answers to it (found by
 * review: `orders.py` is Service orders of namespace py, and was dropped). A URL, a host:port or a name with a
 * real top-level domain still is an address; `//` comment lines of a JSON-with-comments file (the
 * mcrouter config's `// hosts of replicated pool, https://github.com/...`) are comments.
 */
const hosts = (value: string) => findAddressesIn(value, 'text').map((c) => c.text);

describe('file names and comments are no addresses', () => {
  it.each(['update_config_map.sh', 'init_social_network.py'])('%s alone is a file (a host name has no `_`)', (value) => {
    expect(hosts(value)).toEqual([]);
  });

  it.each(['run.sh', 'app.js', 'config.json', 'settings.yaml', 'app.jar', 'orders.py'])('%s alone is a file unless a Service answers to it: a candidate that is no gap', (value) => {
    expect(findAddressesIn(value, 'text').map((c) => ({ text: c.text, explicit: c.explicit, fileLike: c.fileLike }))).toEqual([{ text: value, explicit: false, fileLike: true }]);
  });

  it('a longer name ending in a file type is a host (mail.example.pl)', () => {
    expect(findAddressesIn('mail.example.pl', 'text').map((c) => c.fileLike)).toEqual([undefined]);
  });

  it.each([
    ['https://get.docker.sh', 'https://get.docker.sh'],
    ['api.example.com', 'api.example.com'],
    ['cache.team2', 'cache.team2'],
    ['script.sh:8080', 'script.sh:8080'],
  ])('%s is still an address', (value, text) => {
    expect(hosts(value)).toEqual([text]);
  });

  it('a `//` comment line of a multi-line value is skipped; the live lines are not', () => {
    expect(hosts('{\n  // see https://github.com/facebook/mcrouter/wiki e.g.:\n  "servers": ["memcached-0.memcached:11211"]\n}')).toEqual(['memcached-0.memcached:11211']);
  });
});

describe('a file-like name in scan', () => {
  it('reaches the Service it names (orders.py: Service orders, namespace py); a script name is neither a link nor a gap; a longer .sh host is outside', () => {
    const dir = tempDir('netpol-ci-file-like-');
    const deployment = (ns: string, name: string, env: Record<string, string>) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec:\n      containers:\n      - name: c\n        image: x\n        ports: [{containerPort: 8080}]\n        env: [${Object.entries(env).map(([k, v]) => `{name: ${k}, value: "${v}"}`).join(', ')}]\n`;
    writeFileSync(
      path.join(dir, 'app.yaml'),
      [
        deployment('py', 'orders', {}),
        'apiVersion: v1\nkind: Service\nmetadata: {name: orders, namespace: py}\nspec:\n  selector: {app: orders}\n  ports: [{port: 8080}]\n',
        deployment('shop', 'web', { ORDERS: 'orders.py', HOOK: 'run.sh', MIRROR: 'mirror.example.sh' }),
      ].join('---\n'),
    );
    const r = runCli(['scan', dir, '--format', 'json']);
    expect(r.code).toBe(0);
    const scan = JSON.parse(r.stdout) as { links: { src: string; dst: string }[]; gaps: { workload: string; value?: string; reason: string }[] };
    expect(scan.links.map((l) => `${l.src} -> ${l.dst}`)).toContain('shop/web[Deployment] -> py/orders[Deployment]');
    const gaps = scan.gaps.filter((g) => g.workload === 'shop/web[Deployment]').map((g) => `${g.reason} ${g.value ?? ''}`);
    expect(gaps.some((g) => g.includes('run.sh'))).toBe(false);
    expect(gaps.some((g) => g.startsWith('external-hostname') && g.includes('mirror.example.sh'))).toBe(true);
  });
});
