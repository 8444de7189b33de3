// The library stages the benchmark times, bundled by bench/run.mjs with esbuild into
// bench/out/stages.mjs. Add an export here when a new stage is added to bench/stage-defs.mjs.
import { readManifestFiles as read } from '../src/io/files.js';
import { RenderCache } from '../src/io/render.js';
import { DEFAULT_READ_SETTINGS } from '../src/pipeline/settings.js';

/** Reads the manifest files under the paths with the default settings and a fresh run cache. */
export const readManifestFiles = (paths: readonly string[]) => read(paths, DEFAULT_READ_SETTINGS, new RenderCache());
export { loadManifests } from '../src/manifests/load.js';
export { analyzeConnectivity } from '../src/connectivity/engine.js';
export { renderConnectivityTxt } from '../src/report/connectivity.js';
export { diffConnectivity } from '../src/connectivity/diff.js';
export { scanTopology } from '../src/topology/scan.js';
export { synthesizePolicies } from '../src/synthesis/synthesize.js';
export { renderPoliciesYaml } from '../src/report/policies.js';
export { loadRepoDrift, repoDriftOf } from '../src/pipeline/verify.js';
export { nodeIo } from '../src/io/node-io.js';
export { DEFAULT_SYNTHESIS_OPTIONS } from '../src/synthesis/synthesize.js';
export { layoutPolicies } from '../src/synthesis/layout.js';
export { DEFAULT_READ_SETTINGS } from '../src/pipeline/settings.js';
// traffic: trace files
export { observeTraffic } from '../src/topology/traffic/ingest.js';
export { forEachLine, traceCut } from '../src/io/traffic.js';
export { readTraffic } from '../src/pipeline/traffic.js';
export { parseRuleFile } from '../src/baseline/rules.js';
export { checkBaseline } from '../src/baseline/check.js';
export { buildNcaBatch, mergeNcaBatches, parseNcaAnswer } from '../src/baseline/nca-query.js';
export { findNca, runNcaScheme } from '../src/io/nca.js';
export { runBaseline } from '../src/pipeline/baseline.js';
