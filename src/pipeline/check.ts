import path from 'node:path';
import { structuredPatch } from 'diff';
import { Codes, diag, type Diagnostic, type SourceRef } from '../diagnostics/diagnostic.js';
import { ConfigError } from '../diagnostics/errors.js';
import { addressText, ipBlocksOf, type IpBlock } from '../connectivity/address-text.js';
import { CauseFinder, causeId, decisions, type Cause, type Decision, type SelectorChange } from '../connectivity/causes.js';
import { diffConnectivity, type ConnectivityDiff, type ConnectivityDiffEntry } from '../connectivity/diff.js';
import { PolicyEngine } from '../connectivity/engine.js';
import { explainDiff, type EntryExplanation } from '../connectivity/explain.js';
import { newlyUnmet, unmetLinks, type UnmetLink } from '../connectivity/needs.js';
import { ParseCache } from '../manifests/documents.js';
import type { ChartValues, ExportedTree, Io, PathMapping } from '../io/types.js';
import { scanTopology } from '../topology/scan.js';
import type { Link, Topology, Unresolved } from '../topology/links.js';
import { compareStrings } from '../manifests/cluster.js';
import type { ConnectionSet } from '../model/connection-set.js';
import type { IpRange } from '../model/ip.js';
import { peerKey, workloadKey, type Peer } from '../model/peer.js';
import { loadInputs } from './load.js';
import type { ReadSettings } from './settings.js';

/** The two sides of a PR: two folders (or files), or two refs of a git repository with optional paths inside it. */
export type CheckRequest =
  | { readonly kind: 'paths'; readonly base: string; readonly head: string }
  | { readonly kind: 'repo'; readonly repo: string; readonly base: string; readonly head: string; readonly paths: readonly string[] };

export type Side = 'base' | 'head';

/** Where a file shown in the report lives: its side, its path relative to the compared root (the repository path for refs), and the chart it was rendered from. */
export interface FileInfo {
  readonly side: Side;
  readonly path: string;
  /** For a file rendered by `helm template`: the chart folder (relative), so links go to the template, not rendered lines. */
  readonly chart?: string;
  /** For the output of `kubectl kustomize`: the overlay folder (relative); its objects have no line of their own. */
  readonly overlay?: string;
}

/** A file the PR changed that explains a cause, with the changed lines on head (values files) when known. */
export interface ChangedFile {
  readonly path: string;
  /** `base` for a file the PR deleted (it exists only there, so links go to the base commit). */
  readonly side?: Side;
  /** 1-based head lines that changed (for values files; a Helm change is shown at its values line). */
  readonly lines?: readonly number[];
}

export interface AttributedCause {
  readonly cause: Cause;
  /** The files the PR changed that carry the cause (never an unchanged file). */
  readonly files: readonly ChangedFile[];
}

/**
 * One line of the report: a diff entry, or several entries towards (from) adjacent outside
 * address atoms with the same answer, shown as the CIDR the policies wrote.
 */
export interface ChangeItem {
  /** Indexes into `diff.entries`. */
  readonly entries: readonly number[];
  readonly kind: ConnectivityDiffEntry['kind'];
  readonly src: string;
  readonly dst: string;
  /** The pair involves a peer outside the cluster (an address, the ingress controller, a gateway). */
  readonly outside: boolean;
  readonly before: ConnectionSet;
  readonly after: ConnectionSet;
  readonly gained: ConnectionSet;
  readonly lost: ConnectionSet;
  readonly workloadsInfo?: string;
  /** Per side, the rules that decide the changed connections (one line per side in the report). */
  readonly why: { readonly base: readonly Decision[]; readonly head: readonly Decision[] };
}

/** Diff entries that share their causes. */
export interface ChangeGroup {
  readonly causes: readonly AttributedCause[];
  readonly items: readonly ChangeItem[];
}

/** A gap: what the manifests cannot tell (for now: the scan's unresolved addresses). */
export interface Gap {
  readonly workload: string;
  readonly value: string;
  readonly at: SourceRef;
  readonly reason: Unresolved['reason'];
  readonly detail: string;
  /** Not a gap on base. */
  readonly introduced: boolean;
}

/** A baseline-rule violation, for the slot the baseline check fills (rendered when present). */
export interface BaselineFinding {
  readonly rule: string;
  readonly action: string;
  readonly src: string;
  readonly dst: string;
  readonly conns: string;
  readonly at?: SourceRef;
  /** Engines that found it (builtin, nca). */
  readonly engines?: readonly string[];
}

/** A repo-drift finding, for the slot the drift check fills (rendered when present). */
export interface DriftFinding {
  readonly kind: string;
  readonly subject: string;
  readonly message: string;
  readonly at?: SourceRef;
}

export interface CheckOutcome {
  readonly refs: { readonly base: string; readonly head: string };
  /** Commit ids, for refs of a repository. */
  readonly commits?: { readonly base: string; readonly head: string };
  /** Files the PR changed (relative paths), limited to the compared paths. */
  readonly changedFiles: readonly string[];
  readonly diff: ConnectivityDiff;
  /** Parallel to diff.entries. */
  readonly explanations: readonly EntryExplanation[];
  readonly groups: readonly ChangeGroup[];
  /** Items that newly let a peer outside the cluster in (ingress controller, gateway, addresses), from every group. */
  readonly outside: readonly ChangeItem[];
  /** Needed links the PR breaks, and those already unmet on base. */
  readonly broken: readonly UnmetLink[];
  readonly alreadyUnmet: readonly UnmetLink[];
  /** Needed links of head that cannot be judged (through a Gateway); named in the report, never silently passed. */
  readonly unjudged: readonly Link[];
  readonly gaps: readonly Gap[];
  readonly baseline?: { readonly violations: readonly BaselineFinding[]; readonly newOnHead?: number };
  readonly drift?: { readonly findings: readonly DriftFinding[] };
  /** Display path -> where it lives, for every file the report may name. */
  readonly files: ReadonlyMap<string, FileInfo>;
  /** Both sides' diagnostics, for display. */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Head's diagnostics: the PR's input. Errors there are bad input (exit 2); errors in base are
   * shown but are not the PR's to fix (a PR that repairs a broken file must be able to pass).
   */
  readonly headDiagnostics: readonly Diagnostic[];
}

interface LoadedSide {
  readonly label: string;
  readonly engine: PolicyEngine;
  readonly topology: Topology;
  readonly values: readonly ChartValues[];
  readonly documents: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  /** The relative path of a displayed file of this side, if it is one. */
  readonly rel: (display: string) => string | undefined;
}

function loadSide(io: Io, label: string, root: string, settings: ReadSettings, cache: ParseCache, mapping: PathMapping, rel: (display: string) => string | undefined): LoadedSide {
  const { load, diagnostics, values } = loadInputs(io, [root], settings, cache, mapping);
  const engine = new PolicyEngine(load.cluster, { ipFamilies: settings.ipFamilies });
  const scan = scanTopology(load.cluster, { values });
  return {
    label,
    engine,
    topology: scan.value,
    values,
    documents: [...new Set(load.documents.map((d) => d.file))],
    diagnostics: [...diagnostics, ...engine.diagnostics, ...scan.diagnostics],
    rel,
  };
}

const toPosix = (p: string) => p.split(path.sep).join('/');

/** Loads both sides: folders as given (files shown under the path typed), refs exported with `git archive` (shown as `REF:path`). */
function loadSides(io: Io, request: CheckRequest, settings: ReadSettings): { base: LoadedSide; head: LoadedSide; changed: string[]; commits?: { base: string; head: string } } {
  const cache = new ParseCache();
  if (request.kind === 'paths') {
    const side = (root: string) => {
      const abs = path.resolve(root);
      const isDir = io.isDirectory(abs);
      const shown = toPosix(path.normalize(root)).replace(/\/$/, '');
      const display = (f: string) => {
        const r = toPosix(path.relative(abs, f));
        return isDir ? (r === '' ? shown : `${shown}/${r}`) : f === abs ? shown : toPosix(f);
      };
      const rel = (d: string) => (isDir ? (d === shown ? '.' : d.startsWith(`${shown}/`) ? d.slice(shown.length + 1) : undefined) : d === shown ? path.basename(abs) : undefined);
      return loadSide(io, root, root, settings, cache, { display, logical: (f) => f }, rel);
    };
    return { base: side(request.base), head: side(request.head), changed: io.changedFilesBetween(request.base, request.head) };
  }
  const { repo, base, head } = request;
  const top = io.repoTop(repo);
  const sub = request.paths.length > 0 ? request.paths : ['.'];
  for (const p of sub) {
    if (!io.pathExists(repo, base, p) && !io.pathExists(repo, head, p)) throw new ConfigError(`${p} exists neither at ${base} nor at ${head} (paths are relative to the repository root)`);
  }
  const commits = { base: io.resolveCommit(repo, base), head: io.resolveCommit(repo, head) };
  const trees: ExportedTree[] = [];
  try {
    const side = (ref: string): LoadedSide => {
      const tree = io.exportTree(repo, ref, sub);
      trees.push(tree);
      const relAbs = (abs: string) => toPosix(path.relative(tree.dir, abs));
      const rel = (d: string) => (d.startsWith(`${ref}:`) ? d.slice(ref.length + 1) : undefined);
      return loadSide(io, ref, tree.dir, settings, cache, { display: (abs) => `${ref}:${relAbs(abs) || '.'}`, logical: (abs) => path.join(top, relAbs(abs)) }, rel);
    };
    return { base: side(base), head: side(head), changed: io.changedFilesInRepo(repo, base, head, request.paths), commits };
  } finally {
    for (const t of trees) t.dispose();
  }
}

/** The gaps of one side; the one place the gaps section is fed from (a richer gap model replaces this function). */
export function gapsOf(head: Topology, base: Topology): Gap[] {
  const key = (u: Unresolved) => `${workloadKey(u.workload)}\u0000${u.value}\u0000${u.reason}`;
  const before = new Set(base.unresolved.map(key));
  return head.unresolved
    .map((u) => ({ workload: workloadKey(u.workload), value: u.value, at: u.at, reason: u.reason, detail: u.detail, introduced: !before.has(key(u)) }))
    .sort((a, b) => compareStrings(`${a.workload}\u0000${a.value}`, `${b.workload}\u0000${b.value}`));
}

/** Head lines of a values file that differ from base (added or changed lines). */
function changedLines(before: string | undefined, after: string): number[] {
  const patch = structuredPatch('a', 'b', before ?? '', after, '', '', { context: 0 });
  const lines: number[] = [];
  for (const h of patch.hunks) {
    let n = h.newStart;
    for (const l of h.lines) {
      if (l.startsWith('+')) lines.push(n++);
      else if (!l.startsWith('-')) n++;
    }
  }
  return lines;
}

/**
 * The files the PR changed that carry a cause: the object's own file when it changed; for an
 * object rendered from a chart, the chart's changed files (templates and values, with the
 * changed values lines). An object whose file did not change has no file to name.
 */
class Attributor {
  private readonly changed: Set<string>;
  private readonly valuesLines = new Map<string, number[]>();
  /** Files either side loads as plain manifests (not rendered). */
  private readonly plain = new Set<string>();
  /** Paths of the files each side loaded. */
  private readonly onHead = new Set<string>();
  private readonly onBase = new Set<string>();

  constructor(
    changed: readonly string[],
    private readonly files: ReadonlyMap<string, FileInfo>,
    base: LoadedSide,
    head: LoadedSide,
  ) {
    this.changed = new Set(changed);
    for (const info of files.values()) {
      if (info.chart === undefined && info.overlay === undefined) this.plain.add(info.path);
      (info.side === 'head' ? this.onHead : this.onBase).add(info.path);
    }
    const baseValues = new Map<string, string>();
    for (const v of base.values) for (const f of v.files) baseValues.set(base.rel(f.path) ?? f.path, f.text);
    for (const v of head.values)
      for (const f of v.files) {
        const rel = head.rel(f.path) ?? f.path;
        if (this.changed.has(rel)) this.valuesLines.set(rel, changedLines(baseValues.get(rel), f.text));
      }
  }

  filesOf(at: SourceRef | undefined): ChangedFile[] {
    if (!at) return [];
    const info = this.files.get(at.file);
    if (!info) return [];
    if (info.chart !== undefined) {
      const prefix = info.chart === '' ? '' : `${info.chart}/`;
      return [...this.changed]
        .filter((f) => f.startsWith(prefix))
        .map((f) => (this.valuesLines.has(f) ? { path: f, lines: this.valuesLines.get(f) as number[] } : { path: f }));
    }
    if (info.overlay !== undefined) {
      // an overlay's inputs are its folder and the bases it names (anywhere): the changed files
      // under the overlay, and changed files that no side loads as plain manifests
      const prefix = info.overlay === '' ? '' : `${info.overlay}/`;
      return [...this.changed].filter((f) => f.startsWith(prefix) || !this.plain.has(f)).map((f) => ({ path: f }));
    }
    if (!this.changed.has(info.path)) return [];
    return [this.onBase.has(info.path) && !this.onHead.has(info.path) ? { path: info.path, side: 'base' } : { path: info.path }];
  }
}

/** A cause shared by the entries of a group: the selectors it flips, over all of them. */
function mergeSelectors(a: Cause, b: Cause): Cause {
  if (!('selectors' in a) || !('selectors' in b) || b.selectors.length === 0) return a;
  const all = new Map<string, SelectorChange>();
  for (const x of [...a.selectors, ...b.selectors]) all.set(`${x.rule === 'subject' ? 0 : 1}\u0000${x.policy}\u0000${x.rule}\u0000${x.field}`, x);
  const selectors = [...all.entries()].sort(([m], [n]) => compareStrings(m, n)).map(([, x]) => x);
  return { ...a, selectors };
}

function isOutsidePeer(p: Peer): boolean {
  return p.kind === 'external' || p.kind === 'ingress-controller' || p.kind === 'gateway';
}

function isOutsideSource(e: ConnectivityDiffEntry): boolean {
  return isOutsidePeer(e.src);
}

/**
 * The report lines of a group: one per in-cluster pair; entries between one workload and adjacent
 * address atoms with the same answer joined into one line, the addresses written as the policies do.
 */
function itemsOf(
  diff: ConnectivityDiff,
  explanations: readonly EntryExplanation[],
  entries: readonly number[],
  index: CauseFinder['policies'],
  blocks: readonly IpBlock[],
): ChangeItem[] {
  const joined = new Map<string, { indexes: number[]; ranges: IpRange[] }>();
  const order: string[] = [];
  for (const i of entries) {
    const e = diff.entries[i] as ConnectivityDiffEntry;
    const ext = e.src.kind === 'external' ? 'src' : e.dst.kind === 'external' ? 'dst' : undefined;
    const key = ext
      ? `${ext}\u0000${peerKey(ext === 'src' ? e.dst : e.src)}\u0000${e.kind}\u0000${e.before.key}\u0000${e.after.key}`
      : `pair\u0000${peerKey(e.src)}\u0000${peerKey(e.dst)}`;
    let j = joined.get(key);
    if (!j) {
      joined.set(key, (j = { indexes: [], ranges: [] }));
      order.push(key);
    }
    j.indexes.push(i);
    const p = ext === 'src' ? e.src : ext === 'dst' ? e.dst : undefined;
    if (p && p.kind === 'external') j.ranges.push(p.range);
  }
  return order.map((key) => {
    const { indexes, ranges } = joined.get(key) as { indexes: number[]; ranges: IpRange[] };
    const first = diff.entries[indexes[0] as number] as ConnectivityDiffEntry;
    const text = (p: Peer) => (p.kind === 'external' ? addressText(ranges, blocks) : peerKey(p));
    const interest = first.gained.union(first.lost);
    const x = explanations[indexes[0] as number];
    return {
      entries: indexes,
      kind: first.kind,
      src: text(first.src),
      dst: text(first.dst),
      outside: isOutsidePeer(first.src) || isOutsidePeer(first.dst),
      before: first.before,
      after: first.after,
      gained: first.gained,
      lost: first.lost,
      ...(first.workloadsInfo ? { workloadsInfo: first.workloadsInfo } : {}),
      why: { base: decisions(index.before, x?.before, interest), head: decisions(index.after, x?.after, interest) },
    };
  });
}

/**
 * The whole PR check on base and head: render, scan, connectivity, the semantic diff with
 * explanations grouped by cause, the needed links head's policies no longer allow, and gaps.
 */
export function runCheck(io: Io, request: CheckRequest, settings: ReadSettings): CheckOutcome {
  const { base, head, changed, commits } = loadSides(io, request, settings);
  const files = new Map<string, FileInfo>();
  for (const [sideName, side] of [
    ['base', base],
    ['head', head],
  ] as const) {
    const charts = side.values.map((v) => ({ shown: v.chart, rel: side.rel(v.chart) ?? v.chart }));
    for (const d of side.documents) {
      const rel = side.rel(d);
      if (rel === undefined) continue;
      const chart = charts.find((c) => d.startsWith(`${c.shown}/`));
      // a rendered file is named after its template (`chart/templates/x.yaml [rendered]`), an overlay's output `overlay/kustomization [rendered]`
      if (chart) files.set(d, { side: sideName, path: rel.replace(/ \[rendered\]$/, ''), chart: chart.rel === '.' ? '' : chart.rel });
      else if (rel.endsWith('/kustomization [rendered]') || rel === 'kustomization [rendered]') {
        const overlay = rel === 'kustomization [rendered]' ? '' : rel.slice(0, -'/kustomization [rendered]'.length);
        files.set(d, { side: sideName, path: overlay || '.', overlay });
      } else files.set(d, { side: sideName, path: rel });
    }
  }

  const before = base.engine.connectivity();
  const after = head.engine.connectivity();
  const diff = diffConnectivity(before, after);
  const explanations = explainDiff(base.engine, head.engine, diff);
  const finder = new CauseFinder(base.engine, head.engine);
  const attributor = new Attributor(changed, files, base, head);

  const groupsById = new Map<string, { causes: AttributedCause[]; entries: number[] }>();
  diff.entries.forEach((e, i) => {
    const causes: AttributedCause[] = finder.causesOf(e, explanations[i]).map((cause) => ({ cause, files: attributor.filesOf(cause.at) }));
    const id = causes.map((c) => causeId(c.cause)).join('\n');
    const g = groupsById.get(id);
    if (g) {
      g.entries.push(i);
      g.causes = g.causes.map((c, k) => ({ ...c, cause: mergeSelectors(c.cause, (causes[k] as AttributedCause).cause) }));
    } else groupsById.set(id, { causes, entries: [i] });
  });
  const blocks = ipBlocksOf([...head.engine.policies, ...base.engine.policies]);
  const toItems = (entries: readonly number[]) => itemsOf(diff, explanations, entries, finder.policies, blocks);
  // groups by size (the biggest change first), then by cause identity for a stable order
  const groups = [...groupsById.entries()]
    .sort(([ia, a], [ib, b]) => b.entries.length - a.entries.length || compareStrings(ia, ib))
    .map(([, g]) => ({ causes: g.causes, items: toItems(g.entries) }));
  const outside = groups.flatMap((g) => g.items.filter((it) => isOutsideSource(diff.entries[it.entries[0] as number] as ConnectivityDiffEntry) && !it.gained.isEmpty));

  const unmetHead = unmetLinks(head.topology.links, after);
  const unmetBase = unmetLinks(base.topology.links, before);
  const { broken, already } = newlyUnmet(unmetHead.unmet, unmetBase.unmet);
  const notJudged = unmetHead.unjudged.map((l) => {
    const ev = l.evidence.find((e) => e.kind === 'address' || e.kind === 'exposure' || e.kind === 'intent');
    return diag(Codes.linkNotJudged, 'info', `the link ${peerKey(l.src)} => ${peerKey(l.dst)} (${l.conns.toString()}) goes through a Gateway proxy, which the policy engine does not model; not checked`, ev && 'at' in ev ? ev.at : undefined);
  });

  return {
    refs: { base: base.label, head: head.label },
    ...(commits ? { commits } : {}),
    changedFiles: changed,
    diff,
    explanations,
    groups,
    outside,
    broken,
    alreadyUnmet: already,
    unjudged: unmetHead.unjudged,
    gaps: gapsOf(head.topology, base.topology),
    files,
    diagnostics: [...base.diagnostics, ...head.diagnostics, ...notJudged],
    headDiagnostics: [...head.diagnostics, ...notJudged],
  };
}
