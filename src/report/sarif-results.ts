import type * as Sarif from 'sarif';
import { settleUnplaced } from './sarif.js';

/**
 * SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/), as GitHub code scanning reads
 * it. Generic: any check that produces located findings (baseline, drift, gaps) maps them to
 * `SarifResult`s and renders them here.
 */
export interface SarifLocation {
  /** A path relative to the repository root (or as the user gave it). */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** What this location is (for related locations): "the rule", "the policy that allows it". */
  readonly message?: string;
}

export interface SarifRule {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: string;
  readonly fullDescription: string;
  readonly level: SarifLevel;
}

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifResult {
  readonly ruleId: string;
  readonly level: SarifLevel;
  readonly message: string;
  readonly location?: SarifLocation;
  readonly related?: readonly SarifLocation[];
  /** A stable identity of the finding across runs (GitHub uses it to track alerts). */
  readonly fingerprint: string;
}

export interface SarifTool {
  readonly name: string;
  readonly version: string;
  readonly informationUri: string;
}

function physical(l: SarifLocation): Record<string, unknown> {
  const uri = l.file.replace(/\\/g, '/').replace(/^\.\//, '');
  return {
    artifactLocation: { uri: encodeURI(uri), ...(uri.startsWith('/') ? {} : { uriBaseId: '%SRCROOT%' }) },
    ...(l.line !== undefined ? { region: { startLine: Math.max(1, l.line), ...(l.column !== undefined ? { startColumn: Math.max(1, l.column) } : {}) } } : {}),
  };
}

/** One run of one tool; rules and results keep the order given (callers sort them). */
export function renderSarif(tool: SarifTool, rules: readonly SarifRule[], results: readonly SarifResult[]): string {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            informationUri: tool.informationUri,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: r.shortDescription },
              fullDescription: { text: r.fullDescription },
              defaultConfiguration: { level: r.level },
            })),
          },
        },
        results: results.map((r) => ({
          ruleId: r.ruleId,
          ...(ruleIndex.has(r.ruleId) ? { ruleIndex: ruleIndex.get(r.ruleId) } : {}),
          level: r.level,
          message: { text: r.message },
          ...(r.location ? { locations: [{ physicalLocation: physical(r.location) }] } : {}),
          ...(r.related && r.related.length > 0
            ? { relatedLocations: r.related.map((l, i) => ({ id: i + 1, physicalLocation: physical(l), ...(l.message ? { message: { text: l.message } } : {}) })) }
            : {}),
          partialFingerprints: { 'netpolCiFinding/v1': r.fingerprint },
        })),
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
  settleUnplaced(log as unknown as Sarif.Log);
  return `${JSON.stringify(log, null, 2)}\n`;
}
