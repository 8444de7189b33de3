import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { differingPairs, parseListing } from './peer-pairs.js';
import type { Doc } from './random-config.js';

/**
 * netpol-analyzer's own binary (`netpolicy`, np-guard/netpol-analyzer v1.4.2, the tool the
 * conformance goldens come from) and our CLI, on the same folders, compared the way
 * /work/shared/conformance/run.mjs compares an output with a golden: semantically, per pair of
 * endpoints, with external address ranges cut into the common pieces of both answers.
 */

const REPO = path.resolve(import.meta.dirname, '../..');
/** NETPOL_ANALYZER_PATH, or the build bench/ makes (bench/out/gobin/netpolicy) in this checkout or the main one. */
export function findNetpolAnalyzer(): string | undefined {
  const candidates = [process.env.NETPOL_ANALYZER_PATH, path.join(REPO, 'bench/out/gobin/netpolicy'), '/work/main/bench/out/gobin/netpolicy'];
  return candidates.find((c): c is string => c !== undefined && c !== '' && existsSync(c));
}

export const toYaml = (docs: readonly Doc[]): string => docs.map((d) => stringify(d, { aliasDuplicateObjects: false })).join('---\n');

/** Writes the documents as `dir/all.yaml` (the folder emptied first). */
export function writeConfig(dir: string, docs: readonly Doc[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'all.yaml'), toYaml(docs));
}

export interface ToolRun {
  readonly ok: boolean;
  readonly stdout: string;
  readonly stderr: string;
}
function run(cmd: string, args: string[]): ToolRun {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000, cwd: REPO, env: { ...process.env, NO_COLOR: '1' } });
  return { ok: r.status === 0, stdout: r.stdout ?? '', stderr: `${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

const OUR_CLI = path.join(REPO, 'dist/cli.js');
export const ours = {
  connectivity: (dir: string): ToolRun => run(process.execPath, [OUR_CLI, 'connectivity', dir, '--format', 'txt']),
  diff: (a: string, b: string): ToolRun => run(process.execPath, [OUR_CLI, 'diff', a, b, '--format', 'txt']),
};
export const netpolAnalyzer = (bin: string) => ({
  connectivity: (dir: string): ToolRun => run(bin, ['list', '--dirpath', dir, '-o', 'txt']),
  diff: (a: string, b: string): ToolRun => run(bin, ['diff', '--dir1', a, '--dir2', b, '-o', 'txt']),
});

/** The pairs two connectivity listings differ on, as `src => dst : OURS | THEIRS`. */
export const connectivityDifferences = (oursTxt: string, theirsTxt: string): string[] =>
  differingPairs(parseListing(oursTxt, 'netpol-analyzer'), parseListing(theirsTxt, 'netpol-analyzer'));

interface DiffLine {
  readonly type: string;
  readonly src: string;
  readonly dst: string;
  readonly ref1: string;
  readonly ref2: string;
  readonly info: string;
}
const DIFF_LINE = /^diff-type: (\w+), source: (\S+), destination: (\S+), \w+: (.*?), \w+: (.*?)(?:, workloads-diff-info: (.*))?$/;

function parseDiff(text: string): DiffLine[] {
  const out: DiffLine[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || /^connectivity diff:?$/i.test(line)) continue;
    const m = DIFF_LINE.exec(line);
    if (!m) throw new Error(`unreadable diff line: ${line}`);
    // "workload A and B added" reads the same either way round (run.mjs's canonInfo)
    const info = (m[6] ?? '').trim().replace(/^workloads? (.+) and (.+) (added|removed)$/, (_, a: string, b: string, how: string) => `workload ${[a, b].sort().join(' and ')} ${how}`);
    out.push({ type: m[1] as string, src: m[2] as string, dst: m[3] as string, ref1: m[4] as string, ref2: m[5] as string, info });
  }
  return out;
}

const listing = (lines: readonly DiffLine[], side: 'ref1' | 'ref2') =>
  parseListing(lines.filter((l) => !/^no connections$/i.test(l[side])).map((l) => `${l.src} => ${l.dst} : ${l[side]}`).join('\n'), 'netpol-analyzer');

/**
 * The differences of two semantic diffs: per pair, what each says was there before (ref1) and
 * after (ref2), and, for pairs of named endpoints, the diff type and workload info.
 */
export function diffDifferences(oursTxt: string, theirsTxt: string): string[] {
  const a = parseDiff(oursTxt);
  const b = parseDiff(theirsTxt);
  const out = [
    ...differingPairs(listing(a, 'ref1'), listing(b, 'ref1')).map((d) => `ref1 ${d}`),
    ...differingPairs(listing(a, 'ref2'), listing(b, 'ref2')).map((d) => `ref2 ${d}`),
  ];
  const isAddress = (p: string) => /^[0-9a-f.:]+-[0-9a-f.:]+(\[External\])?$/i.test(p);
  const labels = (ls: DiffLine[]) => new Map(ls.filter((l) => !isAddress(l.src) && !isAddress(l.dst)).map((l) => [`${l.src} => ${l.dst}`, `${l.type} ${l.info}`.trim()]));
  const [la, lb] = [labels(a), labels(b)];
  for (const k of [...new Set([...la.keys(), ...lb.keys()])].sort()) {
    const [x, y] = [la.get(k) ?? '-', lb.get(k) ?? '-'];
    if (x !== y) out.push(`kind ${k} : ${x} | ${y}`);
  }
  return out;
}

type Obj = Record<string, unknown>;
/** A pod peer no pod matches: the rewrite's stand-in for a rule that matches nothing. */
const NO_POD = { podSelector: { matchLabels: { 'napeer-form': 'matches-nothing' } } };

/**
 * The configuration in the form netpol-analyzer v1.4.2 accepts, with the same meaning in
 * Kubernetes: it refuses a whole folder when a NetworkPolicy egress rule combines a named port with
 * an IP destination (an ipBlock, or an absent or empty `to`): "named port error: cannot convert
 * named port for an IP destination" (pkg/netpol/eval/internal/k8s/netpols_common.go
 * getPortsRange). A named port is a pod's container port, so it never matches an address outside
 * the cluster (NetworkPolicyPort.port: "a numerical or named port on a pod"). Such a rule is split:
 * its pod peers keep every port; its IP peers keep the numeric ports only (and go when there are
 * none); an absent or empty `to` is "every pod" (`namespaceSelector: {}`) plus "every address"
 * (`0.0.0.0/0`). A rule left with no peer at all becomes one matching no pod, so that the egress
 * list (and with it the policy's defaulted policyTypes) keeps its length class.
 *
 * And netpol-analyzer reads the ports of `spec.containers` only, where Kubernetes resolves a named
 * port against sidecars too (init containers with `restartPolicy: Always`, since 1.28: FindPort in
 * pkg/api/v1/pod/util.go): so a sidecar becomes an app container (a plain init container's ports
 * name nothing for either, and stay).
 */
export function napeerForm(docs: readonly Doc[]): Doc[] {
  return docs.map((d) => {
    if (d.kind !== 'NetworkPolicy') return withSidecarsAsContainers(d);
    const spec = (d.spec ?? {}) as Obj;
    if (!Array.isArray(spec.egress)) return d;
    const egress = (spec.egress as Obj[]).flatMap((r) => splitNamedPortRule(r ?? {}));
    return { ...d, spec: { ...spec, egress } };
  });
}

function splitNamedPortRule(rule: Obj): Obj[] {
  const ports = Array.isArray(rule.ports) ? (rule.ports as Obj[]) : [];
  if (!ports.some((p) => typeof p?.port === 'string')) return [rule];
  const everyone = !Array.isArray(rule.to) || rule.to.length === 0;
  const peers = everyone ? [{ namespaceSelector: {} }, { ipBlock: { cidr: '0.0.0.0/0' } }] : (rule.to as Obj[]);
  const podPeers = peers.filter((p) => p?.ipBlock === undefined);
  const ipPeers = peers.filter((p) => p?.ipBlock !== undefined);
  if (ipPeers.length === 0) return [rule];
  const numeric = ports.filter((p) => typeof p?.port !== 'string');
  const out: Obj[] = [];
  if (podPeers.length > 0) out.push({ to: podPeers, ports });
  if (numeric.length > 0) out.push({ to: ipPeers, ports: numeric });
  return out.length > 0 ? out : [{ to: [NO_POD], ports }];
}

/** The object with every pod spec's sidecars moved to its app containers. */
function withSidecarsAsContainers(d: Doc): Doc {
  const out = structuredClone(d);
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (v === null || typeof v !== 'object') return;
    const o = v as Obj;
    if (Array.isArray(o.initContainers) && Array.isArray(o.containers)) {
      const init = o.initContainers as Obj[];
      const sidecars = init.filter((c) => c.restartPolicy === 'Always');
      o.containers = [...(o.containers as Obj[]), ...sidecars.map(({ restartPolicy: _always, ...c }) => c)];
      const plain = init.filter((c) => c.restartPolicy !== 'Always');
      if (plain.length > 0) o.initContainers = plain;
      else delete o.initContainers;
    }
    for (const x of Object.values(o)) visit(x);
  };
  visit(out);
  return out;
}
