/**
 * SARIF 2.1.0 for findings at manifest lines (gaps, violations, drift), for
 * `github/codeql-action/upload-sarif`: one rule per finding kind, one result per finding, located
 * at its repository path and line. Sorted, so the same findings give the same bytes.
 */
export interface SarifFinding {
  /** Stable rule id, e.g. `gap/no-such-service`. */
  readonly rule: string;
  readonly level: 'error' | 'warning' | 'notice';
  /** Repository-relative path. */
  readonly file: string;
  readonly line?: number;
  readonly message: string;
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', notice: 'note' } as const;

export function renderFindingsSarif(findings: readonly SarifFinding[], tool: { readonly version: string; readonly rules: Readonly<Record<string, string>> }): string {
  const sorted = [...findings].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message));
  const ruleIds = [...new Set(sorted.map((f) => f.rule))].sort();
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'netpol-ci',
            version: tool.version,
            informationUri: 'https://github.com/netpol-ci/netpol-ci',
            rules: ruleIds.map((id) => ({ id, shortDescription: { text: tool.rules[id] ?? id } })),
          },
        },
        results: sorted.map((f) => ({
          ruleId: f.rule,
          ruleIndex: ruleIds.indexOf(f.rule),
          level: SARIF_LEVEL[f.level],
          message: { text: f.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: f.file.split('\\').join('/'), uriBaseId: '%SRCROOT%' }, ...(f.line ? { region: { startLine: f.line } } : {}) } }],
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
