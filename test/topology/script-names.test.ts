import { describe, expect, it } from 'vitest';
import { findAddressesIn } from '../../src/topology/addresses.js';

/**
 * A script or file named in a command is no host: DeathStarBench's mcrouter hook runs
 * `command: ['bash', 'update_config_map.sh']`, which read as the host `update_config_map.sh` in the
 * public `.sh` domain (an external-hostname gap that names no destination). A host name has no `_`
 * (RFC 1123), and a bare `name.sh`, `name.py`... is a file. A URL, a host:port or a name with a
 * real top-level domain still is an address; `//` comment lines of a JSON-with-comments file (the
 * mcrouter config's `// hosts of replicated pool, https://github.com/...`) are comments.
 */
const hosts = (value: string) => findAddressesIn(value, 'text').map((c) => c.text);

describe('file names and comments are no addresses', () => {
  it.each(['update_config_map.sh', 'run.sh', 'init_social_network.py', 'app.js', 'config.json', 'settings.yaml', 'app.jar'])('%s alone is a file', (value) => {
    expect(hosts(value)).toEqual([]);
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
