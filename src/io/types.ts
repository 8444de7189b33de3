import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ManifestFile } from '../manifests/documents.js';

/** Helm and Kustomize settings (from the common flags or an Action's inputs). */
export interface ChartSettings {
  readonly releaseName?: string;
  readonly namespace?: string;
  readonly values?: readonly string[];
  readonly set?: readonly string[];
}

export interface RenderOptions {
  readonly helmValues: readonly string[];
  readonly helmSet: readonly string[];
  readonly helmReleaseName?: string;
  readonly helmNamespace?: string;
  /** absolute chart folder -> settings */
  readonly charts: ReadonlyMap<string, ChartSettings>;
  readonly kustomizeFlags: readonly string[];
  readonly timeoutMs: number;
  readonly maxOutputBytes: number;
}

export const DEFAULT_RENDER_OPTIONS: RenderOptions = {
  helmValues: [],
  helmSet: [],
  charts: new Map(),
  kustomizeFlags: [],
  timeoutMs: 120_000,
  maxOutputBytes: 64 * 1024 * 1024,
};

export const DEFAULT_MAX_FILE_BYTES = 32 * 1024 * 1024;

/**
 * Where files really are versus where the user knows them: `diff --repo` reads a ref from a
 * temporary tree, shown as `REF:path`, with per-chart settings looked up at the working-tree path.
 */
export interface PathMapping {
  /** How an absolute path is shown in diagnostics and provenance. */
  readonly display: (abs: string) => string;
  /** The working-tree path an absolute path stands for (for --helm-config lookups). */
  readonly logical: (abs: string) => string;
}

export interface ReadOptions {
  readonly maxFileBytes?: number;
  readonly render?: RenderOptions;
  readonly paths?: PathMapping;
}

/** Values files of the charts rendered, so that provenance can point into them. */
export interface ChartValues {
  /** The chart as shown (prefix of its rendered files' names). */
  readonly chart: string;
  readonly files: readonly ManifestFile[];
}

export interface ReadResult {
  readonly files: ManifestFile[];
  readonly diagnostics: Diagnostic[];
  readonly values: ChartValues[];
}

/** A git ref exported to a temporary folder (removed with `dispose`). */
export interface ExportedTree {
  readonly dir: string;
  readonly top: string;
  dispose(): void;
}

/**
 * Everything the use-cases need from the outside world, injected: the CLI and the Actions pass
 * the Node implementation (src/io/node-io.ts), tests may pass their own. It holds the run's
 * caches (renderings, tool versions), so nothing is cached at module level.
 */
export interface Io {
  /** Manifest files under the paths, charts and overlays rendered; every unusable file reported. */
  readManifests(paths: readonly string[], options: ReadOptions): ReadResult;
  /** A small text input named on the command line (links file, --helm-config); a ConfigError when unreadable. */
  readText(file: string, what: string): string;
  /** Per-chart settings from `--helm-config FILE`. */
  readHelmConfig(file: string): Map<string, ChartSettings>;
  /** git: the repository's top folder, whether a path exists at a ref, and a ref's tree exported. */
  repoTop(repo: string): string;
  pathExists(repo: string, ref: string, path: string): boolean;
  exportTree(repo: string, ref: string, paths: readonly string[]): ExportedTree;
  /** Graphviz: DOT to SVG. */
  dotToSvg(dot: string): string;
  /** Writes files (creating their folders when asked); a ConfigError on failure. */
  writeFiles(files: ReadonlyMap<string, string>, options?: { readonly createFolders?: boolean }): void;
  /** Whether a path is an existing folder. */
  isDirectory(path: string): boolean;
  // baseline: nca
  /** nca (NCA_PATH, or nca on PATH) and its version; undefined when it is not installed. */
  findNca(): NcaTool | undefined;
  /**
   * Runs `nca --scheme` over files written to a temporary folder (removed afterwards), within
   * `timeoutMs`; returns the outputs nca wrote, even when it was stopped (queries run in order).
   */
  runNcaScheme(files: readonly { readonly name: string; readonly text: string }[], scheme: string, outputs: readonly string[], timeoutMs: number): NcaRun;
}

// baseline: nca
/** The nca executable found (NCA_PATH, or nca on PATH). */
export interface NcaTool {
  readonly path: string;
  readonly version: string;
}

/** One nca process over a scheme file: what it wrote, and whether it finished. */
export interface NcaRun {
  /** Output files nca wrote (by the names asked for), read back. */
  readonly outputs: ReadonlyMap<string, string>;
  readonly timedOut: boolean;
  /** Exit status (undefined when killed). nca exits non-zero when a query fails; that is not an error. */
  readonly status: number | undefined;
  /** A failure to run at all, or nca's own error text. */
  readonly error?: string;
  readonly seconds: number;
}
