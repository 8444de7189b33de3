import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { ConfigError } from '../../diagnostics/errors.js';
import { PolicyEngine } from '../../connectivity/engine.js';
import type { Cluster } from '../../manifests/cluster.js';
import { ParseCache } from '../../manifests/documents.js';
import type { ChartValues, ExportedTree, Io, PathMapping } from '../../io/types.js';
import { scanTopology } from '../../topology/scan.js';
import type { Topology } from '../../topology/links.js';
import { loadInputs } from '../load.js';
import { engineOptions, type ReadSettings } from '../settings.js';
import type { CheckRequest } from './types.js';

export interface LoadedSide {
  readonly label: string;
  /** The side's objects, in memory: observed traffic is resolved against them once the side's files are gone, and lint and exposure analyse them again without re-reading files. */
  readonly cluster: Cluster;
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
  const engine = new PolicyEngine(load.cluster, engineOptions(settings));
  const scan = scanTopology(load.cluster, { values });
  return {
    label,
    cluster: load.cluster,
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
export function loadSides(io: Io, request: CheckRequest, settings: ReadSettings): { base: LoadedSide; head: LoadedSide; changed: string[]; commits?: { base: string; head: string } } {
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
