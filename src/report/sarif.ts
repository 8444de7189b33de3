import type * as Sarif from 'sarif';

/**
 * A minimal, generic SARIF 2.1.0 log: one run, the tool's rules, and results with a rule id, a
 * level, a message and (when known) a file location. Code scanning and most SARIF viewers read it.
 */
export interface SarifRule {
  readonly id: string;
  readonly description: string;
}

export interface SarifResult {
  readonly ruleId: string;
  readonly level: 'error' | 'warning' | 'note';
  readonly message: string;
  readonly location?: { readonly file: string; readonly line?: number; readonly column?: number };
}

export interface SarifLog {
  readonly tool: { readonly name: string; readonly version: string; readonly informationUri?: string; readonly rules: readonly SarifRule[] };
  readonly results: readonly SarifResult[];
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export function renderSarif(log: SarifLog): string {
  // typed by @types/sarif, and validated against the SARIF 2.1.0 JSON schema in test/report/sarif.test.ts
  const sarif: Sarif.Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: log.tool.name,
            version: log.tool.version,
            ...(log.tool.informationUri ? { informationUri: log.tool.informationUri } : {}),
            rules: log.tool.rules.map((r) => ({ id: r.id, shortDescription: { text: r.description } })),
          },
        },
        results: log.results.map((r) => ({
          ruleId: r.ruleId,
          ruleIndex: log.tool.rules.findIndex((x) => x.id === r.ruleId),
          level: r.level,
          message: { text: r.message },
          ...(r.location
            ? {
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: r.location.file.split('\\').join('/') },
                      ...(r.location.line !== undefined ? { region: { startLine: r.location.line, ...(r.location.column !== undefined ? { startColumn: r.location.column } : {}) } } : {}),
                    },
                  },
                ],
              }
            : {}),
        })),
      },
    ],
  };
  settleUnplaced(sarif);
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/**
 * GitHub code scanning refuses a whole upload when one result has no location ("locationFromSarifResult:
 * expected at least one location"; SARIF itself allows none), so no result is left without one: a
 * result with no place of its own takes its first related location (the rule, the policy), and one
 * with no place at all moves from `results` to the run's tool execution notifications, where the log
 * keeps its level and message (the reports and the PR comment list it in full).
 */
export function settleUnplaced(log: Sarif.Log): void {
  for (const run of log.runs) {
    if (!run.results) continue;
    const placed: Sarif.Result[] = [];
    const notes: Sarif.Notification[] = [];
    for (const r of run.results) {
      if (r.locations && r.locations.length > 0) {
        placed.push(r);
        continue;
      }
      const related = r.relatedLocations?.find((l) => l.physicalLocation?.artifactLocation?.uri !== undefined);
      if (related) {
        const { id: _id, message: _message, ...location } = related;
        r.locations = [location];
        placed.push(r);
        continue;
      }
      notes.push({ level: r.level === 'none' ? 'note' : (r.level ?? 'warning'), message: { text: r.message.text ?? '' }, ...(r.ruleId ? { associatedRule: { id: r.ruleId } } : {}) });
    }
    run.results = placed;
    if (notes.length > 0) run.invocations = [...(run.invocations ?? []), { executionSuccessful: true, toolExecutionNotifications: notes }];
  }
}
