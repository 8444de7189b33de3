import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  placeAnnotation
} from "./chunk-KKOF7SBX.mjs";

// src/action/sarif-paths.ts
function sarifWithPaths(text, fileOf) {
  const log = JSON.parse(text);
  const rewrite = (locations, cite) => {
    for (const l of locations ?? []) {
      const physical = l.physicalLocation;
      const artifact = physical?.artifactLocation;
      if (!physical || artifact?.uri === void 0) continue;
      const shown = fileOf(artifact.uri);
      const placed = placeAnnotation("", { file: shown, ...physical.region?.startLine ? { line: physical.region.startLine } : {} });
      artifact.uri = placed.at.file;
      if (placed.at.file !== shown.replace(/ \[rendered(?: as [^\]]+)?\]$/, "")) {
        delete physical.region;
        cite?.(placed.message.trim());
      }
    }
  };
  for (const run of log.runs) {
    for (const r of run.results ?? []) {
      rewrite(r.locations, (citation) => {
        if (r.message.text !== void 0) r.message.text = `${r.message.text} ${citation}`;
      });
      rewrite(r.relatedLocations);
    }
  }
  return `${JSON.stringify(log, null, 2)}
`;
}

export {
  sarifWithPaths
};
