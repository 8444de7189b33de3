import type * as Sarif from 'sarif';
import { placeAnnotation } from './annotation-place.js';

/**
 * A SARIF log with every artifact location (results and their related locations) rewritten by
 * `fileOf`. The stage actions read files by absolute path under `working-directory`; code scanning
 * matches results to files by their path in the repository, so the uris must be repository paths.
 */
export function sarifWithPaths(text: string, fileOf: (file: string) => string): string {
  const log = JSON.parse(text) as Sarif.Log;
  // a place code scanning cannot open (a packaged subchart's member, a template as rendered) is
  // placed at the nearest real file, and the result's message keeps the full citation (placeAnnotation)
  const rewrite = (locations: Sarif.Location[] | undefined, cite?: (citation: string) => void) => {
    for (const l of locations ?? []) {
      const physical = l.physicalLocation;
      const artifact = physical?.artifactLocation;
      if (!physical || artifact?.uri === undefined) continue;
      const shown = fileOf(artifact.uri);
      const placed = placeAnnotation('', { file: shown, ...(physical.region?.startLine ? { line: physical.region.startLine } : {}) });
      artifact.uri = placed.at.file;
      if (placed.at.file !== shown.replace(/ \[rendered(?: as [^\]]+)?\]$/, '')) {
        delete physical.region;
        cite?.(placed.message.trim());
      }
    }
  };
  for (const run of log.runs) {
    for (const r of run.results ?? []) {
      rewrite(r.locations, (citation) => {
        if (r.message.text !== undefined) r.message.text = `${r.message.text} ${citation}`;
      });
      rewrite(r.relatedLocations);
    }
  }
  return `${JSON.stringify(log, null, 2)}\n`;
}
