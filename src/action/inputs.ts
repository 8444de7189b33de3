import { z } from 'zod';
import { ConfigError } from '../diagnostics/errors.js';

/**
 * Every Action's inputs and outputs, defined once. `scripts/gen-actions.mjs` writes `action.yml`,
 * `actions/<name>/action.yml` and the README tables from these definitions, and the entries parse
 * their inputs with the same zod schemas, so the documentation, the metadata GitHub reads and the
 * parsing cannot disagree (`npm run gen:actions -- --check` fails when the files are stale).
 *
 * An input's schema parses the raw string the runner gives (`''` when unset, after the default is
 * applied). Lists are one item per line.
 */
export interface InputSpec<S extends z.ZodType = z.ZodType> {
  readonly description: string;
  readonly schema: S;
  /** Shown in action.yml (GitHub fills it in) and applied when the input is empty. */
  readonly default?: string;
  readonly required?: boolean;
}

export interface OutputSpec {
  readonly description: string;
}

/** What the composite layer sets up before the JavaScript runs. */
export interface SetupSpec {
  /** Python and nca in a cached venv (skipped with `engine: builtin`); needs an `engine` input. */
  readonly nca: boolean;
  /** helm, when the paths hold a chart and helm is not on PATH; needs a `paths` input. */
  readonly helm: boolean;
}

export interface ActionSpec<I extends Record<string, InputSpec> = Record<string, InputSpec>> {
  /** The entry's name: dist/<name>/index.mjs. */
  readonly name: string;
  /** Where its action.yml lives: '.' for the root action. */
  readonly dir: string;
  readonly title: string;
  readonly description: string;
  readonly inputs: I;
  readonly outputs: Readonly<Record<string, OutputSpec>>;
  readonly setup: SetupSpec;
}

export type InputsOf<A extends ActionSpec> = { -readonly [K in keyof A['inputs']]: z.infer<A['inputs'][K]['schema']> };

/** The nca release the composite actions install (and key their venv cache on). */
export const NCA_VERSION = '2.1.0';

// ---- value schemas (from the raw input string) ----

const text = z.string();
const optionalText = z.string().transform((s) => (s === '' ? undefined : s));
/** YAML 1.2 core booleans, as @actions/core's getBooleanInput accepts them. */
const boolean = z
  .enum(['true', 'True', 'TRUE', 'false', 'False', 'FALSE'], { error: (i) => `expected true or false, got ${JSON.stringify(i.input)}` })
  .transform((s) => s.toLowerCase() === 'true');
const lines = z.string().transform((s) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#')),
);
const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (i) => `expected one of ${values.join(', ')}, got ${JSON.stringify(i.input)}` });
const choices = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.string().transform((s, ctx) => {
    const items = s
      .split(/[\s,]+/)
      .map((x) => x.trim())
      .filter((x) => x !== '');
    for (const item of items) {
      if (!(values as readonly string[]).includes(item)) ctx.addIssue({ code: 'custom', message: `expected a list of ${values.join(', ')}, got ${JSON.stringify(item)}` });
    }
    return [...new Set(items)].sort() as T[number][];
  });
/** `key=value[,key=value...]`, as the CLI's label flags. */
const labels = z
  .string()
  .regex(/^([^=,\s]+=[^=,\s]*(,[^=,\s]+=[^=,\s]*)*)?$/, { error: 'expected key=value[,key=value...]' })
  .transform((s) => (s === '' ? undefined : (Object.fromEntries(s.split(',').map((kv) => kv.split('=') as [string, string])) as Record<string, string>)));
const port = z
  .string()
  .regex(/^[0-9]+$/, { error: (i) => `expected a port number, got ${JSON.stringify(i.input)}` })
  .transform(Number)
  .pipe(z.number().int().min(1, { error: 'expected a port from 1 to 65535' }).max(65535, { error: 'expected a port from 1 to 65535' }));
const positiveInt = z
  .string()
  .regex(/^[1-9][0-9]*$/, { error: (i) => `expected a positive whole number, got ${JSON.stringify(i.input)}` })
  .transform(Number);

// ---- shared input groups ----

const manifestInputs = {
  'working-directory': { description: 'The repository checkout the paths are relative to.', schema: text, default: '.' },
  'ip-family': { description: 'Address families of the cluster: `4`, `6` or `dual`.', schema: choice(['4', '6', 'dual']), default: '4' },
  'helm-values': { description: 'Values files for every chart, one per line.', schema: lines, default: '' },
  'helm-set': {
    description: 'Values for every chart as `key=value` (like `helm --set`), one per line.',
    schema: lines.pipe(z.array(z.string().regex(/^[^=]+=/, { error: 'expected key=value' }))),
    default: '',
  },
  'helm-config': { description: 'Per-chart settings file: `charts: {<folder>: {releaseName, namespace, values, set}}`.', schema: optionalText, default: '' },
  'kustomize-flags': { description: 'Extra flags for `kubectl kustomize`, one per line.', schema: lines, default: '' },
  cache: {
    description:
      'Keep results across runs with `actions/cache`: Helm and Kustomize renderings, parsed manifests and (check) the whole check, keyed by content, so a re-run, or a push that leaves the manifests as they were, is not computed again, and a push that changes a few files parses only those. Entries are checked on the way in; `false` computes everything every time.',
    schema: boolean,
    default: 'true',
  },
} satisfies Record<string, InputSpec>;

const commentInputs = {
  token: {
    description: 'Token for the GitHub API (commenting). Masked in logs. Needs `pull-requests: write` to comment; with a read-only token (fork PRs) the action still succeeds and writes the report to the job summary.',
    schema: text,
    default: '${{ github.token }}',
  },
  comment: { description: 'Post (or update) the sticky pull-request comment.', schema: boolean, default: 'true' },
  'comment-key': {
    description: 'Identity of the sticky comment within the workflow: two steps with different keys keep two comments. Defaults to the action name.',
    schema: optionalText,
    default: '',
  },
  'on-empty': {
    description: 'When a later run finds nothing to report: `update` the comment to say so, or `delete` it. No comment is created for an empty report.',
    schema: choice(['update', 'delete']),
    default: 'update',
  },
} satisfies Record<string, InputSpec>;

const reportOutputs = {
  'report-path': { description: 'The full Markdown report (the comment body before any cut), for upload as an artifact.' },
  'comment-id': { description: 'The id of the sticky comment, when one was created or updated.' },
  'comment-url': { description: 'The link to the sticky comment, when there is one.' },
} satisfies Record<string, OutputSpec>;

/** Where DNS runs: what synthesized policies allow, and the need every workload with egress has. */
const dnsInputs = {
  'dns-port': { description: 'Port DNS listens on (OpenShift: 5353).', schema: port, default: '53' },
  'dns-namespace': { description: 'Namespace DNS runs in.', schema: text, default: 'kube-system' },
  'dns-selector': { description: 'Labels of the DNS pods, `key=value[,key=value...]`.', schema: labels, default: 'k8s-app=kube-dns' },
} satisfies Record<string, InputSpec>;

/** The `gaps` modes, as the CLI's `--gaps`. */
const gapModes = choice(['deny', 'namespace', 'open']);

/**
 * What committed policies are judged against: the choices `synthesize` was given. `verify` and the
 * drift gate of `check` (with `policies`) take the same inputs with one meaning, as the CLI's
 * `verify` and `check --policies` take the same flags.
 */
const driftInputs = {
  links: {
    description: 'The reviewed links file the policies were synthesized from (`synthesize` with `links`): its links are the needs instead of the scan\'s. In `check`, a path in the repository read at head, like `policies`.',
    schema: optionalText,
    default: '',
  },
  gaps: { description: 'The `gaps` mode the policies were synthesized with: its closures are needed, not excess (`deny`, `namespace` or `open`).', schema: gapModes, default: 'deny' },
  'no-ports': { description: 'The policies were synthesized with `no-ports` (peer-only rules): a needed pair may be allowed on every connection, and only what is needed of it can be missing.', schema: boolean, default: 'false' },
  ...dnsInputs,
  'ingress-controller': {
    description: 'Where the ingress controller runs, as `synthesize` was told (`namespace=ingress-nginx,app.kubernetes.io/name=ingress-nginx`): `{ingress-controller}` is judged as a pod there. Empty: a namespace of its own, which only rules for every namespace admit.',
    schema: labels,
    default: '',
  },
} satisfies Record<string, InputSpec>;

// ---- the actions ----

export const checkSpec = {
  name: 'check',
  dir: '.',
  title: 'netpol-ci check',
  description: 'The whole NetworkPolicy PR check in one step: semantic connectivity diff, baseline rules, drift and gaps, as one sticky PR comment, a job summary, annotations and SARIF.',
  inputs: {
    base: { description: 'Base ref or path. Default: the pull request base SHA (with `fetch-depth: 0`), or the event\'s `before` SHA on push.', schema: optionalText, default: '' },
    head: { description: 'Head ref or path. Default: the pull request head SHA, else `GITHUB_SHA`.', schema: optionalText, default: '' },
    paths: { description: 'Manifest files or folders inside the repository, one per line.', schema: lines, default: '.' },
    baseline: { description: 'Baseline rule files, one per line: checked on head; with `policies`, also the basis of the drift check (as `verify`\'s `baseline`).', schema: lines, default: '' },
    policies: { description: 'Folder of the committed NetworkPolicies (for the drift check), judged as `verify` judges them on the drift inputs below (`links`, `gaps`, `no-ports`, DNS) and `baseline`.', schema: optionalText, default: '' },
    ...driftInputs,
    traffic: { description: 'Observed traffic traces (Inspektor Gadget output), one per line: compared with head\'s declared links, and needs of the drift check.', schema: lines, default: '' },
    'cidr-aliases': { description: 'With `traffic`: a YAML file naming outside address blocks (`name: [CIDR...]`).', schema: optionalText, default: '' },
    'fail-on': {
      description: 'What fails the step (comma or space separated): `baseline`, `drift`, `broken` (a needed link the PR breaks), `diff`, `gaps`, `lint` (a lint finding the PR adds; implies `lint: true`); empty never fails on findings.',
      schema: choices(['baseline', 'drift', 'broken', 'diff', 'gaps', 'lint'] as const),
      default: 'baseline,drift,broken',
    },
    lint: { description: 'Add the "Policy sanity (lint)" section: the lint findings the PR adds, annotated at their lines.', schema: boolean, default: 'false' },
    exposure: { description: 'Add the workloads whose exposure to peers outside the manifests the PR widened to the "reachable from outside" section.', schema: boolean, default: 'false' },
    engine: { description: 'Baseline engines: `builtin`, `nca` or `both`. `builtin` skips installing Python and nca.', schema: choice(['builtin', 'nca', 'both']), default: 'both' },
    ...manifestInputs,
    ...commentInputs,
  },
  outputs: {
    'has-diff': { description: '`true` when connectivity changed between base and head.' },
    added: { description: 'Connections newly allowed.' },
    removed: { description: 'Connections no longer allowed.' },
    changed: { description: 'Connections whose ports changed.' },
    violations: { description: 'Baseline rule violations at head (empty when no baseline check ran).' },
    drift: { description: 'Drift findings (empty when no drift check ran).' },
    gaps: { description: 'Gaps at head: addresses that resolve to nothing, workloads with no known source.' },
    lint: { description: 'Lint findings the PR adds (empty when lint did not run).' },
    'sarif-path': { description: 'SARIF file of the findings at their manifest lines, for `github/codeql-action/upload-sarif`.' },
    ...reportOutputs,
  },
  setup: { nca: true, helm: true },
} as const satisfies ActionSpec;

export const diffSpec = {
  name: 'diff',
  dir: 'actions/diff',
  title: 'netpol-ci diff',
  description: 'The semantic connectivity diff between two git refs, as a sticky PR comment and job summary.',
  inputs: {
    base: { description: 'Base ref. Default: the pull request base SHA (needs `fetch-depth: 0`), or the push event\'s `before`.', schema: optionalText, default: '' },
    head: { description: 'Head ref. Default: the pull request head SHA, else `GITHUB_SHA`.', schema: optionalText, default: '' },
    paths: { description: 'Paths inside the repository to compare, one per line.', schema: lines, default: '.' },
    'fail-on-diff': { description: 'Fail the step when connectivity changed.', schema: boolean, default: 'false' },
    ...manifestInputs,
    ...commentInputs,
  },
  outputs: {
    'has-diff': { description: '`true` when connectivity changed.' },
    added: { description: 'Connections newly allowed.' },
    removed: { description: 'Connections no longer allowed.' },
    changed: { description: 'Connections whose ports changed.' },
    ...reportOutputs,
  },
  setup: { nca: false, helm: true },
} as const satisfies ActionSpec;

export const scanSpec = {
  name: 'scan',
  dir: 'actions/scan',
  title: 'netpol-ci scan',
  description: 'The connections the application needs, read from its manifests with provenance; unresolved addresses are annotated at their line.',
  inputs: {
    paths: { description: 'Manifest files or folders, one per line.', schema: lines, default: '.' },
    format: { description: 'Format of the links file written to `links-path`: `yaml` or `json` (reviewable, usable by `synthesize`).', schema: choice(['yaml', 'json']), default: 'yaml' },
    'fail-on-gaps': { description: 'Fail the step when an address resolves to nothing.', schema: boolean, default: 'false' },
    ...manifestInputs,
  },
  outputs: {
    links: { description: 'Number of required links found.' },
    gaps: { description: 'Number of unresolved addresses.' },
    'links-path': { description: 'The links file.' },
    'report-path': { description: 'The Markdown report (also in the job summary).' },
  },
  setup: { nca: false, helm: true },
} as const satisfies ActionSpec;

/** The synthesize action's `gaps` input, as the CLI's `--gaps`. */
const GAPS_DESCRIPTION =
  'What the manifests cannot tell (gaps, listed in the report): `deny` leaves them closed, `namespace` opens each towards its namespace on its ports, `open` opens it to and from anywhere (the CLI\'s `--gaps`).';

export const synthesizeSpec = {
  name: 'synthesize',
  dir: 'actions/synthesize',
  title: 'netpol-ci synthesize',
  description: 'Least-privilege NetworkPolicies for the links the manifests (or a reviewed links file) state.',
  inputs: {
    paths: { description: 'Manifest files or folders, one per line.', schema: lines, default: '.' },
    links: { description: 'A reviewed links file to use instead of scanning.', schema: optionalText, default: '' },
    gaps: { description: GAPS_DESCRIPTION, schema: gapModes, default: 'deny' },
    output: { description: 'Where to write the policies: a folder (one file per namespace and workload) or a `.yaml` file.', schema: text, default: 'netpol-ci-policies/' },
    'default-deny': { description: 'Add a default-deny policy per namespace.', schema: boolean, default: 'true' },
    'no-ports': { description: 'Peer-only rules: no ports or protocols anywhere (link rules, DNS, gap closures), as the CLI\'s `--no-ports`; verify and check them with `no-ports` too.', schema: boolean, default: 'false' },
    ...dnsInputs,
    'ingress-controller': {
      description: 'Where the ingress controller runs, e.g. `namespace=ingress-nginx,app.kubernetes.io/name=ingress-nginx`; empty: any namespace.',
      schema: labels,
      default: '',
    },
    'name-prefix': { description: 'Prefix for policy names.', schema: z.string().regex(/^[a-z0-9-]*$/, { error: 'lower-case letters, digits and dashes only' }), default: '' },
    ...manifestInputs,
  },
  outputs: {
    policies: { description: 'Number of NetworkPolicies written.' },
    files: { description: 'The files written, one per line.' },
    'report-path': { description: 'The Markdown report (also in the job summary).' },
  },
  setup: { nca: false, helm: true },
} as const satisfies ActionSpec;

export const baselineSpec = {
  name: 'baseline',
  dir: 'actions/baseline',
  title: 'netpol-ci baseline',
  description: 'Checks baseline rules (np-guard baseline-rules or netalchemy format) against the policies, with the built-in engine and/or IBM nca; violations annotated at the policy that allows them, SARIF for code scanning.',
  inputs: {
    paths: { description: 'Manifest files or folders (policies and workloads), one per line.', schema: lines, default: '.' },
    baseline: { description: 'Baseline rule files, one per line.', schema: lines.pipe(z.array(z.string()).min(1, { error: 'at least one rule file is needed' })), required: true },
    engine: { description: 'Engines: `builtin`, `nca` or `both` (a disagreement between them fails too). `builtin` skips installing Python and nca.', schema: choice(['builtin', 'nca', 'both']), default: 'both' },
    'nca-timeout': { description: 'Time budget of the nca process, in seconds; rules it cannot finish are reported and decided by the built-in engine.', schema: positiveInt, default: '300' },
    'fail-on-violation': { description: 'Fail the step when a rule is violated or the engines disagree.', schema: boolean, default: 'true' },
    ...manifestInputs,
  },
  outputs: {
    violations: { description: 'Number of rule violations.' },
    disagreements: { description: 'Number of rules the engines answer differently (0 with one engine).' },
    'report-path': { description: 'The Markdown report (also in the job summary).' },
    'sarif-path': { description: 'SARIF file of the violations at the policy that allows them (the rule as a related location), for `github/codeql-action/upload-sarif`.' },
  },
  setup: { nca: true, helm: true },
} as const satisfies ActionSpec;

export const verifySpec = {
  name: 'verify',
  dir: 'actions/verify',
  title: 'netpol-ci verify',
  description: 'Repository drift: do the committed NetworkPolicies allow what the manifests need, and nothing more? Missing needs are annotated where the need is stated, excess at the rule that allows it. (Drift against a live cluster is the CLI\'s `verify --cluster`, not this action.)',
  inputs: {
    paths: { description: 'The application manifests, one per line.', schema: lines, default: '.' },
    policies: { description: 'The folder of committed NetworkPolicies.', schema: text, required: true },
    ...driftInputs,
    baseline: { description: 'Baseline rule files the policies were synthesized with (`synthesize --baseline`), one per line: what a deny rule forbids is not needed, a gap closure it crosses is needed cut. (In `check`, its `baseline` input is also the drift basis.)', schema: lines, default: '' },
    'allow-excess': { description: 'Report excess (allowed beyond the needs) without failing.', schema: boolean, default: 'false' },
    'fail-on-drift': { description: 'Fail the step on missing needs (and on excess unless `allow-excess`).', schema: boolean, default: 'true' },
    format: { description: 'Format of the report file written to `report-path`: `md`, `txt` or `json` (the job summary is always Markdown).', schema: choice(['md', 'txt', 'json']), default: 'md' },
    ...manifestInputs,
  },
  outputs: {
    missing: { description: 'Number of needed connections the policies block.' },
    excess: { description: 'Number of connections the policies allow beyond the needs.' },
    'report-path': { description: 'The report in `format` (the Markdown one is also in the job summary).' },
    'sarif-path': { description: 'SARIF file of the drift at its manifest lines, for `github/codeql-action/upload-sarif`.' },
  },
  setup: { nca: false, helm: true },
} as const satisfies ActionSpec;

export const commentSpec = {
  name: 'comment',
  dir: 'actions/comment',
  title: 'netpol-ci comment',
  description: 'Posts a report file as the sticky PR comment. Made for the fork-safe `workflow_run` workflow: the report is untrusted data, the pull request comes from the event.',
  inputs: {
    'report-file': { description: 'The Markdown report (the `report-path` of the check, downloaded from the PR workflow\'s artifact).', schema: text, required: true },
    'max-report-bytes': { description: 'Refuse a report file larger than this many bytes.', schema: positiveInt, default: String(4 * 1024 * 1024) },
    'pr-number': {
      description: 'The pull request to comment on. Default: from the event (`workflow_run` payload, or the pull request event). Never taken from the artifact.',
      schema: z.string().transform((s, ctx) => {
        if (s === '') return undefined;
        if (/^[1-9][0-9]*$/.test(s)) return Number(s);
        ctx.addIssue({ code: 'custom', message: `expected a pull request number, got ${JSON.stringify(s)}` });
        return z.NEVER;
      }),
      default: '',
    },
    ...commentInputs,
  },
  outputs: {
    'comment-id': reportOutputs['comment-id'],
    'comment-url': reportOutputs['comment-url'],
    'pr-number': { description: 'The pull request commented on.' },
  },
  setup: { nca: false, helm: false },
} as const satisfies ActionSpec;

/** Every action, in the order of the README. */
export const ACTIONS: readonly ActionSpec[] = [checkSpec, diffSpec, scanSpec, synthesizeSpec, baselineSpec, verifySpec, commentSpec];

/** The environment variable an input arrives in (the composite step passes each one through `env:`). */
export function inputEnvName(input: string): string {
  return `INPUT_${input.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`;
}

/**
 * Parses an action's raw inputs with their schemas. A bad or missing input is a ConfigError that
 * names it; defaults apply to empty values (as GitHub does for unset inputs).
 */
export function parseInputs<A extends ActionSpec>(spec: A, raw: (name: string) => string | undefined): InputsOf<A> {
  const out: Record<string, unknown> = {};
  for (const [name, input] of Object.entries(spec.inputs)) {
    let value = raw(name) ?? '';
    if (value.trim() === '') value = input.default !== undefined && !input.default.includes('${{') ? input.default : '';
    if (value.trim() === '' && input.required) throw new ConfigError(`input "${name}" is required`);
    const parsed = input.schema.safeParse(value.trim() === '' ? '' : value.trim());
    if (!parsed.success) throw new ConfigError(`input "${name}": ${parsed.error.issues[0]?.message ?? 'invalid value'}`);
    out[name] = parsed.data;
  }
  return out as InputsOf<A>;
}
