import { spawnSync } from 'node:child_process';
import { ncaMessage } from './nca.js';
import { nodeIo } from '../../src/io/node-io.js';
import { ConnectionSet, parseConns } from '../../src/model/connection-set.js';
import { runDiff } from '../../src/pipeline/diff.js';
import { DEFAULT_READ_SETTINGS, type ReadSettings } from '../../src/pipeline/settings.js';
import { renderDiffJson } from '../../src/report/diff.js';
import { differingPairs, parseListing, refinedPairs, type Row } from './peer-pairs.js';

/**
 * Our semantic diff (`diff --format json`) and nca 2.1.0's (`--semantic_diff`, `txt_no_fw_rules`)
 * in one comparable shape: per pair of endpoints, the connections gained and lost (external
 * addresses cut into the pieces both answers cut them into), and which workloads each says were
 * added or removed. nca says what changed, not what was there: it lists lost and new connections
 * per category (removed peers, persistent peers, added peers, ipBlocks); our entries carry both
 * sides, gained is ref2 minus ref1 and lost ref1 minus ref2.
 */
export interface JsonDiff {
  added_workloads: string[];
  removed_workloads: string[];
  /** The diagnostic codes of both sides (not part of the json: the test's own note). */
  codes?: string[];
  moved_workloads?: { from: string; to: string; how: string; changes: { src: string; dst: string; ref1: string; ref2: string }[] }[];
  entries: { diff_type: string; src: string; dst: string; ref1: string; ref2: string; workloads_diff_info?: string }[];
}

export function oursJson(before: string, after: string, settings: ReadSettings = DEFAULT_READ_SETTINGS): JsonDiff {
  const out = runDiff(nodeIo(), { kind: 'paths', before, after }, settings);
  const json = JSON.parse(renderDiffJson({ diff: out.diff, refs: { before: 'base', after: 'head' } })) as JsonDiff;
  return { ...json, codes: [...new Set(out.diagnostics.map((d) => d.code))].sort() };
}

/** One comparable shape of a semantic diff. */
interface Delta {
  readonly gained: Row[];
  readonly lost: Row[];
}

const conns = (text: string): ConnectionSet => {
  const c = parseConns(text);
  if (c === undefined) throw new Error(`unreadable connections: ${text}`);
  return c;
};
const row = (src: string, dst: string, c: ConnectionSet): Row[] => (c.isEmpty ? [] : parseListing(`${src} => ${dst} : ${c.toString()}`, 'netpol-analyzer'));

/** Gained and lost per pair, and the workloads our entries name as added or removed. */
export function ourDelta(d: JsonDiff): Delta & { readonly oneSided: { readonly added: Set<string>; readonly removed: Set<string> } } {
  const gained: Row[] = [];
  const lost: Row[] = [];
  const added = new Set<string>();
  const removed = new Set<string>();
  for (const e of d.entries) {
    const [a, b] = [conns(e.ref1), conns(e.ref2)];
    gained.push(...row(e.src, e.dst, b.subtract(a)));
    lost.push(...row(e.src, e.dst, a.subtract(b)));
    // `workload X added`, `workload X and Y removed`
    const m = /^workload (.+) (added|removed)$/.exec(e.workloads_diff_info ?? '');
    if (m) for (const w of (m[1] as string).split(' and ')) (m[2] === 'added' ? added : removed).add(w);
  }
  return { gained, lost, oneSided: { added, removed } };
}

const NCA_HEADER = /^(Lost|Removed|Added|New) connections between (.*) \(based on topology from config: .*\) :$/;
export const isSimulated = (name: string) => /-livesim\[/.test(name);
const isWorkload = (name: string) => !name.includes('[External]') && !/^[0-9.]+[-/,]/.test(name) && !name.startsWith('{') && !isSimulated(name);

/**
 * nca simulates the ingress controller as a pod, `ingress-controller-ns/ingress-controller-livesim`,
 * where we have the peer `{ingress-controller}` (DESIGN.md: Ingress objects make their backends
 * reachable from it). Its connections to the backends compare under our name; nca's pod can also
 * be reached (from kube-dns, from pods without egress policies, from outside), which a controller
 * outside the manifests' namespaces is not for us: pairs towards it are left out, as are pairs
 * with nca's other simulated pods (kube-dns).
 */
const NCA_INGRESS_CONTROLLER = 'ingress-controller-ns/ingress-controller-livesim[Pod]';
export const notCompared = (pair: string) => isSimulated(pair) || pair.endsWith('=> {ingress-controller}');

/** One line of nca's answer, with the category it was listed under. */
interface NcaLine {
  readonly category: string;
  readonly src: string;
  readonly dst: string;
}

/** nca's `txt_no_fw_rules` semantic diff: `src => dst : conns` lines under one header per category. */
export function ncaDelta(stdout: string): Delta & { readonly lines: NcaLine[] } {
  const gained: Row[] = [];
  const lost: Row[] = [];
  const lines: NcaLine[] = [];
  let header: RegExpExecArray | undefined;
  for (const line of stdout.split('\n')) {
    const h = NCA_HEADER.exec(line.trim());
    if (h) {
      header = h;
      continue;
    }
    const named = line.split(NCA_INGRESS_CONTROLLER).join('{ingress-controller}');
    const rows = parseListing(named, 'nca');
    if (rows.length === 0 || !header) continue;
    (header[1] === 'Added' || header[1] === 'New' ? gained : lost).push(...rows);
    const m = /^(\S+) => (\S+) : /.exec(named.trim()) as RegExpExecArray;
    lines.push({ category: header[2] as string, src: m[1] as string, dst: m[2] as string });
  }
  return { gained, lost, lines };
}

/**
 * The differences between our diff and nca's. Connections: gained and lost must be equal per
 * pair. Workloads: nca sorts each line into a category by the peers' existence ("removed peers",
 * "removed peers and persistent peers", "persistent peers", ...); a line of a removed (added)
 * category must have its workload endpoints among the workloads our entries name as removed
 * (added), both of them when the category is between removed (added) peers only, none of a
 * persistent category; and every workload we name must be in one of nca's lines of its category.
 */
export function compareDiffs(ours: ReturnType<typeof ourDelta>, theirs: ReturnType<typeof ncaDelta>): string[] {
  const out = compareConnections(ours, theirs);
  const seen = { added: new Set<string>(), removed: new Set<string>() };
  for (const l of theirs.lines) {
    const ends = [l.src, l.dst].filter(isWorkload);
    const side = /removed peers/.test(l.category) ? 'removed' : /added peers/.test(l.category) ? 'added' : undefined;
    if (!side) {
      const wrong = ends.filter((w) => ours.oneSided.added.has(w) || ours.oneSided.removed.has(w));
      if (wrong.length > 0) out.push(`nca "${l.category}" ${l.src} => ${l.dst}: we name ${wrong.join(', ')} added or removed`);
      continue;
    }
    const named = ends.filter((w) => ours.oneSided[side].has(w));
    for (const w of named) seen[side].add(w);
    // nca's simulated pods come and go with what the manifests hold (the controller with the first
    // Ingress): a line with one may owe its category to it alone
    if ([l.src, l.dst].some((n) => n.startsWith('{') || isSimulated(n))) continue;
    const only = new RegExp(`^${side} peers$`).test(l.category);
    if (named.length === 0 || (only && named.length < ends.length)) out.push(`nca "${l.category}" ${l.src} => ${l.dst}: we name ${named.join(', ') || 'none'} ${side}`);
  }
  for (const side of ['added', 'removed'] as const) {
    for (const w of ours.oneSided[side]) if (!seen[side].has(w)) out.push(`we name ${w} ${side}; nca lists it under no "${side} peers" category`);
  }
  return out;
}

/** The connections gained and lost that differ between two deltas, as `gained src => dst : A | B`. */
export function compareConnections(ours: Delta, theirs: Delta): string[] {
  return [
    ...differingPairs(ours.gained, theirs.gained, notCompared).map((d) => `gained ${d}`),
    ...differingPairs(ours.lost, theirs.lost, notCompared).map((d) => `lost ${d}`),
  ];
}

/**
 * nca's connectivity of each side (`--connectivity`), differenced pair by pair: a second reading
 * of "what the PR changed" from nca, for where its semantic diff and its own connectivity part.
 */
export function ncaConnectivityDelta(nca: string, before: string, after: string): Delta {
  const listing = (dir: string) => {
    const r = spawnSync(nca, ['--connectivity', dir, '-r', dir, '-o', 'txt_no_fw_rules'], { encoding: 'utf8', timeout: 120_000 });
    // nca analyses no configuration without endpoints (exit 4, "ConnectivityMapQuery was not
    // executed on all input configs"): such a side, a PR's head with every workload removed, has
    // no connections
    if (r.status === 4 && NO_ENDPOINTS.test(r.stdout)) return [];
    if (r.status !== 0) throw new Error(`nca --connectivity ${dir}: ${ncaMessage(r)}`);
    return parseListing(r.stdout.split(NCA_INGRESS_CONTROLLER).join('{ingress-controller}'), 'nca');
  };
  const [a, b] = refinedPairs(listing(before), listing(after));
  const gained: Row[] = [];
  const lost: Row[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const [x, y] = [a.get(k) ?? ConnectionSet.NONE, b.get(k) ?? ConnectionSet.NONE];
    const [src, dst] = k.split(' => ') as [string, string];
    gained.push(...row(src, dst, y.subtract(x)));
    lost.push(...row(src, dst, x.subtract(y)));
  }
  return { gained, lost };
}

/** nca's count of a configuration's endpoints when it has none (then it runs no query, exit 4). */
export const NO_ENDPOINTS = /^global: cluster has 0 unique endpoints/m;

/** nca's semantic diff of two folders (each read whole: policies, pods, namespaces). */
export function ncaSemanticDiff(nca: string, before: string, after: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(nca, ['--semantic_diff', after, '-r', after, '--base_np_list', before, '-rb', before, '-o', 'txt_no_fw_rules'], { encoding: 'utf8', timeout: 120_000 });
  // (stderr headed by why there is no status, when there is none: it is only ever a message)
  return { status: r.status, stdout: r.stdout, stderr: ncaMessage(r) };
}
