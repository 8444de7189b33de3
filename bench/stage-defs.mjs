// The timed stages, one entry each. bench/stage-worker.mjs runs one entry in a fresh process:
// `prepare` (untimed: whatever the stage needs as input), then `run` (timed). `requires` names
// the exports of the bench bundle (bench/stages.ts) the entry needs; an entry whose exports are
// missing is skipped with a note, so a stage can be listed before its code lands.
//
// To add a stage (diff, scan, synthesize): export its function from bench/stages.ts and add an
// entry here, e.g.
//   { name: 'diff', what: 'semantic diff', requires: ['diffConnectivity'],
//     inputs: (n) => [appDir(n), appDir(n, true)],
//     prepare: (lib, [a, b]) => ({ a: evaluated(lib, a), b: evaluated(lib, b) }),
//     run: (lib, { a, b }) => { const d = lib.diffConnectivity(a.value, b.value); return { summary: `${d.length} changes` }; } }
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appDir } from './generate.mjs';
import { baselineRulesYaml } from './baseline-rules.mjs';

/** Read and load one folder; returns the cluster and the diagnostics of reading and loading. */
function loaded(lib, dir) {
  const read = lib.readManifestFiles([dir]);
  const load = lib.loadManifests(read.files);
  return { load, diagnostics: [...read.diagnostics, ...load.diagnostics] };
}

function evaluated(lib, dir) {
  const { load } = loaded(lib, dir);
  return lib.analyzeConnectivity(load.cluster);
}

/**
 * @typedef {{ diagnostics?: readonly { severity: string }[], summary?: string, keep?: unknown }} StageOutput
 * @typedef {{ name: string, what: string, requires: string[], inputs: (n: number) => string[],
 *   prepare: (lib: any, inputs: string[]) => any, run: (lib: any, ctx: any) => StageOutput, maxN?: number }} StageDef
 *
 * `maxN`: the largest size the stage runs at (default 5,000): at 20,000 and 50,000 workloads only
 * loading, evaluation and the end-to-end connectivity and check runs are timed, as issue 16 asks.
 */

/** The largest size of the stages without their own `maxN`. */
export const DEFAULT_MAX_N = 5000;

/** @type {StageDef[]} */
export const STAGES = [
  {
    name: 'load',
    what: 'read + parse + model',
    maxN: Infinity,
    requires: ['readManifestFiles', 'loadManifests'],
    inputs: (n) => [appDir(n)],
    prepare: (_lib, [dir]) => ({ dir }),
    run: (lib, { dir }) => {
      const r = loaded(lib, dir);
      return { diagnostics: r.diagnostics, summary: `${r.load.cluster.workloads.length} workloads, ${r.load.documents.length} documents`, keep: r };
    },
  },
  {
    name: 'evaluate',
    what: 'connectivity (analyzeConnectivity)',
    maxN: Infinity,
    requires: ['readManifestFiles', 'loadManifests', 'analyzeConnectivity'],
    inputs: (n) => [appDir(n)],
    prepare: (lib, [dir]) => loaded(lib, dir).load.cluster,
    run: (lib, cluster) => {
      const r = lib.analyzeConnectivity(cluster);
      return { diagnostics: r.diagnostics, summary: `${r.value.connections.length} connections, ${r.engine.classes.all.length} pod classes`, keep: r };
    },
  },
  {
    name: 'render',
    what: 'txt report',
    requires: ['readManifestFiles', 'loadManifests', 'analyzeConnectivity', 'renderConnectivityTxt'],
    inputs: (n) => [appDir(n)],
    prepare: (lib, [dir]) => evaluated(lib, dir).value,
    run: (lib, connectivity) => {
      const text = lib.renderConnectivityTxt(connectivity);
      return { summary: `${text.length} chars`, keep: text };
    },
  },
  {
    name: 'diff',
    what: 'semantic diff of two evaluated apps (about 5% of policies changed)',
    requires: ['readManifestFiles', 'loadManifests', 'analyzeConnectivity', 'diffConnectivity'],
    inputs: (n) => [appDir(n), appDir(n, true)],
    prepare: (lib, [a, b]) => ({ a: evaluated(lib, a).value, b: evaluated(lib, b).value }),
    run: (lib, { a, b }) => {
      const d = lib.diffConnectivity(a, b);
      return { summary: `${d.entries.length} changed pairs`, keep: d };
    },
  },
  {
    name: 'scan',
    what: 'required links with provenance (scanTopology)',
    requires: ['readManifestFiles', 'loadManifests', 'scanTopology'],
    inputs: (n) => [appDir(n)],
    prepare: (lib, [dir]) => loaded(lib, dir).load.cluster,
    run: (lib, cluster) => {
      const r = lib.scanTopology(cluster);
      return { diagnostics: r.diagnostics, summary: `${r.value.links.length} links, ${r.value.unresolved.length} unresolved`, keep: r };
    },
  },
  {
    name: 'synthesize',
    what: 'policies from links, rendered as YAML',
    requires: ['readManifestFiles', 'loadManifests', 'scanTopology', 'synthesizePolicies', 'renderPoliciesYaml'],
    inputs: (n) => [appDir(n)],
    prepare: (lib, [dir]) => {
      const cluster = loaded(lib, dir).load.cluster;
      return { cluster, links: lib.scanTopology(cluster).value.links };
    },
    run: (lib, { cluster, links }) => {
      const r = lib.synthesizePolicies(cluster, links);
      const text = lib.renderPoliciesYaml(r.value.policies);
      return { summary: `${r.value.policies.length} policies, ${text.length} chars`, keep: text };
    },
  },
  {
    name: 'verify',
    what: 'repo drift against its own synthesized policies (scan, evaluate, compare; loading apart)',
    requires: ['readManifestFiles', 'loadManifests', 'scanTopology', 'synthesizePolicies', 'renderPoliciesYaml', 'layoutPolicies', 'nodeIo', 'loadRepoDrift', 'repoDriftOf'],
    inputs: (n) => [appDir(n)],
    prepare: (lib, [dir]) => {
      // the app's own synthesized policies, written where --policies would read them
      const cluster = loaded(lib, dir).load.cluster;
      const policies = lib.synthesizePolicies(cluster, lib.scanTopology(cluster).value.links).value.policies;
      const target = `${dir}-verify-policies`;
      rmSync(target, { recursive: true, force: true });
      mkdirSync(target, { recursive: true });
      for (const [file, text] of lib.layoutPolicies(policies, { kind: 'folder', dir: target }, lib.renderPoliciesYaml)) writeFileSync(file, text);
      const request = { paths: [dir], policies: target, synthesis: lib.DEFAULT_SYNTHESIS_OPTIONS };
      return { request, loaded: lib.loadRepoDrift(lib.nodeIo(), request, lib.DEFAULT_READ_SETTINGS) };
    },
    run: (lib, { request, loaded: l }) => {
      const r = lib.repoDriftOf(l, request, lib.DEFAULT_READ_SETTINGS);
      return { summary: `${r.drift.missing.length} missing, ${r.drift.excess.length} excess, ${r.drift.needsChecked} needs checked`, keep: r };
    },
  },
  {
    name: 'baseline',
    what: 'built-in baseline check of 50 rules (checkBaseline, on the evaluated app)',
    requires: ['readManifestFiles', 'loadManifests', 'analyzeConnectivity', 'parseRuleFile', 'checkBaseline'],
    inputs: (n) => [appDir(n)],
    prepare: (lib, [dir]) => {
      const cluster = loaded(lib, dir).load.cluster;
      const rules = lib.parseRuleFile('bench-rules.yaml', baselineRulesYaml(cluster));
      const r = lib.analyzeConnectivity(cluster);
      return { cluster, engine: r.engine, connectivity: r.value, rules: { rules: rules.rules, defaults: rules.defaults } };
    },
    run: (lib, { cluster, engine, connectivity, rules }) => {
      const v = lib.checkBaseline(cluster, engine, connectivity, rules);
      const violated = new Set(v.map((x) => x.rule.rule?.name ?? 'default')).size;
      return { summary: `${rules.rules.length} rules, ${violated} violated, ${v.length} violations`, keep: v };
    },
  },
];

/**
 * nca's answer for the same 50 rules, scoped per rule, in one nca process with a time budget:
 * run once, for the largest app, and printed beside the built-in check (bench/nca-baseline.mjs).
 */
export const NCA_BASELINE = { budgetSeconds: Number(process.env.BENCH_NCA_BUDGET ?? 600) };

/**
 * Whole CLI runs, timed from outside (node start-up included). `args` are given to
 * `node dist/cli.js`; stdout goes to bench/out/<file>. `before` runs untimed before each run, with
 * a state object the entries of one round share (the cache folder of the warm check); an entry
 * whose `before` returns `{ skip }` is not run that round. `maxN` as for the stages.
 */
const checkArgs = (n) => ['check', '--base', appDir(n), '--head', appDir(n, true), '--quiet'];
export const E2E = [
  { name: 'e2e connectivity', args: (n) => ['connectivity', appDir(n)], out: (n) => `connectivity-${n}.txt`, maxN: Infinity },
  // every run as a first one: V8 compiles the CLI's code again (src/io/code-cache.ts)
  { name: 'e2e connectivity, no code cache', args: (n) => ['connectivity', appDir(n)], out: (n) => `connectivity-${n}-no-code-cache.txt`, env: { NODE_DISABLE_COMPILE_CACHE: '1' } },
  { name: 'e2e diff', args: (n) => ['diff', appDir(n), appDir(n, true)], out: (n) => `diff-${n}.txt` },
  { name: 'e2e synthesize', args: (n) => ['synthesize', appDir(n), '--quiet'], out: (n) => `policies-${n}.yaml` },
  // the PR check between two versions (5% of policies changed): render, scan, connectivity and diff on both sides, causes, broken links, the Markdown
  { name: 'e2e check', args: checkArgs, out: (n) => `check-${n}.md`, maxN: 20000 },
  // the same check with --cache-dir: a fresh, empty folder (the first push: computes and stores) ...
  {
    name: 'e2e check cache 1st',
    before: (_n, state) => {
      if (state.cacheDir) rmSync(state.cacheDir, { recursive: true, force: true });
      state.cacheDir = mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-bench-cache-'));
    },
    args: (n, state) => [...checkArgs(n), '--cache-dir', state.cacheDir],
    out: (n) => `check-${n}-cache-1st.md`,
  },
  // ... then again with the folder the first run filled (a re-run, or a push that left the manifests as they were)
  {
    name: 'e2e check cache 2nd',
    before: (_n, state) => (state.cacheDir ? undefined : { skip: 'the first run did not run' }),
    args: (n, state) => [...checkArgs(n), '--cache-dir', state.cacheDir],
    out: (n) => `check-${n}-cache-2nd.md`,
    after: (_n, state) => {
      rmSync(state.cacheDir, { recursive: true, force: true });
      state.cacheDir = undefined;
    },
    /** Byte-identical to the run without a cache, or the bench says so. */
    sameAs: 'e2e check',
  },
];

/**
 * Targets checked after the runs (RSS in MiB, so 1 GiB is 1024). `issue: 16` marks the targets
 * of issue 16 (performance at monorepo scale); `peer` targets are ratios of a peer's time to
 * ours in the same run (at least `minRatio` times slower).
 */
export const TARGETS = [
  { stage: 'e2e connectivity', n: 5000, maxMs: 1000, maxRssMiB: 1024, label: 'connectivity of 5,000 workloads end-to-end', issue: 16 },
  { stage: 'e2e connectivity', n: 20000, maxMs: 5000, maxRssMiB: 1024, label: 'connectivity of 20,000 workloads end-to-end', issue: 16 },
  { stage: 'e2e connectivity', n: 50000, maxMs: 15000, maxRssMiB: 2048, label: 'connectivity of 50,000 workloads end-to-end', issue: 16 },
  { stage: 'e2e check', n: 5000, maxMs: 3000, label: 'check between two 5,000-workload apps (5% of policies changed), no cache', issue: 16 },
  { stage: 'e2e check cache 2nd', n: 5000, maxMs: 1500, label: 'the same check again with a warm --cache-dir', issue: 16 },
  { stage: 'e2e check', n: 20000, maxMs: 10000, label: 'check between two 20,000-workload apps, no cache', issue: 16 },
  { peer: 'netpol-analyzer', n: 1000, minRatio: 100, label: 'netpol-analyzer (netpolicy list) at 1,000 workloads vs our connectivity', issue: 16 },
  { peer: 'nca', n: 300, minRatio: 200, label: 'nca --connectivity at 300 workloads vs our connectivity', issue: 16 },
  { stage: 'e2e connectivity, no code cache', n: 5000, maxMs: 1000, label: 'connectivity of 5,000 workloads end-to-end, as a first run (no code cache)' },
  { stage: 'e2e diff', n: 5000, maxMs: 3000, maxRssMiB: 1536, label: 'diff of two 5,000-workload apps end-to-end' },
  { stages: ['scan', 'synthesize'], n: 5000, maxMs: 2000, label: 'scan + synthesize stages of 5,000 workloads' },
  { stage: 'verify', n: 5000, maxMs: 2000, label: 'verify (repo drift) of 5,000 workloads against their own policies' },
  { stage: 'baseline', n: 5000, maxMs: 1000, label: 'built-in baseline check of 50 rules on 5,000 workloads' },
];
