// The library stages the benchmark times, bundled by bench/run.mjs with esbuild into
// bench/out/stages.mjs. Add an export here when a new stage is added to bench/stage-defs.mjs.
export { readManifestFiles } from '../src/cli/inputs.js';
export { loadManifests } from '../src/manifests/load.js';
export { analyzeConnectivity } from '../src/connectivity/engine.js';
export { renderConnectivityTxt } from '../src/report/connectivity.js';
export { diffConnectivity } from '../src/connectivity/diff.js';
export { scanTopology } from '../src/topology/scan.js';
export { synthesizePolicies } from '../src/synthesis/synthesize.js';
export { renderPoliciesYaml } from '../src/report/policies.js';
