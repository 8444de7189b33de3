import type * as Sarif from 'sarif';
import path from 'node:path';
import { settleUnplaced } from '../report/sarif.js';
import { placeAnnotation, type OverlayAt } from './annotation-place.js';

/**
 * A SARIF log with every artifact location (results and their related locations) rewritten by
 * `fileOf`. The stage actions read files by absolute path under `working-directory`; code scanning
 * matches results to files by their path in the repository, so the uris must be repository paths.
 */
export function sarifWithPaths(text: string, fileOf: (file: string) => string, overlayAt?: OverlayAt): string {
  const log = JSON.parse(text) as Sarif.Log;
  // a place code scanning cannot open (a packaged subchart's member, a template as rendered) is
  // placed at the nearest real file, and the result's message keeps the full citation (placeAnnotation)
  // returns the locations kept: one with no real file to show (an overlay's output from a checkout no
  // longer on disk) is left out, never pointed at a file that does not exist
  const rewrite = (locations: Sarif.Location[] | undefined, cite?: (citation: string) => void): Sarif.Location[] | undefined => {
    if (!locations) return undefined;
    const kept: Sarif.Location[] = [];
    for (const l of locations) {
      kept.push(l);
      const physical = l.physicalLocation;
      const artifact = physical?.artifactLocation;
      if (!physical || artifact?.uri === undefined) continue;
      const read = artifact.uri;
      const shown = fileOf(read);
      // an overlay's kustomization is looked up where the report named it (readable here), and shown as fileOf maps it
      const overlayRead = overlayAt && (() => overlayAt(path.dirname(read)));
      const placed = placeAnnotation('', { file: shown, ...(physical.region?.startLine ? { line: physical.region.startLine } : {}) }, overlayRead);
      if (!placed.at) {
        kept.pop();
        cite?.(placed.message.trim());
        continue;
      }
      artifact.uri = placed.at.file;
      if (placed.at.file !== shown.replace(/ \[rendered(?: as [^\]]+)?\]$/, '')) {
        if (placed.at.line !== undefined) physical.region = { startLine: placed.at.line };
        else delete physical.region;
        cite?.(placed.message.trim());
      }
    }
    return kept;
  };
  for (const run of log.runs) {
    for (const r of run.results ?? []) {
      const locations = rewrite(r.locations, (citation) => {
        if (r.message.text !== undefined) r.message.text = `${r.message.text} ${citation}`;
      });
      if (locations) r.locations = locations;
      const related = rewrite(r.relatedLocations);
      if (related) r.relatedLocations = related;
    }
  }
  settleUnplaced(log);
  return `${JSON.stringify(log, null, 2)}\n`;
}
