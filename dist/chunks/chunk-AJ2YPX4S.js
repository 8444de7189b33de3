import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  findGaps
} from "./chunk-RCIHDDST.js";
import {
  readTraffic
} from "./chunk-57HYVIXJ.js";
import {
  compareDeclaredObserved,
  mergeLinks
} from "./chunk-W3TQMIRJ.js";
import {
  scanTopology
} from "./chunk-AV2U6Z46.js";
import {
  loadInputs
} from "./chunk-BECTGLCW.js";

// src/pipeline/scan.ts
function runScan(io, paths, settings, options = {}) {
  const { load, diagnostics, values } = loadInputs(io, paths, settings);
  const result = scanTopology(load.cluster, { values });
  const gapsOf = (topology) => findGaps(load.cluster, topology);
  if (!options.traffic) return { topology: result.value, gaps: gapsOf(result.value), diagnostics: [...diagnostics, ...result.diagnostics] };
  const observed = withObservedTraffic(io, load.cluster, result.value, options.traffic, settings);
  return { topology: observed.topology, gaps: gapsOf(observed.topology), diagnostics: [...diagnostics, ...result.diagnostics, ...observed.diagnostics], traffic: observed.traffic };
}
function withObservedTraffic(io, cluster, scanned, request, settings) {
  const observed = readTraffic(io, cluster, request, settings);
  const declared = scanned.links;
  const { observedNotDeclared, declaredNotObserved } = compareDeclaredObserved(declared, observed.value.links);
  return {
    topology: { links: mergeLinks(declared, observed.value.links), unresolved: scanned.unresolved },
    traffic: { observedNotDeclared, declaredNotObserved, unresolved: observed.value.unresolved, summary: observed.value.summary },
    diagnostics: observed.diagnostics
  };
}

export {
  runScan,
  withObservedTraffic
};
