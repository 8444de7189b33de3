import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  compareDeclaredObserved,
  findGaps,
  mergeLinks,
  readTraffic,
  scanTopology
} from "./chunk-7AUNVGQ4.js";
import {
  loadInputs
} from "./chunk-UMTN2JNT.js";

// src/pipeline/scan.ts
function runScan(io, paths, settings, options = {}) {
  const { load, diagnostics, values } = loadInputs(io, paths, settings);
  const result = scanTopology(load.cluster, { values });
  const gapsOf = (topology2) => findGaps(load.cluster, topology2);
  if (!options.traffic) return { topology: result.value, gaps: gapsOf(result.value), diagnostics: [...diagnostics, ...result.diagnostics] };
  const observed = readTraffic(io, load.cluster, options.traffic, settings);
  const declared = result.value.links;
  const { observedNotDeclared, declaredNotObserved } = compareDeclaredObserved(declared, observed.value.links);
  const topology = { links: mergeLinks(declared, observed.value.links), unresolved: result.value.unresolved };
  return {
    topology,
    gaps: gapsOf(topology),
    diagnostics: [...diagnostics, ...result.diagnostics, ...observed.diagnostics],
    traffic: { observedNotDeclared, declaredNotObserved, unresolved: observed.value.unresolved, summary: observed.value.summary }
  };
}

export {
  runScan
};
