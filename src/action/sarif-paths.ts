import type * as Sarif from 'sarif';

/**
 * A SARIF log with every artifact location (results and their related locations) rewritten by
 * `fileOf`. The stage actions read files by absolute path under `working-directory`; code scanning
 * matches results to files by their path in the repository, so the uris must be repository paths.
 */
export function sarifWithPaths(text: string, fileOf: (file: string) => string): string {
  const log = JSON.parse(text) as Sarif.Log;
  const rewrite = (locations: Sarif.Location[] | undefined) => {
    for (const l of locations ?? []) {
      const artifact = l.physicalLocation?.artifactLocation;
      if (artifact?.uri !== undefined) artifact.uri = fileOf(artifact.uri);
    }
  };
  for (const run of log.runs) {
    for (const r of run.results ?? []) {
      rewrite(r.locations);
      rewrite(r.relatedLocations);
    }
  }
  return `${JSON.stringify(log, null, 2)}\n`;
}
