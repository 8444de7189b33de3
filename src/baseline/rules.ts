import { z } from 'zod';
import { Codes, diag, type Diagnostic, type SourceRef } from '../diagnostics/diagnostic.js';
import { parseManifestFile, type ParsedDocument } from '../manifests/documents.js';
import { locate } from '../manifests/positions.js';
import { NAMESPACE_NAME_LABEL } from '../manifests/cluster.js';
import { ConnectionSet, PROTOCOLS, type Protocol } from '../model/connection-set.js';
import { IntervalSet } from '../model/interval-set.js';
import { formatRange, parseCidr, type IpRange } from '../model/ip.js';
import { formatRequirements, parseRequirements, type LabelRequirements } from './selector.js';

/**
 * Baseline rules: organisation-wide assertions on connectivity. Two file formats are read:
 *
 * - np-guard's baseline-rules (used by baseline-rules-verifier): a YAML list of rules;
 * - netalchemy's nca-compatible format: a map with an optional `default: deny|allow` and `rules:`,
 *   whose selectors may name the namespace with the `namespace` key (`namespace=o11y,app=api`).
 *
 * Each rule is an independent assertion: `allow` = every connection it describes must be
 * permitted; `deny` = none of them may be. `default: deny` adds one more: nothing outside the
 * file's allow rules is permitted.
 */

/** One side of a rule: workloads chosen by labels (and namespace labels), or an address range, or anything. */
export type Endpoint =
  | {
      readonly kind: 'pods';
      /** Pod label requirements (empty = every pod). */
      readonly pods: LabelRequirements;
      /** Namespace label requirements (empty = every namespace). */
      readonly namespaces: LabelRequirements;
    }
  | { readonly kind: 'cidr'; readonly range: IpRange; readonly text: string }
  /** No selector at all: every workload and every address outside the cluster (sources only; see README). */
  | { readonly kind: 'any' };

export type RuleAction = 'allow' | 'deny';

export interface BaselineRule {
  readonly name: string;
  readonly description: string;
  readonly action: RuleAction;
  readonly from: Endpoint;
  readonly to: Endpoint;
  /** The connections the rule is about (protocol x port range; all when neither is given). */
  readonly conns: ConnectionSet;
  readonly origin: SourceRef;
  /** Which format the rule was read from. */
  readonly format: RuleFormat;
}

export type RuleFormat = 'np-guard' | 'netalchemy';

/** A file's `default: deny`: allowed connections that no allow rule of the file covers are violations. */
export interface DefaultDeny {
  readonly file: string;
  readonly origin: SourceRef;
  /** The allow rules of the file (the coverage). */
  readonly allowRules: readonly BaselineRule[];
}

export interface RuleSet {
  readonly rules: readonly BaselineRule[];
  readonly defaults: readonly DefaultDeny[];
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const port = z.number({ error: 'expected a port number' }).int({ error: 'expected an integer port' }).min(1, { error: 'a port must be in 1-65535' }).max(65535, { error: 'a port must be in 1-65535' });
const selectorText = z.string({ error: 'expected a selector string' });

/** One rule as written (np-guard's keys; netalchemy uses the same per-rule fields). */
const RuleSchema = z.strictObject(
  {
    name: z.string({ error: 'expected a string' }).max(253, { error: 'at most 253 characters' }).regex(DNS_SUBDOMAIN, { error: 'must be a DNS subdomain name (lower-case alphanumerics, "-", ".")' }).optional(),
    description: z.string({ error: 'expected a string' }).optional(),
    action: z.enum(['allow', 'deny'], { error: 'expected allow or deny' }).optional(),
    from: selectorText.optional(),
    to: selectorText.optional(),
    from_ns: selectorText.optional(),
    to_ns: selectorText.optional(),
    protocol: z.enum(['TCP', 'UDP', 'SCTP'], { error: 'expected TCP, UDP or SCTP' }).optional(),
    port_min: port.optional(),
    port_max: port.optional(),
  },
  { error: (i) => (i.code === 'unrecognized_keys' ? `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.join(', ')} (a rule has name, description, action, from, to, from_ns, to_ns, protocol, port_min, port_max)` : 'expected a rule (a map)') },
);
type RawRule = z.infer<typeof RuleSchema>;

const NpGuardFileSchema = z.array(z.unknown(), { error: 'expected a list of rules' });
const NetalchemyFileSchema = z.strictObject(
  {
    default: z.enum(['allow', 'deny'], { error: 'expected allow or deny' }).optional(),
    rules: z.array(z.unknown(), { error: 'expected a list of rules' }),
  },
  { error: (i) => (i.code === 'unrecognized_keys' ? `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.join(', ')} (expected default and rules)` : 'expected a list of rules, or a map with rules:') },
);

type Path = readonly (string | number)[];

class RuleReader {
  readonly diagnostics: Diagnostic[] = [];
  constructor(
    private readonly doc: ParsedDocument,
    private readonly format: RuleFormat,
  ) {}

  at(path: Path): SourceRef {
    return locate(this.doc, path);
  }

  error(path: Path, message: string): void {
    this.diagnostics.push(diag(Codes.baselineInvalidRule, 'error', message, this.at(path)));
  }

  /** netalchemy: a `namespace=x` (or `namespace in (...)`) requirement names the namespace. */
  private splitNamespace(text: string, path: Path): { pods: LabelRequirements; namespaces: LabelRequirements } | undefined {
    const parsed = parseRequirements(text);
    if (!parsed.ok) {
      this.error(path, parsed.error);
      return undefined;
    }
    if (this.format !== 'netalchemy') return { pods: parsed.value, namespaces: [] };
    const pods = parsed.value.filter((r) => r.key !== 'namespace');
    const namespaces = parsed.value.filter((r) => r.key === 'namespace').map((r) => ({ ...r, key: NAMESPACE_NAME_LABEL }));
    return { pods, namespaces };
  }

  private endpoint(raw: RawRule, side: 'from' | 'to', path: Path): Endpoint | undefined {
    const text = raw[side]?.trim() ?? '';
    const nsField = side === 'from' ? 'from_ns' : 'to_ns';
    const nsText = raw[nsField]?.trim() ?? '';
    let namespaces: LabelRequirements = [];
    if (nsText) {
      if (parseCidr(nsText) || /^[0-9a-f:.]+\/\d+$/i.test(nsText)) {
        this.error([...path, nsField], 'a namespace selector cannot be a CIDR');
        return undefined;
      }
      const parsed = parseRequirements(nsText);
      if (!parsed.ok) {
        this.error([...path, nsField], parsed.error);
        return undefined;
      }
      namespaces = parsed.value;
    }
    // '*' (the CSV form of np-guard's examples) and an empty string mean "no selector"
    if (text === '' || text === '*') return nsText ? { kind: 'pods', pods: [], namespaces } : { kind: 'any' };
    const range = parseCidr(text);
    if (range && /\//.test(text)) {
      if (nsText) {
        this.error([...path, nsField], `${nsField} cannot be combined with a CIDR in ${side}`);
        return undefined;
      }
      return { kind: 'cidr', range, text: formatCidrText(text) };
    }
    if (/^[0-9a-f:.]+\/\d+$/i.test(text) || /^\d+\.\d+\.\d+\.\d+$/.test(text)) {
      this.error([...path, side], `"${text}" is not a valid CIDR`);
      return undefined;
    }
    const split = this.splitNamespace(text, [...path, side]);
    if (!split) return undefined;
    return { kind: 'pods', pods: split.pods, namespaces: [...namespaces, ...split.namespaces] };
  }

  rule(value: unknown, path: Path): BaselineRule | undefined {
    const parsed = RuleSchema.safeParse(value);
    if (!parsed.success) {
      for (const i of parsed.error.issues) this.error([...path, ...i.path.filter((p): p is string | number => typeof p !== 'symbol')], i.message);
      return undefined;
    }
    const raw = parsed.data;
    const from = this.endpoint(raw, 'from', path);
    const to = this.endpoint(raw, 'to', path);
    if (!from || !to) return undefined;
    const lo = raw.port_min ?? 1;
    const hi = raw.port_max ?? 65535;
    if (lo > hi) {
      this.error([...path, 'port_max'], `port_max (${hi}) is below port_min (${lo})`);
      return undefined;
    }
    const protocols: readonly Protocol[] = raw.protocol ? [raw.protocol] : PROTOCOLS;
    let conns = ConnectionSet.NONE;
    for (const p of protocols) conns = conns.union(ConnectionSet.of(p, IntervalSet.range(lo, hi)));
    return {
      name: raw.name ?? 'no-name',
      description: raw.description ?? '',
      action: raw.action ?? 'allow',
      from,
      to,
      conns,
      origin: this.at(path),
      format: this.format,
    };
  }
}

function formatCidrText(text: string): string {
  const r = parseCidr(text);
  return r ? `${text.trim()}` : text;
}

/**
 * Reads one rule file. The format is told by its shape: a list (np-guard) or a map with `rules:`
 * (netalchemy). Every problem is a diagnostic at file:line and field; valid rules are kept.
 */
export function parseRuleFile(file: string, text: string): { rules: BaselineRule[]; defaults: DefaultDeny[]; diagnostics: Diagnostic[] } {
  const parsedFile = parseManifestFile({ path: file, text });
  const diagnostics: Diagnostic[] = parsedFile.diagnostics.map((d) => (d.severity === 'error' ? { ...d, code: d.code } : d));
  const docs = parsedFile.documents.filter((d) => d.value !== null && d.value !== undefined);
  if (parsedFile.diagnostics.some((d) => d.severity === 'error')) return { rules: [], defaults: [], diagnostics };
  if (docs.length === 0) {
    diagnostics.push(diag(Codes.baselineNoRules, 'error', 'the baseline rule file holds no rules', { file, doc: 1, line: 1 }));
    return { rules: [], defaults: [], diagnostics };
  }
  const rules: BaselineRule[] = [];
  const defaults: DefaultDeny[] = [];
  for (const doc of docs) {
    const isList = Array.isArray(doc.value);
    const format: RuleFormat = isList ? 'np-guard' : 'netalchemy';
    const reader = new RuleReader(doc, format);
    let items: readonly unknown[];
    let base: Path;
    let defaultDeny = false;
    if (isList) {
      items = NpGuardFileSchema.parse(doc.value);
      base = [];
    } else {
      const f = NetalchemyFileSchema.safeParse(doc.value);
      if (!f.success) {
        for (const i of f.error.issues) reader.error(i.path.filter((p): p is string | number => typeof p !== 'symbol'), i.message);
        diagnostics.push(...reader.diagnostics);
        continue;
      }
      items = f.data.rules;
      base = ['rules'];
      defaultDeny = f.data.default === 'deny';
    }
    const fileRules: BaselineRule[] = [];
    items.forEach((item, i) => {
      const r = reader.rule(item, [...base, i]);
      if (r) fileRules.push(r);
    });
    if (items.length === 0 && !defaultDeny) diagnostics.push(diag(Codes.baselineNoRules, 'warning', 'no rules in this document', reader.at(base)));
    diagnostics.push(...reader.diagnostics);
    rules.push(...fileRules);
    if (defaultDeny) defaults.push({ file, origin: reader.at(['default']), allowRules: fileRules.filter((r) => r.action === 'allow') });
  }
  return { rules, defaults, diagnostics };
}

/** `app=x` / `10.0.0.0/8` / `*`, with the namespace part: how a rule side reads in reports. */
export function formatEndpoint(e: Endpoint): string {
  switch (e.kind) {
    case 'any':
      return '*';
    case 'cidr':
      return formatRange(e.range);
    case 'pods': {
      const pods = e.pods.length > 0 ? formatRequirements(e.pods) : '*';
      return e.namespaces.length > 0 ? `${pods} in namespaces ${formatRequirements(e.namespaces)}` : pods;
    }
  }
}

/** `rules.yaml:12 no-ftp (deny)` */
export function ruleLabel(r: BaselineRule): string {
  return `${r.origin.file}:${r.origin.line ?? 1} ${r.name} (${r.action})`;
}
