import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { nodeIo } from '../../src/io/node-io.js';
import { parseCidr } from '../../src/model/ip.js';
import { parsePeer } from '../../src/model/peer.js';
import { runCheck } from '../../src/pipeline/check.js';
import { DEFAULT_READ_SETTINGS } from '../../src/pipeline/settings.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

afterAll(cleanupTempDirs);

/** One workload whose ingress allows TCP 8080 from a CIDR, with some of it excepted (or from nothing). */
function side(dir: string, block: { cidr: string; except: string[] } | undefined): string {
  mkdirSync(dir, { recursive: true });
  const from = block ? `\n    - from:\n        - ipBlock:\n            cidr: ${block.cidr}\n            except: [${block.except.join(', ')}]\n      ports:\n        - {protocol: TCP, port: 8080}` : '';
  writeFileSync(
    path.join(dir, 'app.yaml'),
    `apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: api, image: api:1, ports: [{containerPort: 8080}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-ingress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Ingress]
  ingress:${from || ' []'}
`,
  );
  return dir;
}

/** A /8../16 CIDR in 10.0.0.0/8 and, within it, up to two excepted /24s. */
const block = fc
  .record({ second: fc.integer({ min: 0, max: 3 }), prefix: fc.constantFrom(8, 14, 16), except: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }) })
  .map(({ second, prefix, except }) => {
    const cidr = prefix === 8 ? '10.0.0.0/8' : `10.${prefix === 14 ? second - (second % 4) : second}.0.0/${prefix}`;
    const base = prefix === 8 ? 0 : prefix === 14 ? second - (second % 4) : second;
    return { cidr, except: [...new Set(except)].map((k) => `10.${base}.${k}.0/24`) };
  });

const inBlock = (b: { cidr: string; except: string[] } | undefined, ip: bigint) => {
  if (!b) return false;
  const c = parseCidr(b.cidr);
  return !!c && c.lo <= ip && ip <= c.hi && !b.except.some((e) => {
    const r = parseCidr(e);
    return !!r && r.lo <= ip && ip <= r.hi;
  });
};

describe('check --exposure: widened address ranges', () => {
  test('property: an address is in a widened range exactly when head lets it in on a port base did not', () => {
    const root = tempDir('netpol-ci-exposure-');
    let n = 0;
    fc.assert(
      fc.property(fc.option(block, { nil: undefined }), fc.option(block, { nil: undefined }), (b, h) => {
        n += 1;
        const base = side(path.join(root, `${n}/base`), b);
        const head = side(path.join(root, `${n}/head`), h);
        const o = runCheck(nodeIo(), { kind: 'paths', base, head }, DEFAULT_READ_SETTINGS, { exposure: true });
        const widened = o.exposure?.widened ?? [];
        for (const w of widened) {
          expect(w.workload).toBe('shop/api[Deployment]');
          expect(w.gained.toString()).toBe('TCP 8080');
        }
        const ranges = widened.map((w) => {
          const p = parsePeer(w.peer, []);
          if (!p.ok || p.peer.kind !== 'external') throw new Error(`not an address range: ${w.peer}`);
          return p.peer.range;
        });
        // probe every boundary address of both sides' blocks and one inside each /24 and /16
        const probes = new Set<bigint>();
        for (const s of [b, h]) for (const c of s ? [s.cidr, ...s.except] : []) {
          const r = parseCidr(c);
          if (r) for (const x of [r.lo - 1n, r.lo, r.lo + 5n, r.hi, r.hi + 1n]) probes.add(x);
        }
        for (const ip of probes) {
          const expected = inBlock(h, ip) && !inBlock(b, ip);
          expect(ranges.some((r) => r.family === 4 && r.lo <= ip && ip <= r.hi), `address ${ip}`).toBe(expected);
        }
        // ranges never overlap and adjacent ranges are merged
        const sorted = [...ranges].sort((x, y) => (x.lo < y.lo ? -1 : 1));
        sorted.forEach((r, i) => {
          const next = sorted[i + 1];
          if (next) expect(r.hi + 1n < next.lo).toBe(true);
        });
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
