import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { nodeIo } from '../../src/io/node-io.js';
import { runConnectivity } from '../../src/pipeline/connectivity.js';
import { DEFAULT_READ_SETTINGS } from '../../src/pipeline/settings.js';
import { renderConnectivityTxt } from '../../src/report/connectivity.js';
import { findNcaForTests } from '../helpers/nca.js';
import { differingPairs, parseListing } from '../helpers/peer-pairs.js';
import { WIDE_SIZES, wideConfiguration, wideNcaForm } from '../helpers/random-config-wide.js';
import type { Doc } from '../helpers/random-config.js';

/**
 * The nca hunt: wide random configurations (test/helpers/random-config-wide.ts) through our
 * connectivity and `nca --connectivity`, pair by pair, and through ours twice (the configuration
 * and its nca form must mean the same to us). Unlike the property test it does not stop at the
 * first difference: every differing configuration is written to HUNT_OUT (default a
 * `netpol-ci-hunt-*` temporary folder) as `ours.yaml`, `nca.yaml` and `diff.txt`, and the run ends
 * with a summary. Knobs: HUNT_SEEDS (comma-separated, default 1,2,3), HUNT_RUNS (configurations
 * per seed, default 200), HUNT_SIZE (small | large, default small), HUNT_IP_FAMILY (dual: IPv6
 * ipBlocks too, analysed with `--ip-family dual`).
 */
const SEEDS = (process.env.HUNT_SEEDS ?? '1,2,3').split(',').map(Number);
const RUNS = Number(process.env.HUNT_RUNS ?? 200);
const SIZE = WIDE_SIZES[(process.env.HUNT_SIZE ?? 'small') as 'small' | 'large'];
/** HUNT_IP_FAMILY=dual: IPv6 ipBlocks too, and ours analyses both families (nca always does). */
const DUAL = process.env.HUNT_IP_FAMILY === 'dual';
const SETTINGS = DUAL ? { ...DEFAULT_READ_SETTINGS, ipFamilies: [4, 6] as const } : DEFAULT_READ_SETTINGS;
const OUT = process.env.HUNT_OUT ?? mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-hunt-'));

const toYaml = (docs: readonly Doc[]): string => docs.map((d) => stringify(d, { aliasDuplicateObjects: false })).join('---\n');

function oursTxt(dir: string, docs: readonly Doc[]): { txt: string; errors: string[] } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'all.yaml'), toYaml(docs));
  const r = runConnectivity(nodeIo(), [dir], SETTINGS);
  return { txt: renderConnectivityTxt(r.connectivity), errors: r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`) };
}

/** nca's simulated ingress controller, as ours names it; nca's other simulated pods are left out. */
const NCA_CONTROLLER = 'ingress-controller-ns/ingress-controller-livesim[Pod]';
const asOurs = (rows: ReturnType<typeof parseListing>) =>
  rows.map(([s, d, c]) => [s.map((e) => (e.kind === 'workload' && e.key === NCA_CONTROLLER ? { ...e, key: '{ingress-controller}' } : e)), d, c] as const);

/** The corners a configuration reaches, by what its YAML says: counted, so a summary shows the hunt reached them. */
const CORNERS: Record<string, RegExp> = {
  'policyTypes: []': /policyTypes: \[\]/,
  'policyTypes: [Egress, Ingress]': /policyTypes:\n\s+- Egress\n\s+- Ingress/,
  'sidecar ports': /restartPolicy: Always\n\s+ports:/,
  'plain init container ports': /- name: init\d\n\s+image: busybox:1.36\n\s+ports:/,
  hostNetwork: /hostNetwork: true/,
  Service: /kind: Service\n/,
  Ingress: /kind: Ingress\n/,
  'CIDR with host bits': /cidr: 10\.1\.2\.3\/16/,
  '/32 except': /- \d+\.\d+\.\d+\.\d+\/32/,
  'IPv6 block': /cidr: [0-9a-f]*::/,
  'from: [] or to: []': /(from|to): \[\]/,
  'ports: []': /ports: \[\]/,
};
const reached = new Map<string, number>();

describe('nca hunt', () => {
  it(`${RUNS} wide configurations per seed, seeds ${SEEDS.join(',')}${DUAL ? ', dual-stack' : ''}: ours equals nca 2.1.0, pair by pair`, () => {
    const nca = findNcaForTests();
    const work = mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-hunt-work-'));
    const found: string[] = [];
    let configs = 0;
    let pairs = 0;
    const started = Date.now();
    try {
      for (const seed of SEEDS) {
        const samples = fc.sample(wideConfiguration(SIZE, { ipv6: DUAL }), { seed, numRuns: RUNS });
        samples.forEach((docs, i) => {
          configs++;
          const yaml = toYaml(docs);
          for (const [name, re] of Object.entries(CORNERS)) if (re.test(yaml)) reached.set(name, (reached.get(name) ?? 0) + 1);
          const id = `seed${seed}-${i}`;
          const keep = (why: string, detail: string[]) => {
            const dir = path.join(OUT, id);
            mkdirSync(dir, { recursive: true });
            writeFileSync(path.join(dir, 'ours.yaml'), toYaml(docs));
            writeFileSync(path.join(dir, 'nca.yaml'), toYaml(wideNcaForm(docs)));
            writeFileSync(path.join(dir, 'diff.txt'), `${why}\n${detail.join('\n')}\n`);
            found.push(`${id}: ${why} (${detail.length}) e.g. ${detail[0] ?? ''}`);
          };
          const mine = oursTxt(path.join(work, 'ours'), docs);
          const mineNcaForm = oursTxt(path.join(work, 'ours-nca-form'), wideNcaForm(docs));
          if (mine.errors.length > 0) return keep('ours reports errors on a generated configuration', mine.errors);
          const mineRows = parseListing(mine.txt, 'netpol-analyzer');
          pairs += mineRows.length;
          const self = differingPairs(mineRows, parseListing(mineNcaForm.txt, 'netpol-analyzer'));
          if (self.length > 0) return keep('ours answers differently on the nca form', self);
          const ncaYaml = toYaml(wideNcaForm(docs));
          const ncaDir = path.join(work, 'nca');
          rmSync(ncaDir, { recursive: true, force: true });
          mkdirSync(ncaDir);
          writeFileSync(path.join(ncaDir, 'all.yaml'), ncaYaml);
          const r = spawnSync(nca, ['--connectivity', ncaDir, '-r', ncaDir, '-o', 'txt_no_fw_rules'], { encoding: 'utf8', timeout: 300_000 });
          if (r.status !== 0) return keep(`nca exited ${String(r.status)}`, [r.stderr.slice(-2000)]);
          // pairs towards nca's simulated pods (kube-dns, and its ingress controller as a destination) are not ours
          // nca models the IPv6 space only when some policy names an IPv6 block; ours, with
          // --ip-family dual, always (the pairs to and from it are then all-or-nothing, as for IPv4)
          const ncaHasIpv6 = /cidr: .*:/.test(ncaYaml);
          const skip = (k: string) => /-livesim\[/.test(k) || (!ncaHasIpv6 && k.includes(':'));
          const diffs = differingPairs(mineRows, asOurs(parseListing(r.stdout, 'nca')), skip);
          if (diffs.length > 0) keep('ours and nca differ (ours | nca)', diffs);
        });
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(
      `nca hunt: ${configs} configurations, ${pairs} pairs, ${seconds}s, ${found.length} differing (kept in ${OUT})\n` +
        `configurations reaching: ${[...reached].map(([k, n]) => `${k} ${n}`).join(', ')}\n${found.join('\n')}`,
    );
    expect(pairs).toBeGreaterThan(configs);
    expect(found).toEqual([]);
  });
});
