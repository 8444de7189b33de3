/**
 * Everything user-facing that is not a result is a Diagnostic. Codes are stable (tests assert
 * codes, not prose); messages are built here and nowhere else.
 */
export interface SourceRef {
  readonly file: string;
  /** 1-based document index within the file. */
  readonly doc: number;
  readonly line?: number;
  readonly column?: number;
  /** YAML path of the field, e.g. ['spec', 'ingress', 0, 'ports', 1, 'port']. */
  readonly path?: readonly (string | number)[];
}

export type Severity = 'error' | 'warning' | 'info';

export const Codes = {
  /** A file could not be read. */
  unreadable: 'NPC001',
  /** A file exceeds the size limit. */
  tooLarge: 'NPC002',
  /** A file holds binary data. */
  binary: 'NPC003',
  /** A symlink points outside the scanned root. */
  symlinkEscape: 'NPC004',
  /** YAML syntax error. */
  yamlSyntax: 'NPC005',
  /** Too many aliases (a YAML bomb). */
  aliasBomb: 'NPC006',
  /** Duplicate mapping key. */
  duplicateKey: 'NPC007',
  /** A YAML document is not a Kubernetes object. */
  notKubernetes: 'NPC008',
  /** A Kubernetes kind that netpol-ci does not model. */
  skippedKind: 'NPC009',
  /** A field has the wrong type or value. */
  invalidField: 'NPC010',
  /** A YAML 1.1 value that YAML 1.2 reads differently (on, yes, 0755). */
  yaml11Trap: 'NPC011',
  /** endPort below port, or out of range. */
  invalidPortRange: 'NPC012',
  /** An invalid CIDR. */
  invalidCidr: 'NPC013',
  /** A named port that no destination container declares. */
  unresolvedNamedPort: 'NPC014',
  /** A path given on the command line does not exist or holds no manifests. */
  noInput: 'NPC015',
  /** Two objects share kind, namespace and name; the later one wins. */
  duplicateObject: 'NPC016',
  /** Admin policies sharing one priority: their relative order is undefined upstream. */
  samePriority: 'NPC017',
  /** A Service, Ingress or Route reference that resolves to nothing. */
  danglingReference: 'NPC018',
  /** Pods of one owner have different labels, so policies may treat them differently. */
  ownerLabelGap: 'NPC019',
  /** A document separator with text after it on the same line. */
  separatorText: 'NPC020',
  /** An unsupported or meaningless field value (e.g. policyTypes entry). */
  unsupportedValue: 'NPC021',
  /** helm template or kubectl kustomize failed, timed out or produced too much output. */
  renderFailed: 'NPC022',
  /** helm or kubectl is not installed (or HELM_PATH / KUBECTL_PATH is wrong). */
  toolMissing: 'NPC023',
  /** A chart's dependencies are not vendored under charts/. */
  chartDependencies: 'NPC024',
  // baseline rules (src/baseline/, issue 12): NPC100-NPC119
  /** A baseline rule file, or one of its rules, is invalid. */
  baselineInvalidRule: 'NPC100',
  /** A baseline rule file holds no rules. */
  baselineNoRules: 'NPC101',
  /** A baseline rule that can match nothing in the configuration (no source or no destination). */
  baselineRuleMatchesNothing: 'NPC102',
  /** synthesize --baseline: a deny rule removed (part of) a required link. */
  baselineLinkDropped: 'NPC103',
  /** A baseline rule is violated: a connection it forbids is allowed, or one it requires is blocked. */
  baselineViolation: 'NPC110',
  /** The built-in engine and nca disagree on a baseline rule. */
  baselineDisagreement: 'NPC111',
  /** nca could not decide a rule (missing, timed out, failed, or an input it does not support). */
  baselineEngineNote: 'NPC112',
} as const;
export type DiagnosticCode = (typeof Codes)[keyof typeof Codes];

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly at?: SourceRef;
  readonly hint?: string;
}

export function diag(code: DiagnosticCode, severity: Severity, message: string, at?: SourceRef, hint?: string): Diagnostic {
  return { code, severity, message, ...(at ? { at } : {}), ...(hint ? { hint } : {}) };
}

/** `spec.ingress[0].ports[1].port` */
export function formatPath(path: readonly (string | number)[] | undefined): string {
  if (!path || path.length === 0) return '';
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/** `deploy/np.yaml:14:9 [doc 2] error NPC012 spec.ingress[0].ports[1].endPort: endPort (80) < port (443)` */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.at
    ? `${d.at.file}${d.at.line !== undefined ? `:${d.at.line}` : ''}${d.at.column !== undefined ? `:${d.at.column}` : ''}${d.at.doc > 0 ? ` [doc ${d.at.doc}]` : ''} `
    : '';
  const field = d.at?.path && d.at.path.length > 0 ? `${formatPath(d.at.path)}: ` : '';
  return `${where}${d.severity} ${d.code} ${field}${d.message}${d.hint ? ` (${d.hint})` : ''}`;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fa = a.at?.file ?? '';
  const fb = b.at?.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  const da = a.at?.doc ?? 0;
  const db = b.at?.doc ?? 0;
  if (da !== db) return da - db;
  const la = a.at?.line ?? 0;
  const lb = b.at?.line ?? 0;
  if (la !== lb) return la - lb;
  const ca = a.at?.column ?? 0;
  const cb = b.at?.column ?? 0;
  if (ca !== cb) return ca - cb;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

export interface StageResult<T> {
  readonly value: T;
  readonly diagnostics: readonly Diagnostic[];
}
