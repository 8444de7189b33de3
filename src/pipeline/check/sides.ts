import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { ConfigError } from '../../diagnostics/errors.js';
import { PolicyEngine, type Connectivity } from '../../connectivity/engine.js';
import type { Cluster } from '../../manifests/cluster.js';
import { ParseCache } from '../../manifests/documents.js';
import { originFiles } from '../../manifests/origins.js';
import type { ChartValues, ExportedTree, Io, PathMapping, ReadResult } from '../../io/types.js';
import { scanTopology } from '../../topology/scan.js';
import type { Topology } from '../../topology/links.js';
import { loadRead, readInputs, type LoadedInputs } from '../load.js';
import { baseThreadInput, decodeBaseAnalysis, type BaseAnalysis } from './base-thread.js';
import { engineOptions, type ReadSettings } from '../settings.js';
import type { CheckRequest } from './types.js';
import { repositoryPaths } from '../repo-paths.js';

export interface LoadedSide {
  readonly label: string;
  /** The side's evaluated connectivity. */
  readonly connectivity: Connectivity;
  /** The side's objects, in memory: observed traffic is resolved against them once the side's files are gone, and lint and exposure analyse them again without re-reading files. */
  readonly cluster: Cluster;
  readonly engine: PolicyEngine;
  /** The scanned links and gaps; base's address evidence has no lines (its links are judged, never shown). */
  readonly topology: Topology;
  readonly values: readonly ChartValues[];
  readonly documents: readonly string[];
  /** The files rendered documents are cited in (a template, an overlay's base file or patch), each with the rendered file it belongs to. */
  readonly sources: readonly (readonly [source: string, rendered: string])[];
  readonly diagnostics: readonly Diagnostic[];
  /** The relative path of a displayed file of this side, if it is one. */
  readonly rel: (display: string) => string | undefined;
}

/** One side read (charts and overlays rendered) but not parsed yet: what the cache key of a check is made of. */
export interface ReadSide {
  readonly label: string;
  readonly root: string;
  readonly mapping: PathMapping;
  readonly rel: (display: string) => string | undefined;
  /** A folder or a file typed on the command line, or a ref's exported tree (how paths are shown depends on it). */
  readonly shape: 'folder' | 'file' | 'tree';
  /** What `io.readManifests` gave for the side's root. */
  readonly read: ReadResult;
}

/** Both sides read, with what the PR changed; `dispose` removes the exported trees of refs. */
export interface ReadSides {
  readonly base: ReadSide;
  readonly head: ReadSide;
  readonly changed: string[];
  readonly commits?: { base: string; head: string };
  dispose(): void;
}

/** A side loaded and its engine built: what the explanations need, before its pairs are enumerated and its manifests scanned. */
interface OpenedSide {
  readonly side: ReadSide;
  readonly loaded: LoadedInputs;
  readonly engine: PolicyEngine;
}

function openSide(io: Io, side: ReadSide, settings: ReadSettings, cache: ParseCache): OpenedSide {
  const loaded = loadRead(io, side.read, settings, cache);
  return { side, loaded, engine: new PolicyEngine(loaded.load.cluster, engineOptions(settings)) };
}

/** A side's connections, links and gaps computed on this thread (base-thread.ts computes the same for base on another). */
function analyzeHere(opened: OpenedSide, role: 'base' | 'head', settings: ReadSettings): BaseAnalysis {
  // base's links are judged (were the links the PR breaks met there?), never shown: no lines for their evidence
  const scan = scanTopology(opened.loaded.load.cluster, { values: opened.loaded.values, evidenceLines: role === 'head', ...(settings.serviceCidrs ? { serviceCidrs: settings.serviceCidrs } : {}) });
  const connections = opened.engine.connectivity().connections;
  return { connections, topology: scan.value, engineDiagnostics: opened.engine.diagnostics, scanDiagnostics: scan.diagnostics };
}

function finishSide(opened: OpenedSide, analysis: BaseAnalysis): LoadedSide {
  const { side, loaded, engine } = opened;
  const { load, diagnostics, values } = loaded;
  return {
    label: side.label,
    connectivity: { connections: analysis.connections, workloads: load.cluster.workloads.map((w) => w.ref), ipRanges: engine.ipRanges },
    cluster: load.cluster,
    engine,
    topology: analysis.topology,
    values,
    documents: [...new Set(load.documents.map((d) => d.file))],
    sources: side.read.files.flatMap((f) => (f.origins ? originFiles(f.origins).map((s) => [s, f.path] as const) : [])),
    diagnostics: [...diagnostics, ...analysis.engineDiagnostics, ...analysis.scanDiagnostics],
    rel: side.rel,
  };
}

const toPosix = (p: string) => p.split(path.sep).join('/');

/**
 * Reads both sides: folders as given (files shown under the path typed), refs exported with
 * `git archive` (shown as `REF:path`). Nothing is parsed yet.
 */
export function readSides(io: Io, request: CheckRequest, settings: ReadSettings): ReadSides {
  if (request.kind === 'paths') {
    const side = (root: string): ReadSide => {
      const abs = path.resolve(root);
      const isDir = io.isDirectory(abs);
      const shown = toPosix(path.normalize(root)).replace(/\/$/, '');
      const display = (f: string) => {
        const r = toPosix(path.relative(abs, f));
        return isDir ? (r === '' ? shown : `${shown}/${r}`) : f === abs ? shown : toPosix(f);
      };
      const rel = (d: string) => (isDir ? (d === shown ? '.' : d.startsWith(`${shown}/`) ? d.slice(shown.length + 1) : undefined) : d === shown ? path.basename(abs) : undefined);
      const mapping: PathMapping = { display, logical: (f) => f };
      return { label: root, root, mapping, rel, shape: isDir ? 'folder' : 'file', read: readInputs(io, [root], settings, mapping, true) };
    };
    return { base: side(request.base), head: side(request.head), changed: io.changedFilesBetween(request.base, request.head), dispose: () => {} };
  }
  const { repo, base, head } = request;
  const top = io.repoTop(repo);
  const sub = request.paths.length > 0 ? repositoryPaths(request.paths) : ['.'];
  for (const p of sub) {
    if (!io.pathExists(repo, base, p) && !io.pathExists(repo, head, p)) throw new ConfigError(`${p} exists neither at ${base} nor at ${head} (paths are relative to the repository root)`);
  }
  const commits = { base: io.resolveCommit(repo, base), head: io.resolveCommit(repo, head) };
  const trees: ExportedTree[] = [];
  const dispose = () => {
    for (const t of trees.splice(0)) t.dispose();
  };
  try {
    const side = (ref: string): ReadSide => {
      const tree = io.exportTree(repo, ref, sub);
      trees.push(tree);
      const relAbs = (abs: string) => toPosix(path.relative(tree.dir, abs));
      const rel = (d: string) => (d.startsWith(`${ref}:`) ? d.slice(ref.length + 1) : undefined);
      const mapping: PathMapping = { display: (abs) => `${ref}:${relAbs(abs) || '.'}`, logical: (abs) => path.join(top, relAbs(abs)) };
      return { label: ref, root: tree.dir, mapping, rel, shape: 'tree', read: readInputs(io, [tree.dir], settings, mapping) };
    };
    return { base: side(base), head: side(head), changed: io.changedFilesInRepo(repo, base, head, request.paths), commits, dispose };
  } catch (e) {
    dispose();
    throw e;
  }
}

/**
 * Parses and analyses both sides read by `readSides` (one parse cache: files the PR did not change
 * are parsed once), then disposes of them. For a large input base's enumeration and scan run on a
 * second thread (base-thread.ts) while this one does head; a thread that is not allowed, cannot
 * start or fails leaves them to this thread. The sides are the same either way.
 */
export function loadSides(io: Io, sides: ReadSides, settings: ReadSettings): { base: LoadedSide; head: LoadedSide } {
  const startedAt = Date.now();
  const baseRead = sides.base.read;
  const chars = baseRead.files.reduce((n, f) => n + f.text.length, 0);
  const thread = io.startThread?.('check-base', baseThreadInput(baseRead.files, baseRead.values, settings), chars);
  try {
    const cache = new ParseCache();
    const base = openSide(io, sides.base, settings, cache);
    if (!thread) {
      const baseSide = finishSide(base, analyzeHere(base, 'base', settings));
      const head = openSide(io, sides.head, settings, cache);
      return { base: baseSide, head: finishSide(head, analyzeHere(head, 'head', settings)) };
    }
    const head = openSide(io, sides.head, settings, cache);
    const headSide = finishSide(head, analyzeHere(head, 'head', settings));
    // the thread had a head start and as much work as this one: past twice this thread's time (and
    // a margin for a busy machine), it is taken as failed and base is analysed here
    const answer = thread.collect(10_000 + 2 * (Date.now() - startedAt));
    const analysed = answer !== undefined ? decodeBaseAnalysis(answer) : undefined;
    return { base: finishSide(base, analysed ?? analyzeHere(base, 'base', settings)), head: headSide };
  } finally {
    thread?.cancel();
    sides.dispose();
  }
}
