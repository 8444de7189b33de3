import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);

// src/action/sarif-paths.ts
function sarifWithPaths(text, fileOf) {
  const log = JSON.parse(text);
  const rewrite = (locations) => {
    for (const l of locations ?? []) {
      const artifact = l.physicalLocation?.artifactLocation;
      if (artifact?.uri !== void 0) artifact.uri = fileOf(artifact.uri);
    }
  };
  for (const run of log.runs) {
    for (const r of run.results ?? []) {
      rewrite(r.locations);
      rewrite(r.relatedLocations);
    }
  }
  return `${JSON.stringify(log, null, 2)}
`;
}

export {
  sarifWithPaths
};
