import path from 'node:path';
import { Codes, diag, uniqueDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { buildCluster } from '../manifests/cluster.js';
import type { K8sObject } from '../manifests/objects.js';
import { POLICY_KINDS } from '../manifests/api-groups.js';
import { ConfigError } from '../diagnostics/errors.js';
import { diffConnectivity, type ConnectivityDiff } from '../connectivity/diff.js';
import { pairMovedWorkloads } from '../connectivity/diff-moves.js';
import { PolicyEngine } from '../connectivity/engine.js';
import { explainDiff, type EntryExplanation } from '../connectivity/explain.js';
import { ParseCache } from '../manifests/documents.js';
import type { ExportedTree, Io, PathMapping } from '../io/types.js';
import { loadInputs } from './load.js';
import { engineOptions, type ReadSettings } from './settings.js';
import { repositoryPaths } from './repo-paths.js';

/** Two folders (or files), or two refs of a git repository with optional paths inside it. */
export type DiffRequest =
  /** With `workloads`, the sides hold policies only and are evaluated over that path's workloads. */
  | { readonly kind: 'paths'; readonly before: string; readonly after: string; readonly workloads?: string }
  | { readonly kind: 'repo'; readonly repo: string; readonly base: string; readonly head: string; readonly paths: readonly string[] };

/** One side of a diff, evaluated. */
export interface DiffSide {
  readonly label: string;
  readonly engine: PolicyEngine;
  readonly diagnostics: readonly Diagnostic[];
}

export interface DiffOutcome {
  readonly diff: ConnectivityDiff;
  readonly refs: { readonly before: string; readonly after: string };
  readonly before: DiffSide;
  readonly after: DiffSide;
  /** Present when asked for (the Markdown and JSON reports need it). */
  readonly explanations?: readonly EntryExplanation[];
  readonly diagnostics: readonly Diagnostic[];
}

function loadSide(io: Io, label: string, inputs: readonly string[], settings: ReadSettings, cache: ParseCache, mapping?: PathMapping, comparedSide = false): DiffSide {
  const { load, diagnostics } = loadInputs(io, inputs, settings, cache, mapping, comparedSide);
  const engine = new PolicyEngine(load.cluster, engineOptions(settings));
  return { label, engine, diagnostics: [...diagnostics, ...engine.diagnostics] };
}

const isPolicy = (o: K8sObject) => POLICY_KINDS.has(o.kind);

/**
 * `diff A B --workloads W`: the policies of one side evaluated over everything else W holds
 * (workloads, namespaces, Services, Ingresses). Policies in W and non-policy objects in the side
 * are left out, and said so.
 */
function loadPolicySide(io: Io, label: string, side: string, workloads: ReturnType<typeof loadInputs>, workloadsPath: string, settings: ReadSettings, cache: ParseCache): DiffSide {
  const policies = loadInputs(io, [side], settings, cache);
  const all: Diagnostic[] = [...policies.diagnostics];
  const ignoredHere = policies.load.cluster.objects.filter((o) => !isPolicy(o)).length;
  if (ignoredHere > 0) all.push(diag(Codes.unsupportedValue, 'warning', `--workloads: ${ignoredHere} non-policy object(s) in ${side} ignored; the workloads come from ${workloadsPath}`));
  const built = buildCluster([...policies.load.cluster.objects.filter(isPolicy), ...workloads.load.cluster.objects.filter((o) => !isPolicy(o))]);
  const engine = new PolicyEngine(built.cluster, engineOptions(settings));
  all.push(...built.diagnostics, ...engine.diagnostics);
  return { label, engine, diagnostics: dedupe(all) };
}

const dedupe = uniqueDiagnostics;

/**
 * Loads both sides of a diff. With a repository, each ref's whole tree is exported with
 * `git archive` into a temporary folder (the working tree and index are never touched), so that
 * what the named paths reference (an overlay's `../../bases`, a chart's `file://` dependency)
 * renders on both sides; only the named paths are analysed. Files are shown as `REF:path`, and
 * no message shows the temporary folder.
 */
export function loadDiffSides(io: Io, request: DiffRequest, settings: ReadSettings): { before: DiffSide; after: DiffSide } {
  // documents both sides share are parsed and validated once
  const cache = new ParseCache();
  if (request.kind === 'paths' && request.workloads !== undefined) {
    const workloads = loadInputs(io, [request.workloads], settings, cache);
    const inW = workloads.load.cluster.objects.filter(isPolicy).length;
    const before = loadPolicySide(io, request.before, request.before, workloads, request.workloads, settings, cache);
    const note = inW > 0 ? [diag(Codes.unsupportedValue, 'warning', `--workloads: ${inW} policy object(s) in ${request.workloads} ignored; the policies come from the two sides`)] : [];
    const wDiags = dedupe([...workloads.diagnostics, ...note]);
    return { before: { ...before, diagnostics: dedupe([...wDiags, ...before.diagnostics]) }, after: loadPolicySide(io, request.after, request.after, workloads, request.workloads, settings, cache) };
  }
  if (request.kind === 'paths') {
    // two folders are two versions of one project: a chart at a side's root renders the same names on both
    return { before: loadSide(io, request.before, [request.before], settings, cache, undefined, true), after: loadSide(io, request.after, [request.after], settings, cache, undefined, true) };
  }
  const { repo, base, head } = request;
  const limits = { timeoutMs: settings.render.timeoutMs, ...(settings.render.timeoutFlag ? { timeoutFlag: settings.render.timeoutFlag } : {}) };
  const top = io.repoTop(repo, limits);
  const sub = request.paths.length > 0 ? repositoryPaths(request.paths) : ['.'];
  for (const p of sub) {
    if (!io.pathExists(repo, base, p, limits) && !io.pathExists(repo, head, p, limits)) throw new ConfigError(`${p} exists neither at ${base} nor at ${head} (paths are relative to the repository root)`);
  }
  const trees: ExportedTree[] = [];
  try {
    const side = (ref: string): DiffSide => {
      const tree = io.exportTree(repo, ref, ['.'], limits);
      trees.push(tree);
      const rel = (abs: string) => path.relative(tree.dir, abs).split(path.sep).join('/');
      // a path missing at this ref: that side simply has no manifests there
      const inputs = sub.filter((p) => io.pathExists(repo, ref, p)).map((p) => path.join(tree.dir, p));
      const loaded = loadSide(io, ref, inputs, settings, cache, { display: (abs) => `${ref}:${rel(abs) || '.'}`, logical: (abs) => path.join(top, rel(abs)), root: tree.dir });
      return { ...loaded, diagnostics: loaded.diagnostics.map((d) => withoutTempPaths(d, tree.dir, ref)) };
    };
    return { before: side(base), after: side(head) };
  } finally {
    for (const t of trees) t.dispose();
  }
}

/** A tool's message may quote the temporary folder a ref was exported to: shown as `REF:path` instead. */
function withoutTempPaths(d: Diagnostic, dir: string, ref: string): Diagnostic {
  const scrub = (text: string) => text.split(`${dir}${path.sep}`).join(`${ref}:`).split(dir).join(`${ref}:.`);
  if (!d.message.includes(dir) && !(d.hint ?? '').includes(dir)) return d;
  return { ...d, message: scrub(d.message), ...(d.hint !== undefined ? { hint: scrub(d.hint) } : {}) };
}

/** The semantic connectivity diff between two configurations, with explanations when asked. */
export function runDiff(io: Io, request: DiffRequest, settings: ReadSettings, options: { readonly explain?: boolean } = {}): DiffOutcome {
  const { before, after } = loadDiffSides(io, request, settings);
  const moves = pairMovedWorkloads(before.engine.cluster.workloads, after.engine.cluster.workloads);
  const diff = diffConnectivity(before.engine.connectivity(), after.engine.connectivity(), moves);
  const explanations = options.explain ? explainDiff(before.engine, after.engine, diff) : undefined;
  return {
    diff,
    refs: { before: before.label, after: after.label },
    before,
    after,
    ...(explanations ? { explanations } : {}),
    diagnostics: dedupe([...before.diagnostics, ...after.diagnostics]),
  };
}
