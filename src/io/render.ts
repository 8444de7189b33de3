import { spawnSync } from './builtins.js';
import { createHash } from './builtins.js';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsYaml from 'js-yaml';
import { z } from 'zod';
import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseManifestFile, type ManifestFile } from '../manifests/documents.js';
import { locate } from '../manifests/positions.js';
import { visible } from '../diagnostics/sanitize.js';
import { KUSTOMIZATION_FILES, kustomizationRefs, kustomizeOutput, localChartDependencies, splitHelmOutput } from '../manifests/render.js';
import { remoteKustomizeReferences, unsafeHelmCharts, isHelmReleaseName } from '../manifests/kustomize-remote.js';
import { helmChartsNotes, kustomizationInputs, kustomizeDocumentSources, type RenderOrigins } from '../manifests/origins.js';

import { chartSourceLocator, vendoredChartNames } from './chart-sources.js';
import { DiskCache } from './disk-cache.js';
import { errnoText, isInsideTree, readRegularFile, refusalMessage, renderTreeProblems, walkTree } from './read-policy.js';
import { boundedCommand, toolMessage } from './tool-limits.js';
import { DEFAULT_KUBE_VERSION, type ChartSettings, type RenderOptions } from './types.js';

export function helmBinary(): string {
  return process.env.HELM_PATH || 'helm';
}

export function kubectlBinary(): string {
  return process.env.KUBECTL_PATH || 'kubectl';
}

const HelmOrigins = z.object({ tool: z.literal('helm'), template: z.string(), source: z.string().optional(), lines: z.array(z.number().int().nonnegative()), as: z.string().optional() });
const Origins = z.discriminatedUnion('tool', [
  z.object({
    tool: z.literal('kustomize'),
    documents: z.array(z.union([z.object({ path: z.string() }).strict(), z.object({ configuredIn: z.string(), generator: z.string() }).strict(), z.null()])),
    kustomizations: z.array(z.string()),
    sources: z.array(z.object({ path: z.string(), text: z.string() }).strict()),
    charts: z.array(z.object({ kustomization: z.string(), files: z.array(z.object({ path: z.string(), text: z.string(), origins: HelmOrigins }).strict()), problems: z.array(z.string()) }).strict()).optional(),
  }),
  HelmOrigins,
]);
const FileList = z.array(z.object({ path: z.string(), text: z.string(), origins: Origins.optional() }));

/**
 * In every render cache key: entries kept before rendered files carried their origins (or with an
 * older way of finding them) are never read, so a cached rendering always cites source files as a
 * fresh one does. 2: the texts of JSON 6902 patch files and of generators' `files:` are among the
 * sources, and helmCharts' charts are rendered with their template names. 3: a Helm origin also
 * carries helm's own `# Source:` path (a subchart under an alias is cited at its real place).
 */
const ORIGINS_VERSION = 'origins/4';

/**
 * Renderings by key (a hash of the tool version, the folder's content, the flags and the
 * environment the tool reads): within a run each happens once, so a diff's base and head share
 * it; with a cache folder, successful ones are kept across runs too (failures are always re-run,
 * so that their message is current). Held by the run's Io object, never at module level.
 */
export class RenderCache {
  private readonly versions = new Map<string, string | undefined>();
  private readonly charts = new Map<string, Rendered>();
  private readonly overlays = new Map<string, { files: ManifestFile[]; diagnostics: Diagnostic[] }>();
  private disk: DiskCache | undefined;

  /** Keep renderings across runs in this folder too (`--cache-dir`). */
  useFolder(dir: string | undefined): void {
    if (dir && this.disk?.dir !== dir) this.disk = new DiskCache(dir);
  }

  chart(key: string): Rendered | undefined {
    const hit = this.charts.get(key);
    if (hit) return hit;
    const stored = this.disk?.get('helm', key, FileList);
    if (!stored) return undefined;
    const result = { files: stored, diagnostics: [] };
    this.charts.set(key, result);
    return result;
  }

  setChart(key: string, result: Rendered): void {
    this.charts.set(key, result);
    if (result.diagnostics.length === 0) this.disk?.set('helm', key, result.files);
  }

  overlay(key: string): { files: ManifestFile[]; diagnostics: Diagnostic[] } | undefined {
    const hit = this.overlays.get(key);
    if (hit) return hit;
    const stored = this.disk?.get('kustomize', key, FileList);
    if (!stored) return undefined;
    const result = { files: stored, diagnostics: [] };
    this.overlays.set(key, result);
    return result;
  }

  setOverlay(key: string, result: { files: ManifestFile[]; diagnostics: Diagnostic[] }): void {
    this.overlays.set(key, result);
    if (result.diagnostics.length === 0) this.disk?.set('kustomize', key, result.files);
  }

  /** Folder -> its unsafe entries and content hash (a scanned root is walked once for all its overlays). */
  readonly trees = new Map<string, { problems: string[]; hash: string }>();

  tree(dir: string): { problems: string[]; hash: string } {
    let hit = this.trees.get(dir);
    if (!hit) {
      let problems: string[];
      try {
        problems = renderTreeProblems(dir);
      } catch (e) {
        problems = [`cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`];
      }
      const h = createHash('sha256');
      if (problems.length === 0) hashFolder(dir, h);
      hit = { problems, hash: h.digest('hex') };
      this.trees.set(dir, hit);
    }
    return hit;
  }

  toolVersion(bin: string, args: string[]): string | undefined {
    const key = `${bin} ${args.join(' ')}`;
    if (!this.versions.has(key)) {
      const r = spawnSync(bin, args, { encoding: 'utf8', timeout: 30_000, maxBuffer: 1024 * 1024, killSignal: 'SIGKILL' });
      this.versions.set(key, r.status === 0 ? r.stdout.trim() : undefined);
    }
    return this.versions.get(key);
  }
}

/** The environment variables a tool reads that can change its output (HELM_*, KUSTOMIZE_*), for cache keys. */
function toolEnv(prefix: string): string {
  return Object.keys(process.env)
    .filter((k) => k.startsWith(prefix))
    .sort()
    .map((k) => `${k}=${process.env[k]}`)
    .join('\0');
}

/** Files larger than this are hashed by size and modification time, not content. */
const HASH_CONTENT_LIMIT = 8 * 1024 * 1024;

/**
 * The render cache key of a folder, under the reading policy: regular files by content (bounded),
 * symlinks by their link text, FIFOs and devices by kind only: never opened, so a FIFO or a link
 * to /dev/zero beside an overlay cannot stall the hashing.
 */
function hashFolder(dir: string, h: ReturnType<typeof createHash>): void {
  const { entries } = walkTree(dir, dir, { skipFolder: (name) => name === '.git' });
  for (const e of entries) {
    h.update(e.rel).update('\0');
    if (e.kind === 'special') h.update(`special ${e.what}\0`);
    else if (e.kind === 'symlink') h.update(`link ${readlinkSync(e.abs)}\0`);
    else {
      const r = readRegularFile(e.abs, dir, HASH_CONTENT_LIMIT);
      h.update(r.ok ? r.bytes : `refused ${JSON.stringify(r.refusal)}`).update('\0');
    }
  }
}

/**
 * A chart or overlay whose tree links outside itself (or holds a FIFO or device) is not rendered:
 * helm's `.Files.Get` and kustomize would read the host file into the output, or block.
 */
function refuseUnsafeTree(problems: readonly string[], what: string, at: { file: string; doc: number }): Diagnostic[] {
  if (problems.length === 0) return [];
  const shown = problems.slice(0, 5).join('; ') + (problems.length > 5 ? `; and ${problems.length - 5} more` : '');
  return [diag(Codes.renderTreeEscape, 'error', `${what} holds files that may not be read: ${shown}; not rendered`, at, 'only regular files inside the chart or overlay tree are rendered')];
}

/** Rendering fetches nothing over the network unless the user allows it for a trusted repository. */
function renderNetworkAllowed(): boolean {
  return process.env.NETPOL_CI_RENDER_NETWORK === 'allow';
}

/**
 * Why an overlay is not given to kubectl: the remote references of it and of the local bases it
 * reaches when rendering is offline, and helmCharts entries whose names helm would read as flags
 * (each kustomization read under the reading policy), located in the kustomization that names them.
 */
function overlayRefusals(dir: string, display: string, root: string, offline: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  const start = path.resolve(dir);
  walkKustomizations(
    start,
    // an unreadable kustomization is reported by the render itself
    (file) => readSource(file, root),
    (d, kfile, text) => {
      const file = { path: `${path.posix.join(display, path.relative(start, d).split(path.sep).join('/'))}/${kfile}`, text };
      if (offline) out.push(...remoteKustomizeReferences(file));
      out.push(...unsafeHelmCharts(file));
      return kustomizationRefs('.', text).map((ref) => path.resolve(d, ref));
    },
    (d) => isInsideTree(d, path.resolve(root)),
  );
  return out;
}

/** Why a render that tried the network failed: it ran offline on purpose. */
function offlineHint(r: { ok: false; message: string }): string | undefined {
  if (renderNetworkAllowed() || !/127\.0\.0\.1:9\b|transport '[a-z]+' not allowed/.test(r.message)) return undefined;
  return 'rendering is offline: nothing is fetched; vendor remote bases and charts into the repository, or set NETPOL_CI_RENDER_NETWORK=allow for a trusted repository';
}

const KUSTOMIZATION_READ_LIMIT = 4 * 1024 * 1024;

/**
 * Proxy settings that send every HTTP(S) request to a closed port, and git limited to local
 * repositories: what the static check above cannot see (a helmCharts repository, a base's own
 * remote) fails instead of reaching an address a pull request chose.
 */
const OFFLINE_ENV = {
  HTTP_PROXY: 'http://127.0.0.1:9',
  HTTPS_PROXY: 'http://127.0.0.1:9',
  ALL_PROXY: 'http://127.0.0.1:9',
  http_proxy: 'http://127.0.0.1:9',
  https_proxy: 'http://127.0.0.1:9',
  all_proxy: 'http://127.0.0.1:9',
  NO_PROXY: '',
  no_proxy: '',
  GIT_ALLOW_PROTOCOL: 'file',
  GIT_TERMINAL_PROMPT: '0',
};

function run(bin: string, args: string[], cwd: string, opts: RenderOptions): { ok: true; stdout: string } | { ok: false; missing: boolean; message: string } {
  // bounded time, output and memory: a hostile chart may print without end or allocate gigabytes
  const cmd = boundedCommand(bin, args);
  const env = renderNetworkAllowed() ? cmd.env : { ...cmd.env, ...OFFLINE_ENV };
  const r = spawnSync(cmd.bin, cmd.args, { cwd, encoding: 'utf8', timeout: opts.timeoutMs, maxBuffer: opts.maxOutputBytes, killSignal: 'SIGKILL', env });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, missing: true, message: `${bin} not found` };
    if (code === 'ETIMEDOUT') return { ok: false, missing: false, message: `timed out after ${opts.timeoutMs / 1000} s (${opts.timeoutFlag ?? '--render-timeout'})` };
    if (code === 'ENOBUFS') return { ok: false, missing: false, message: `output larger than ${opts.maxOutputBytes} bytes (--max-render-bytes)` };
    return { ok: false, missing: false, message: r.error.message };
  }
  if (r.signal === 'SIGKILL' || r.signal === 'SIGSEGV' || (r.status !== 0 && /out of memory|cannot allocate memory/i.test(r.stderr ?? ''))) {
    return { ok: false, missing: false, message: `stopped: over the memory limit of ${cmd.memoryBytes / (1024 * 1024)} MiB or killed (${r.signal ?? `exit ${r.status}`})` };
  }
  if (r.status !== 0) return { ok: false, missing: false, message: (r.stderr || r.stdout || `exit ${r.status}`).trim() };
  return { ok: true, stdout: r.stdout };
}

/**
 * Whether charts/ holds the dependency `name`: a folder or archive holding the chart of that name
 * (as helm finds it, whatever the folder is called), or one named like it (`name/`,
 * `name-<version>.tgz`, which helm reports itself if it holds something else).
 */
function vendored(chartDir: string, name: string): boolean {
  const dir = path.join(chartDir, 'charts');
  const entries = existsSync(dir) ? readdirSync(dir) : [];
  return entries.some((v) => v === name || (v.startsWith(`${name}-`) && v.endsWith('.tgz'))) || vendoredChartNames(chartDir).has(name);
}

/** A `file://` dependency that helm will not find under charts/: its name and folder (absolute). */
interface LocalDependency {
  readonly name: string;
  readonly dir: string;
}

/**
 * The `file://` dependencies of a chart that are not vendored under its charts/ folder, and of
 * theirs, depth first. `helm template` wants every dependency under charts/ (it never follows
 * `file://` itself; `helm dependency build` would write into the repository), so these are copied
 * into a temporary copy of the chart before rendering. Problems (a missing folder, one outside the
 * scanned folder) are messages.
 */
function localDependencies(chartDir: string, root: string | undefined, seen: Set<string> = new Set([path.resolve(chartDir)])): { deps: (LocalDependency & { parent: string })[]; problems: string[] } {
  const deps: (LocalDependency & { parent: string })[] = [];
  const problems: string[] = [];
  // helm 3 reads a v1 chart's dependencies from requirements.yaml
  const listed = ['Chart.yaml', 'requirements.yaml'].flatMap((name) => {
    try {
      return localChartDependencies(chartDir, readFileSync(path.join(chartDir, name), 'utf8'));
    } catch {
      return [];
    }
  });
  for (const d of listed) {
    if (vendored(chartDir, d.name)) continue;
    const dir = path.resolve(d.folder);
    if (root !== undefined && !isInsideTree(dir, root)) problems.push(`${d.name} (file://${path.relative(chartDir, dir)}) lies outside the scanned folder`);
    else if (!existsSync(path.join(dir, 'Chart.yaml'))) problems.push(`${d.name} (file://${path.relative(chartDir, dir)}) has no Chart.yaml`);
    else if (!seen.has(dir)) {
      seen.add(dir);
      deps.push({ name: d.name, dir, parent: chartDir });
      const nested = localDependencies(dir, root, seen);
      deps.push(...nested.deps);
      problems.push(...nested.problems);
    }
  }
  return { deps, problems };
}

/**
 * A temporary copy of the chart with each local dependency copied into its parent's charts/
 * folder (dependencies of dependencies into the copy of theirs). The caller removes it.
 */
function vendorLocalDependencies(chartDir: string, deps: readonly (LocalDependency & { parent: string })[]): string {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-chart-'));
  const copies = new Map<string, string>([[path.resolve(chartDir), path.join(tmp, path.basename(chartDir))]]);
  cpSync(chartDir, copies.get(path.resolve(chartDir)) as string, { recursive: true });
  for (const d of deps) {
    const into = path.join(copies.get(path.resolve(d.parent)) as string, 'charts', d.name);
    cpSync(d.dir, into, { recursive: true });
    copies.set(d.dir, into);
  }
  return copies.get(path.resolve(chartDir)) as string;
}

/** Dependencies in Chart.yaml that are neither vendored under charts/ nor local (file://). */
function missingDependencies(chartDir: string): string[] {
  // Chart.yaml's dependencies, or a v1 chart's requirements.yaml
  const deps = ['Chart.yaml', 'requirements.yaml'].flatMap((name) => {
    try {
      const listed = (jsYaml.load(readFileSync(path.join(chartDir, name), 'utf8')) as { dependencies?: unknown } | null)?.dependencies;
      return Array.isArray(listed) ? (listed as { name?: string; alias?: string; repository?: string }[]) : [];
    } catch {
      return [];
    }
  });
  return deps
    .filter((d) => d.name && !(d.repository ?? '').startsWith('file://'))
    .filter((d) => !vendored(chartDir, d.name as string))
    .map((d) => `${d.name}${d.alias ? ` as ${d.alias}` : ''}${d.repository ? ` (${d.repository})` : ''}`);
}


function chartName(chartDir: string): string | undefined {
  try {
    const chart = jsYaml.load(readFileSync(path.join(chartDir, 'Chart.yaml'), 'utf8')) as { name?: unknown } | null;
    return typeof chart?.name === 'string' ? chart.name : undefined;
  } catch {
    return undefined;
  }
}

/** A release name helm accepts (lower-case, digits, dashes; at most 53 characters) from the chart folder's name; the chart's name for a root folder. */
export function releaseNameOf(folder: string, chart: string | undefined): string {
  const base = (folder === '' ? chart : path.basename(path.resolve(folder))) || chart || 'release';
  const name = base.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 53).replace(/-+$/, '');
  return name || (chart ?? 'release').toLowerCase();
}

/** What a rendering gives: the rendered files, or the diagnostics of its failure. */
interface Rendered {
  readonly files: ManifestFile[];
  readonly diagnostics: Diagnostic[];
}

export interface RenderedChart extends Rendered {
  /** The values files used (the chart's own values.yaml first), for provenance. */
  readonly values: ManifestFile[];
  /** Values were also given with `--set` (`--helm-set`, `--helm-config` set:), which no values file shows. */
  readonly setValues?: true;
}

/**
 * `helm template` of one chart; problems are diagnostics naming the chart, never exceptions.
 * `logicalDir` is the chart's folder in the working tree (it differs from `chartDir` when a git
 * ref was exported to a temporary folder) and keys the --helm-config settings.
 */
export function renderChart(chartDir: string, display: string, opts: RenderOptions, cache: RenderCache, logicalDir: string = chartDir, repositoryRoot = false, contentRoot?: string): RenderedChart {
  const at = { file: `${display}/Chart.yaml`, doc: 0 };
  const tree = cache.tree(chartDir);
  const unsafe = refuseUnsafeTree(tree.problems, `chart ${display}`, at);
  if (unsafe.length > 0) return { files: [], values: [], diagnostics: unsafe };
  const missing = missingDependencies(chartDir);
  const local = localDependencies(chartDir, contentRoot === undefined ? undefined : path.resolve(contentRoot));
  if (missing.length > 0 || local.problems.length > 0) {
    const parts = [...(missing.length > 0 ? [`needs dependencies that are not vendored under charts/: ${missing.join(', ')}`] : []), ...local.problems.map((p) => `has a file:// dependency that cannot be rendered: ${p}`)];
    return {
      files: [],
      values: [],
      diagnostics: [diag(Codes.chartDependencies, 'error', `chart ${display} ${parts.join('; ')}; chart not rendered`, at, 'run helm dependency build and commit charts/, or vendor the subcharts')],
    };
  }
  // a file:// dependency is read like the chart itself: only a safe tree is copied and rendered
  const depTrees = local.deps.map((d) => ({ ...d, tree: cache.tree(d.dir), display: path.posix.normalize(`${display}/${path.relative(chartDir, d.dir).split(path.sep).join('/')}`) }));
  const unsafeDeps = depTrees.flatMap((d) => refuseUnsafeTree(d.tree.problems, `chart ${d.display} (a file:// dependency of ${display})`, at));
  if (unsafeDeps.length > 0) return { files: [], values: [], diagnostics: unsafeDeps };
  const settings = opts.charts.get(logicalDir) ?? {};
  // the chart FOLDER's name, as the README states (the logical folder: a git ref exported to a temporary folder renders the same names)
  const release = settings.releaseName ?? opts.helmReleaseName ?? (repositoryRoot ? releaseNameOf('', chartName(chartDir)) : releaseNameOf(logicalDir, chartName(chartDir)));
  if (!isHelmReleaseName(release)) {
    // helm refuses such a name, and one starting with `-` would be read as a flag (`--post-renderer=…` runs a program)
    return { files: [], values: [], diagnostics: [diag(Codes.renderUnsafeHelmChart, 'error', `chart ${display}: release name ${visible(JSON.stringify(release))} is no name helm accepts (lower-case letters, digits, '-' and '.', at most 53 characters); chart not rendered`, at)] };
  }
  const namespace = settings.namespace ?? opts.helmNamespace;
  const values = [...opts.helmValues, ...(settings.values ?? [])].map((v) => path.resolve(v));
  const sets = [...opts.helmSet, ...(settings.set ?? [])];
  // `helm test` hooks are not installed with the release (and are often named with randAlphaNum, which would make the output differ run to run)
  const args = ['template', release, chartDir, '--skip-tests', '--kube-version', opts.kubeVersion ?? DEFAULT_KUBE_VERSION, ...(namespace ? ['--namespace', namespace] : []), ...values.flatMap((v) => ['--values', v]), ...sets.flatMap((s) => ['--set', s])];
  const bin = helmBinary();
  cache.useFolder(opts.cacheDir);
  const version = cache.toolVersion(bin, ['version', '--short']);
  if (version === undefined) {
    return { files: [], values: [], diagnostics: [diag(Codes.toolMissing, 'error', `helm is needed to render chart ${display} but ${bin} does not run; chart not rendered`, at, 'install helm v3 or set HELM_PATH')] };
  }
  // the chart folder itself is not in the key (a git ref is exported to a fresh temporary folder each run); its content is
  const h = createHash('sha256').update(`${ORIGINS_VERSION}\0helm ${version}\0${release}\0${args.slice(3).join('\0')}\0${toolEnv('HELM_')}\0`);
  h.update(tree.hash);
  for (const d of depTrees) h.update(`\0${d.name}\0${d.display}\0${d.tree.hash}`);
  const named = readValuesFiles(values);
  if (named.problems.length > 0) return { files: [], values: [], diagnostics: named.problems.map((p) => diag(Codes.renderFailed, 'error', `chart ${display}: ${p}; chart not rendered`, at)) };
  for (const v of values) h.update(named.texts.get(v) ?? 'missing');
  const key = h.update(display).digest('hex');
  const valueFiles: ManifestFile[] = [];
  try {
    valueFiles.push({ path: path.join(chartDir, 'values.yaml'), text: readFileSync(path.join(chartDir, 'values.yaml'), 'utf8') });
  } catch {
    // a chart without values.yaml (its tree was checked above: no FIFO or device there)
  }
  for (const v of values) {
    const text = named.texts.get(v);
    // helm reports a missing values file itself
    if (text !== undefined) valueFiles.push({ path: v, text });
  }
  // the values files are read on every run (their paths are this run's), the rendering only when its key is new
  const hit = cache.chart(key);
  const setValues = sets.length > 0 ? { setValues: true as const } : {};
  if (hit) return { ...hit, values: hit.diagnostics.length === 0 ? valueFiles : [], ...setValues };
  const copy = depTrees.length > 0 ? vendorLocalDependencies(chartDir, depTrees) : undefined;
  let r: ReturnType<typeof run>;
  let split: ManifestFile[] = [];
  try {
    r = copy ? run(bin, [args[0] as string, release, copy, ...args.slice(3)], copy, opts) : run(bin, args, chartDir, opts);
    // each template is cited where it is in the repository: a subchart's folder or archive (helm names
    // it after its alias), a file:// dependency's own folder (not the temporary copy)
    if (r.ok) split = splitHelmOutput(r.stdout, display, chartSourceLocator(chartDir, display, realOrSelf(contentRoot ?? chartDir)));
  } finally {
    if (copy) rmSync(path.dirname(copy), { recursive: true, force: true });
  }
  const rendered = r.ok ? split : [];
  const result: Rendered = r.ok
    ? { files: rendered, diagnostics: rendered.length > 0 ? [] : [renderedNothing(`chart ${display}`, at, existsSync(path.join(chartDir, '.helmignore')) ? 'every template is conditional on values not set, or its .helmignore excludes them' : 'every template is conditional on values not set')] }
    : { files: [], diagnostics: [diag(r.missing ? Codes.toolMissing : Codes.renderFailed, 'error', `helm template failed for chart ${display}: ${toolMessage(r.message, [...(copy ? [[copy, display] as [string, string]] : []), [chartDir, display]])}; chart not rendered`, at)] };
  cache.setChart(key, result);
  return { ...result, values: r.ok ? valueFiles : [], ...setValues };
}

/**
 * A chart or overlay that renders without error but to no object would vanish from the report
 * without a word: a warning says so (a chart's `.helmignore` listing `templates/` does that).
 */
function renderedNothing(what: string, at: { file: string; doc: number }, why: string): Diagnostic {
  return diag(Codes.renderedNothing, 'warning', `${what} rendered no Kubernetes object (${why}); nothing from it is analysed`, at);
}

/** The repository a folder is in (the nearest folder above holding `.git`), else the working directory, as a real path. */
function repositoryOf(dir: string): string {
  for (let d = realOrSelf(dir); ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return realOrSelf(process.cwd());
  }
}

/** The real path of a file (symlinks resolved), or the path itself when it does not exist (helm names a missing file). */
function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** helm's own limit for a chart file; a values file named with --helm-values or --helm-config gets the same. */
const VALUES_FILE_LIMIT = 5 * 1024 * 1024;

/**
 * The values files named with --helm-values or in --helm-config, read under the reading policy
 * before helm sees them: a FIFO would block helm (and the hashing of the cache key), /dev/zero
 * would exhaust memory. A missing file is left to helm, which names it.
 */
function readValuesFiles(values: readonly string[]): { texts: Map<string, string>; problems: string[] } {
  const texts = new Map<string, string>();
  const problems: string[] = [];
  for (const v of values) {
    const r = readRegularFile(v, undefined, VALUES_FILE_LIMIT);
    if (r.ok) texts.set(v, r.bytes.toString('utf8'));
    else if (!(r.refusal.kind === 'unreadable' && r.refusal.code === 'ENOENT')) {
      const why = r.refusal.kind === 'tooLarge' ? `${r.refusal.size} bytes, over helm's limit of ${VALUES_FILE_LIMIT} bytes for a values file` : refusalMessage(r.refusal, VALUES_FILE_LIMIT);
      const rel = path.relative(process.cwd(), v);
      problems.push(`values file ${visible(rel === '' || rel.startsWith('..') ? v : rel)}: ${why}`);
    }
  }
  return { texts, problems };
}

/**
 * `kubectl kustomize` of one overlay (with `--enable-helm` so that helmCharts work). Its objects
 * are cited in the files they came from inside `repositoryRoot` (an exported git tree), else inside
 * the repository the overlay is in.
 */
export function renderOverlay(dir: string, display: string, contentRoot: string, opts: RenderOptions, cache: RenderCache, repositoryRoot?: string): { files: ManifestFile[]; diagnostics: Diagnostic[] } {
  const kfile = KUSTOMIZATION_FILES.find((f) => existsSync(path.join(dir, f))) ?? 'kustomization.yaml';
  const at = { file: `${display}/${kfile}`, doc: 0 };
  // an overlay reads bases anywhere under the scanned root: all of it must be safe to read
  const tree = cache.tree(contentRoot);
  const unsafe = refuseUnsafeTree(tree.problems, `overlay ${display} (with the scanned folder it reads from)`, at);
  if (unsafe.length > 0) return { files: [], diagnostics: unsafe };
  // what kubectl must not be given: remote references (when offline) and helmCharts words helm would read as flags
  const refused = overlayRefusals(dir, display, contentRoot, !renderNetworkAllowed());
  if (refused.length > 0) return { files: [], diagnostics: refused };
  const bin = kubectlBinary();
  cache.useFolder(opts.cacheDir);
  const version = cache.toolVersion(bin, ['version', '--client', '-o', 'json']);
  if (version === undefined) {
    return { files: [], diagnostics: [diag(Codes.toolMissing, 'error', `kubectl is needed to render overlay ${display} but ${bin} does not run; overlay not rendered`, at, 'install kubectl or set KUBECTL_PATH')] };
  }
  const helmVersion = cache.toolVersion(helmBinary(), ['version', '--short']);
  const helm = helmVersion !== undefined ? ['--helm-command', helmBinary()] : [];
  const args = ['kustomize', dir, '--enable-helm', ...helm, ...opts.kustomizeFlags];
  // an overlay reads bases anywhere under the scanned root, and the bases it names outside it
  // (`resources: [../../base]` when only the overlay is scanned): hash all of them. helm's version
  // and environment too: helmCharts are inflated by it, and rendered by it again for their template lines
  const h = createHash('sha256').update(
    `${ORIGINS_VERSION}\0kubectl ${version}\0${helm.join(' ')}\0helm ${helmVersion ?? 'none'}\0${toolEnv('HELM_')}\0${opts.kustomizeFlags.join('\0')}\0${path.relative(contentRoot, dir)}\0${toolEnv('KUSTOMIZE_')}\0`,
  );
  h.update(tree.hash);
  for (const base of reachedKustomizationDirs(dir).filter((d) => !isInsideTree(d, realOrSelf(contentRoot)))) {
    const t = cache.tree(base);
    const unsafeBase = refuseUnsafeTree(t.problems, `overlay ${display} (with the base it reads from ${visible(path.relative(realOrSelf(contentRoot), base))})`, at);
    if (unsafeBase.length > 0) return { files: [], diagnostics: unsafeBase };
    h.update(`base ${path.relative(realOrSelf(contentRoot), base)}\0${t.hash}\0`);
  }
  const key = h.update(display).digest('hex');
  const hit = cache.overlay(key);
  if (hit) return withChartsNotes(hit);
  const r = run(bin, args, contentRoot, opts);
  const empty = r.ok && /^\s*(\{\}\s*)?$/.test(r.stdout);
  const traced = r.ok && !empty ? traceOverlay(bin, [...helm, ...opts.kustomizeFlags], dir, display, contentRoot, opts, r.stdout, repositoryRoot) : undefined;
  const built = r.ok ? kustomizeOutput(r.stdout, display).map((f) => (traced?.origins ? { ...f, origins: traced.origins } : f)) : [];
  const result = r.ok
    ? { files: built, diagnostics: empty ? [renderedNothing(`overlay ${display}`, at, 'it lists no resources, or its patches and filters remove them all')] : traced?.problem ? [diag(Codes.renderOriginsUnknown, 'info', `overlay ${display}: where its objects came from is unknown (${traced.problem}); their positions are lines of the rendered output`, at)] : [] }
    : {
        files: [],
        diagnostics: [diag(r.missing ? Codes.toolMissing : Codes.renderFailed, 'error', `kubectl kustomize failed for overlay ${display}: ${toolMessage(r.message, [[dir, display], [contentRoot, '.']])}; overlay not rendered`, at, offlineHint(r))],
      };
  cache.setOverlay(key, result);
  return withChartsNotes(result);
}

/** A rendering with the reason its helmCharts objects have no line (added after the cache: an info note must not keep a rendering from being kept). */
function withChartsNotes(result: { files: ManifestFile[]; diagnostics: Diagnostic[] }): { files: ManifestFile[]; diagnostics: Diagnostic[] } {
  const notes = helmChartsNotes(result.files);
  return notes.length === 0 ? result : { ...result, diagnostics: [...result.diagnostics, ...notes] };
}

/**
 * Where each object of an overlay's rendering came from. The overlay is rendered a second time
 * through a wrapper kustomization in a temporary folder (`resources: [<overlay>]`,
 * `buildMetadata: [originAnnotations]`), so the user's files are never edited and the analysed
 * text stays the plain rendering, byte for byte; the annotated objects are matched to the plain
 * ones by identity. With them go the texts of the files that can hold an object's fields: the
 * source files, the kustomizations the overlay reaches, their patch and env files.
 */
function traceOverlay(bin: string, flags: readonly string[], dir: string, display: string, contentRoot: string, opts: RenderOptions, plain: string, repositoryRoot: string | undefined): { origins?: RenderOrigins; problem?: string } {
  // bases may lie outside the scanned folder (kustomize reads them there): cited within the repository
  const overlay = realOrSelf(dir);
  const root = [...(repositoryRoot !== undefined ? [realOrSelf(repositoryRoot)] : []), repositoryOf(dir), realOrSelf(contentRoot)].find((r) => isInsideTree(overlay, r)) ?? realOrSelf(contentRoot);
  const wrapper = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-origins-')));
  let annotated: string;
  try {
    const rel = path.relative(wrapper, overlay).split(path.sep).join('/');
    writeFileSync(path.join(wrapper, 'kustomization.yaml'), `resources:\n  - ${JSON.stringify(rel)}\nbuildMetadata: [originAnnotations]\n`);
    const r = run(bin, ['kustomize', wrapper, '--enable-helm', ...flags], contentRoot, opts);
    if (!r.ok) return { problem: toolMessage(r.message, [[wrapper, '(wrapper)'], [dir, display], [contentRoot, '.']]) };
    annotated = r.stdout;
  } finally {
    rmSync(wrapper, { recursive: true, force: true });
  }
  const shown = (abs: string) => path.posix.normalize(`${display}/${path.relative(overlay, abs).split(path.sep).join('/')}`);
  // a path kustomize names relative to the wrapper: shown when it lies in the scanned folder
  const named = (p: string): string | undefined => {
    const abs = path.resolve(wrapper, p);
    return isInsideTree(abs, root) ? shown(abs) : undefined;
  };
  const values = (text: string) => {
    const docs = parseManifestFile({ path: 'rendered.yaml', text }).documents;
    const out: unknown[] = [];
    for (const d of docs) out[d.doc - 1] = d.value;
    return out;
  };
  const documents = kustomizeDocumentSources(values(plain), values(annotated), named);
  // the kustomizations the overlay reaches, its own first, and the files they name
  const kustomizations: string[] = [];
  const wanted = new Map<string, string>();
  walkKustomizations(
    overlay,
    (file) => readSource(file, root),
    (d, kfile, text) => {
      const abs = path.join(d, kfile);
      kustomizations.push(shown(abs));
      wanted.set(shown(abs), abs);
      for (const input of kustomizationInputs(text)) wanted.set(shown(path.resolve(d, input)), path.resolve(d, input));
      return kustomizationRefs('.', text).map((ref) => path.resolve(d, ref));
    },
    (d) => isInsideTree(d, root),
  );
  for (const s of documents) {
    if (!s) continue;
    const file = 'path' in s ? s.path : s.configuredIn;
    wanted.set(file, path.resolve(overlay, path.posix.relative(display, file)));
  }
  const sources: ManifestFile[] = [];
  for (const [file, abs] of [...wanted].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const text = isInsideTree(abs, root) ? readSource(abs, root) : undefined;
    if (text !== undefined) sources.push({ path: file, text });
  }
  // the kustomizations whose helmCharts generated objects: their charts rendered with helm's template names
  const inflating = [...new Set(documents.flatMap((s) => (s && 'configuredIn' in s && s.generator === 'HelmChartInflationGenerator' ? [s.configuredIn] : [])))].sort();
  const charts = inflating.map((k) => chartsOf(k, path.resolve(overlay, path.posix.relative(display, k)), sources.find((f) => f.path === k)?.text ?? '', root, opts));
  return { origins: { tool: 'kustomize', documents, kustomizations, sources, ...(charts.length > 0 ? { charts } : {}) } };
}

const HelmChartEntry = z.object({
  name: z.string().min(1),
  releaseName: z.string().optional(),
  namespace: z.string().optional(),
  valuesFile: z.string().optional(),
  additionalValuesFiles: z.array(z.string()).optional(),
  valuesInline: z.record(z.string(), z.unknown()).optional(),
  valuesMerge: z.string().optional(),
  includeCRDs: z.boolean().optional(),
  skipTests: z.boolean().optional(),
  kubeVersion: z.string().optional(),
  apiVersions: z.array(z.string()).optional(),
});

/**
 * The charts kustomization `k` (display path; `abs` on disk) inflates, rendered by `helm template`
 * with the entry's release name, namespace and values as kustomize passes them (`valuesFile`, else
 * the chart's values.yaml; `additionalValuesFiles`; `valuesInline` over them, or alone with
 * `valuesMerge: replace`), so that helm's `# Source:` comments name each object's template. Only
 * a chart vendored under the chart home (`helmGlobals.chartHome`, default `charts`) inside the
 * repository is rendered: nothing is fetched. A values difference can only lose lines, never give
 * a wrong one: a field is cited in the template only where helm's value is the rendered one.
 */
function chartsOf(k: string, abs: string, text: string, root: string, opts: RenderOptions): { kustomization: string; files: ManifestFile[]; problems: string[] } {
  const files: ManifestFile[] = [];
  const problems: string[] = [];
  let doc: unknown;
  try {
    doc = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return { kustomization: k, files, problems: ['its kustomization does not parse'] };
  }
  const d = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>) : {};
  const globals = typeof d.helmGlobals === 'object' && d.helmGlobals !== null ? (d.helmGlobals as Record<string, unknown>) : {};
  const home = typeof globals.chartHome === 'string' ? globals.chartHome : 'charts';
  const dir = path.dirname(abs);
  const shownDir = path.posix.dirname(k);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-charts-'));
  try {
    (Array.isArray(d.helmCharts) ? d.helmCharts : []).forEach((raw: unknown, i) => {
      const e = HelmChartEntry.safeParse(raw);
      if (!e.success) return void problems.push(`helmCharts[${i}] is not an entry helm can render here`);
      const c = e.data;
      // the overlay was refused before kubectl ran (overlayRefusals) if a name could be read as a flag; checked again where helm is called
      if (c.releaseName !== undefined && !isHelmReleaseName(c.releaseName)) return void problems.push(`chart ${JSON.stringify(c.name)} has a release name helm does not accept`);
      const chartDir = path.resolve(dir, home, c.name);
      if (!isInsideTree(realOrSelf(chartDir), root) || !existsSync(path.join(chartDir, 'Chart.yaml'))) {
        return void problems.push(`chart ${JSON.stringify(c.name)} is not vendored under ${home}/ (kustomize pulls it; nothing is fetched here)`);
      }
      const values: string[] = [];
      if (c.valuesMerge !== 'replace' || c.valuesInline === undefined) {
        if (c.valuesFile !== undefined) values.push(path.resolve(dir, c.valuesFile));
        for (const v of c.additionalValuesFiles ?? []) values.push(path.resolve(dir, v));
      }
      if (c.valuesInline !== undefined) {
        const inline = path.join(tmp, `values-${i}.json`);
        writeFileSync(inline, JSON.stringify(c.valuesInline));
        values.push(inline);
      }
      if (values.some((v) => v !== path.join(tmp, `values-${i}.json`) && !isInsideTree(realOrSelf(v), root))) return void problems.push(`chart ${JSON.stringify(c.name)} reads values from outside the repository; not rendered here`);
      const args = [
        'template',
        c.releaseName ?? 'release-name',
        chartDir,
        ...(c.namespace ? ['--namespace', c.namespace] : []),
        ...values.flatMap((v) => ['--values', v]),
        ...(c.includeCRDs ? ['--include-crds'] : []),
        ...(c.skipTests ? ['--skip-tests'] : []),
        ...(c.kubeVersion ? ['--kube-version', c.kubeVersion] : []),
        ...(c.apiVersions ?? []).flatMap((a) => ['--api-versions', a]),
      ];
      const r = run(helmBinary(), args, dir, opts);
      if (!r.ok) return void problems.push(`helm template of chart ${JSON.stringify(c.name)} failed: ${toolMessage(r.message, [[tmp, '(values)'], [chartDir, c.name]])}`);
      const shown = path.posix.normalize(`${shownDir}/${home}/${c.name}`);
      files.push(...splitHelmOutput(r.stdout, shown, chartSourceLocator(chartDir, shown, root)));
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { kustomization: k, files, problems };
}

/**
 * The folders of the kustomizations an overlay reaches through `resources`, `bases` and
 * `components` that are folders (real paths, the overlay's own first; remote ones are refused
 * before rendering). What kustomize reads lies in these folders (its load restrictor keeps each
 * kustomization to its own folder), so hashing them covers an overlay's inputs.
 */
function reachedKustomizationDirs(overlay: string): string[] {
  const out = new Set<string>();
  walkKustomizations(
    realOrSelf(overlay),
    (file) => {
      const r = readRegularFile(file, undefined, KUSTOMIZATION_READ_LIMIT);
      return r.ok ? r.bytes.toString('utf8') : undefined;
    },
    (d, _kfile, text) => {
      out.add(d);
      const { kustomizations, charts } = pluginFolders(text);
      // a chart home holds charts, not a kustomization: hashed as a folder of its own
      for (const c of charts) {
        const home = realOrSelf(path.resolve(d, c));
        if (existsSync(home)) out.add(home);
      }
      return [...kustomizationRefs('.', text), ...kustomizations].map((ref) => realOrSelf(path.resolve(d, ref)));
    },
  );
  return [...out];
}

/**
 * The kustomizations an overlay reaches, breadth first from `start`, each folder once: `visit` gets
 * a folder, its kustomization file's name and text, and returns the folders to go on to. A folder
 * `enter` refuses, one without a kustomization file, or one whose file `read` cannot read is passed
 * over.
 */
function walkKustomizations(start: string, read: (file: string) => string | undefined, visit: (dir: string, kfile: string, text: string) => readonly string[], enter: (dir: string) => boolean = () => true): void {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const d = queue.shift() as string;
    if (seen.has(d) || !enter(d)) continue;
    seen.add(d);
    const kfile = KUSTOMIZATION_FILES.find((f) => existsSync(path.join(d, f)));
    if (!kfile) continue;
    const text = read(path.join(d, kfile));
    if (text !== undefined) queue.push(...visit(d, kfile, text));
  }
}

/**
 * The other folders a kustomization reads: kustomizations listed as `transformers`, `generators`
 * or `validators` (a file entry adds nothing to the walk) and `helmGlobals.chartHome`, its charts.
 */
function pluginFolders(text: string): { kustomizations: string[]; charts: string[] } {
  const none = { kustomizations: [], charts: [] };
  let doc: unknown;
  try {
    doc = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return none;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return none;
  const d = doc as Record<string, unknown>;
  const local = (v: unknown): v is string => typeof v === 'string' && !v.includes('\n') && !/^[a-z]+:\/\//i.test(v);
  const kustomizations: string[] = [];
  for (const key of ['transformers', 'generators', 'validators']) {
    const list = d[key];
    for (const e of Array.isArray(list) ? list : []) if (local(e)) kustomizations.push(e);
  }
  const globals = d.helmGlobals;
  const home = typeof globals === 'object' && globals !== null ? (globals as Record<string, unknown>).chartHome : undefined;
  return { kustomizations, charts: local(home) ? [home] : [] };
}

/** A source file of an overlay, read under the reading policy; undefined when it cannot be. */
function readSource(abs: string, root: string): string | undefined {
  const r = readRegularFile(abs, root, KUSTOMIZATION_READ_LIMIT);
  return r.ok ? r.bytes.toString('utf8') : undefined;
}

const HelmChartSettingsSchema = z
  .object({
    releaseName: z.union([z.string(), z.number()]).optional(),
    namespace: z.union([z.string(), z.number()]).optional(),
    values: z.array(z.string()).optional(),
    set: z.array(z.union([z.string(), z.number(), z.boolean()])).optional(),
  })
  .strict();
// strict: a misspelt key (`value:`) must not silently render a chart with default values
const HelmConfigSchema = z.object({ charts: z.record(z.string(), HelmChartSettingsSchema.nullable()) }).strict();

/**
 * Reads `--helm-config`: `charts: { <chart folder>: { releaseName, namespace, values: [..], set: [..] } }`.
 * A malformed file throws one message naming the line and the field.
 */
export function readHelmConfig(file: string): Map<string, ChartSettings> {
  const base = path.dirname(path.resolve(file));
  // a FIFO would block, /dev/zero exhaust memory: read under the reading policy
  const read = readRegularFile(path.resolve(file), undefined, VALUES_FILE_LIMIT);
  if (!read.ok) throw new Error(read.refusal.kind === 'unreadable' ? errnoText(read.refusal.code) : refusalMessage(read.refusal, VALUES_FILE_LIMIT).replace(' (--max-file-size); skipped', '; not read'));
  const text = read.bytes.toString('utf8');
  const root = repositoryOf(base);
  const { documents, diagnostics } = parseManifestFile({ path: file, text });
  const syntax = diagnostics.find((d) => d.severity === 'error');
  if (syntax) throw new Error(`line ${syntax.at?.line ?? 1}: ${syntax.message}`);
  const doc = documents[0];
  if (!doc || documents.length > 1) throw new Error(documents.length > 1 ? 'one YAML document expected' : 'empty: expected charts: {<chart folder>: {...}}');
  const parsed = HelmConfigSchema.safeParse(doc.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue ? issue.path.filter((p): p is string | number => typeof p !== 'symbol') : [];
    throw new Error(`line ${locate(doc, at).line ?? 1}, ${at.length > 0 ? at.join('.') : '(top level)'}: ${issue?.message ?? 'invalid'}`);
  }
  const out = new Map<string, ChartSettings>();
  for (const [chart, s] of Object.entries(parsed.data.charts)) {
    const dir = path.resolve(base, chart);
    // a typo in the config must not silently render a chart with default values
    if (!existsSync(path.join(dir, 'Chart.yaml'))) throw new Error(`line ${locate(doc, ['charts', chart]).line ?? 1}, charts.${visible(chart)}: ${visible(path.relative(process.cwd(), dir) || '.')} has no Chart.yaml`);
    const values = (s?.values ?? []).map((v) => path.resolve(base, v));
    values.forEach((v, i) => {
      // the config lives in the repository (in CI: the pull request's); its values files must too,
      // or a pull request could render the runner's own files (a kubeconfig, /proc/self/environ) into names
      if (!isInsideTree(realOrSelf(v), root)) {
        throw new Error(`line ${locate(doc, ['charts', chart, 'values', i]).line ?? 1}, charts.${visible(chart)}.values.${i}: ${visible(s?.values?.[i] ?? v)} is outside the repository (${visible(root)}); not read`);
      }
    });
    out.set(dir, {
      ...(s?.releaseName !== undefined && s.releaseName !== '' ? { releaseName: String(s.releaseName) } : {}),
      ...(s?.namespace !== undefined && s.namespace !== '' ? { namespace: String(s.namespace) } : {}),
      values,
      set: (s?.set ?? []).map(String),
    });
  }
  return out;
}
