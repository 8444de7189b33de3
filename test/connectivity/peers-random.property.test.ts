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
import { renderConnectivityJson, renderConnectivityTxt } from '../../src/report/connectivity.js';
import { findNcaForTests, ncaMessage } from '../helpers/nca.js';
import { differingPairs, parseListing } from '../helpers/peer-pairs.js';
import { ncaForm, randomConfiguration, type Doc } from '../helpers/random-config.js';

/**
 * Whole random configurations (test/helpers/random-config.ts: every workload kind, owned pods,
 * namespaces without objects, every selector and rule shape) through our connectivity and through
 * nca 2.1.0, compared pair by pair. nca reads the configuration in a form that means the same
 * (`ncaForm`: see there for nca's four readings that differ from Kubernetes'); the first property
 * checks that ours gives one answer for both forms, so the comparison is of the same thing.
 *
 * FC_NUM_RUNS (in-process property) and FC_PEER_RUNS (one nca run each, about a second) override
 * the number of configurations; FC_SEED the seed.
 */
const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 300);
const PEER_RUNS = Number(process.env.FC_PEER_RUNS ?? 30);
const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined;

const toYaml = (docs: readonly Doc[]): string => docs.map((d) => stringify(d, { aliasDuplicateObjects: false })).join('---\n');

function ours(dir: string, docs: readonly Doc[]) {
  writeFileSync(path.join(dir, 'all.yaml'), toYaml(docs));
  return runConnectivity(nodeIo(), [dir], DEFAULT_READ_SETTINGS).connectivity;
}

function withDir<T>(prefix: string, f: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    return f(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('random configurations', () => {
  it('ours answers the same for a configuration and its nca form (Exists as In over every value, `egress: []` dropped, unlisted directions dropped, the value "" renamed); json and txt list the same pairs', () => {
    withDir('netpol-ci-random-', (dir) => {
      fc.assert(
        fc.property(randomConfiguration, (docs) => {
          const a = ours(dir, docs);
          const b = ours(dir, ncaForm(docs));
          const txt = renderConnectivityTxt(a);
          expect(differingPairs(parseListing(txt, 'netpol-analyzer'), parseListing(renderConnectivityTxt(b), 'netpol-analyzer'))).toEqual([]);
          const json = JSON.parse(renderConnectivityJson(a)) as { src: string; dst: string; conn: string }[];
          expect(json.map((r) => `${r.src} => ${r.dst} : ${r.conn}\n`).join('')).toBe(txt);
        }),
        { numRuns: NUM_RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
      );
    });
  }, 600_000);

  it('our connectivity equals nca 2.1.0 connectivity, pair by pair', () => {
    const nca = findNcaForTests();
    let pairs = 0;
    withDir('netpol-ci-random-nca-', (dir) => {
      const oursDir = path.join(dir, 'ours');
      const ncaDir = path.join(dir, 'nca');
      fc.assert(
        fc.property(randomConfiguration, (docs) => {
          for (const d of [oursDir, ncaDir]) {
            rmSync(d, { recursive: true, force: true });
            mkdirSync(d);
          }
          const mine = renderConnectivityTxt(ours(oursDir, docs));
          writeFileSync(path.join(ncaDir, 'all.yaml'), toYaml(ncaForm(docs)));
          const r = spawnSync(nca, ['--connectivity', ncaDir, '-r', ncaDir, '-o', 'txt_no_fw_rules'], { encoding: 'utf8', timeout: 120_000 });
          expect(r.status, ncaMessage(r)).toBe(0);
          const mineRows = parseListing(mine, 'netpol-analyzer');
          pairs += mineRows.length;
          // nca's simulated pods (kube-dns, the ingress controller) are not in the manifests
          const diffs = differingPairs(mineRows, parseListing(r.stdout, 'nca'), (k) => /-livesim\[/.test(k));
          if (diffs.length > 0) {
            // kept for a look: the configuration as ours read it, and nca's form
            const kept = mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-random-nca-diff-'));
            writeFileSync(path.join(kept, 'ours.yaml'), toYaml(docs));
            writeFileSync(path.join(kept, 'nca.yaml'), toYaml(ncaForm(docs)));
            diffs.unshift(`(ours | nca; configuration kept in ${kept})`);
          }
          expect(diffs).toEqual([]);
        }),
        // no shrinking: each step would be another nca run; the case is kept instead
        { numRuns: PEER_RUNS, endOnFailure: true, ...(SEED !== undefined ? { seed: SEED } : {}) },
      );
    });
    // the configurations are not all trivially empty
    expect(pairs).toBeGreaterThan(PEER_RUNS);
  }, 900_000);
});
