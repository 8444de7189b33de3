import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ConfigError } from '../diagnostics/errors.js';
import type { ManifestFile } from '../manifests/documents.js';
import type { StoredParse } from '../manifests/parsed-store.js';
import type { ResultCache } from './result-cache.js';

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
  /** The Kubernetes version `helm template` renders for (`--kube-version`); DEFAULT_KUBE_VERSION when unset. */
  readonly kubeVersion?: string;
  /** absolute chart folder -> settings */
  readonly charts: ReadonlyMap<string, ChartSettings>;
  readonly kustomizeFlags: readonly string[];
  readonly timeoutMs: number;
  /** The flag that set `timeoutMs`, named when a step exceeds it (`--timeout` or `--render-timeout`). */
  readonly timeoutFlag?: string;
  readonly maxOutputBytes: number;
  /** A folder that keeps successful renderings across runs (content-addressed; see io/disk-cache.ts). */
  readonly cacheDir?: string;
}

/** The time limit of every external step (git, dot): `--timeout`. */
export interface ExecLimits {
  readonly timeoutMs?: number;
  readonly timeoutFlag?: string;
}

/** The exit-2 error of a step that exceeded its time limit, naming the step and the flag. */
export function timedOut(step: string, limits: ExecLimits): ConfigError {
  return new ConfigError(`${step} timed out after ${(limits.timeoutMs ?? 0) / 1000} s (${limits.timeoutFlag ?? '--timeout'})`);
}

/**
 * The Kubernetes version charts are rendered for when `--kube-version` is not given. Helm's own
 * default is baked in at build time: a release binary says its client-go version, while a helm
 * built with `go install` (as CI installs it) says v1.20.0, which fails every chart that declares
 * `kubeVersion: >=1.21` and changes what `.Capabilities.KubeVersion` templates render. A fixed
 * version makes the rendering the same however helm was built.
 */
export const DEFAULT_KUBE_VERSION = '1.32.0';

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
  /**
   * The exported tree's root (`diff --repo`): a chart there is the repository itself, whose
   * folder name depends on the clone, so its default release name is the chart's name.
   */
  readonly root?: string;
}

export interface ReadOptions {
  readonly maxFileBytes?: number;
  readonly render?: RenderOptions;
  readonly paths?: PathMapping;
  /**
   * Each path is one side of a comparison (`check` or `diff` of two folders): a chart at the path
   * itself is named by its chart's name, as at a repository's root, since the two folders' names
   * differ (`main/` and `pr/` would otherwise render `main-podinfo` and `pr-podinfo`).
   */
  readonly comparedSide?: true;
  /** Told before each (possibly long) rendering: `rendering chart X…`. */
  readonly progress?: (message: string) => void;
}

/** Values files of the charts rendered, so that provenance can point into them. */
export interface ChartValues {
  /** The chart as shown (prefix of its rendered files' names). */
  readonly chart: string;
  readonly files: readonly ManifestFile[];
  /** The templates its rendered files came from (as shown), where they could be read. */
  readonly templates?: readonly ManifestFile[];
  /** The own values.yaml of each subchart its templates lie in (as shown), with the subchart's names under the parent (`['primary']`). */
  readonly defaults?: readonly (ManifestFile & { readonly prefix: readonly string[] })[];
  /** The partials (`templates/_helpers.tpl`) of the chart and of those subcharts: the named templates the templates include. */
  readonly partials?: readonly ManifestFile[];
  /** Values were also set on the command line (`--set`): a values file may not hold what was rendered. */
  readonly setValues?: true;
}

export interface ReadResult {
  readonly files: ManifestFile[];
  readonly diagnostics: Diagnostic[];
  readonly values: ChartValues[];
}

/** Files parsed by workers and by the caller alike, each taking the next from one queue. */
export interface ParseShare {
  /** The next file for this thread to parse, taken from the queue the workers share; undefined once every file is taken. */
  next(): ManifestFile | undefined;
  /** Waits for the workers; the parses of the files they took (a file missing from the map is the caller's to parse). */
  collect(): Map<ManifestFile, StoredParse>;
}

/** The jobs `startThread` runs (dist/<name>-worker.mjs). */
export type ThreadName = 'check-base';

/**
 * A piece of a use-case computing on another thread (io/threads.ts). `collect` waits (synchronously)
 * up to `patienceMs` for its answer (text for `startThread`); undefined when the thread failed or took
 * longer, and the caller then computes the piece itself. `cancel` stops a thread whose answer is not needed.
 */
export interface ThreadJob<T = string> {
  collect(patienceMs: number): T | undefined;
  cancel(): void;
}

/**
 * A file's content: text, bytes, or text in pieces written one after the other (a large report is
 * streamed to its file as it is rendered, never held as one string).
 */
export type FileContent = string | Uint8Array | TextChunks;

export interface TextChunks {
  readonly chunks: Iterable<string>;
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
  /** Parses an earlier run kept under `dir` (`--cache-dir`), for the files that have one (content-addressed: see io/parsed-cache.ts). */
  storedParses(dir: string, files: readonly ManifestFile[]): Map<ManifestFile, StoredParse>;
  /** Keeps this run's parses under `dir` for later runs; a cache that cannot be written costs time, never correctness. */
  storeParses(dir: string, parses: ReadonlyMap<ManifestFile, StoredParse>): void;
  /**
   * Parse workers for a large input (io/parse-workers.ts; `NETPOL_CI_WORKERS`): started on part of
   * the files, the rest (`here`) left to the caller; undefined when workers would not pay.
   */
  startParsing(files: readonly ManifestFile[]): ParseShare | undefined;
  /**
   * Starts a job of another thread on `input` (plain data), when it pays for an input of
   * `inputChars` characters and threads are allowed (io/threads.ts; `NETPOL_CI_CHECK_THREAD`);
   * undefined otherwise, and the caller computes on its own thread. Absent: never.
   */
  startThread?(name: ThreadName, input: unknown, inputChars: number): ThreadJob | undefined;
  /** A small text input named on the command line (links file, --helm-config); a ConfigError when unreadable. */
  readText(file: string, what: string): string;
  /** Per-chart settings from `--helm-config FILE`. */
  readHelmConfig(file: string): Map<string, ChartSettings>;
  /** git: the repository's top folder, whether a path exists at a ref, and a ref's tree exported. */
  repoTop(repo: string, limits?: ExecLimits): string;
  pathExists(repo: string, ref: string, path: string, limits?: ExecLimits): boolean;
  exportTree(repo: string, ref: string, paths: readonly string[], limits?: ExecLimits): ExportedTree;
  /** The commit id a ref names (a ConfigError naming the ref when it names none). */
  resolveCommit(repo: string, ref: string): string;
  /** Files (repository-relative) that differ between two refs, limited to the paths. */
  changedFilesInRepo(repo: string, base: string, head: string, paths: readonly string[]): string[];
  /** Files (relative to each root) that differ between two folders, or two files compared by name. */
  changedFilesBetween(before: string, after: string): string[];
  /** Graphviz: DOT to SVG. */
  dotToSvg(dot: string, limits?: ExecLimits): string;
  /** Graphviz: DOT to PNG bytes. */
  dotToPng(dot: string, limits?: ExecLimits): Uint8Array;
  /**
   * Writes files under the writing policy (src/io/write-policy.ts): each must resolve inside
   * `inside` (default: its own folder), no symlink is written through, folders are created when
   * asked; a one-line ConfigError on failure.
   */
  writeFiles(files: ReadonlyMap<string, FileContent>, options?: { readonly createFolders?: boolean; readonly inside?: string }): void;
  /** The files (not folders) under a folder, recursively, sorted; a ConfigError when it is not a folder. */
  listFiles(dir: string): string[];
  /** Whether a path is an existing folder. */
  isDirectory(path: string): boolean;

  // verify: cluster reads
  /** Removes files (`verify --fix` drops policy files netpol-ci wrote that its new layout no longer has); a ConfigError on failure. */
  removeFiles(files: readonly string[]): void;
  /**
   * The resource types the cluster serves (`kubectl api-resources -o name`: `pods`,
   * `networkpolicies.networking.k8s.io`), with kubectl's complaint when an aggregated API group
   * could not be discovered (the rest is still listed).
   */
  kubectlResources(target: KubectlTarget): { readonly resources: ReadonlySet<string>; readonly warning?: string };
  /** `kubectl get <resources> -o json` in one namespace or all: the List's JSON text. A ConfigError quoting kubectl on failure. */
  kubectlGet(target: KubectlTarget, resources: readonly string[], namespace?: string): string;

  // traffic: trace files
  /** Streams a (possibly huge) text file line by line, 1-based, with flat memory (only the bytes `[start, end)` with a range); returns the line count. A ConfigError when unreadable. */
  forEachLine(file: string, what: string, onLine: (text: string, line: number) => void, range?: { readonly start: number; readonly end: number }): number;
  /** Where to cut a large trace between two reading threads (just after a newline near its middle), or undefined: one thread reads it (io/traffic.ts). Absent: one thread reads every trace. */
  traceCut?(file: string): number | undefined;
  /** Starts the trace worker (dist/traffic-worker.mjs) on a job; `collect()` waits for its result (undefined when it failed). Undefined when there is no worker script (running from sources). */
  startTraceWorker?(job: object, deadlineMs: number): { collect(): unknown } | undefined;

  // baseline: nca
  /** nca (NCA_PATH, or nca on PATH) and its version; undefined when it is not installed. */
  findNca(): NcaTool | undefined;
  /**
   * Runs `nca --scheme` over files written to a temporary folder (removed afterwards), within
   * `timeoutMs`; returns the outputs nca wrote, even when it was stopped (queries run in order).
   */
  runNcaScheme(files: readonly { readonly name: string; readonly text: string }[], scheme: string, outputs: readonly string[], timeoutMs: number): NcaRun;

  // check: results kept across runs
  /** Whole results of use-cases kept in a `--cache-dir` folder, keyed by content and the code's identity; absent: nothing is kept. */
  resultCache?(dir: string): ResultCache;
}

/** Which cluster kubectl talks to, and how long it may take per request. */
export interface KubectlTarget {
  readonly kubeconfig?: string;
  readonly context?: string;
  readonly timeoutSeconds: number;
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
