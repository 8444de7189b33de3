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
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
