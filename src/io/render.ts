import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'glob';
import jsYaml from 'js-yaml';
import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ManifestFile } from '../manifests/documents.js';
import { KUSTOMIZATION_FILES, kustomizeOutput, splitHelmOutput } from '../manifests/render.js';

import type { ChartSettings, RenderOptions } from './types.js';

export function helmBinary(): string {
  return process.env.HELM_PATH || 'helm';
}

export function kubectlBinary(): string {
  return process.env.KUBECTL_PATH || 'kubectl';
}

/**
 * One run's memory of tool versions and renderings: within a run, a (tool version, folder
 * content, flags) rendering happens once, so a diff's base and head share it. Held by the run's
 * Io object, never at module level.
 */
export class RenderCache {
  private readonly versions = new Map<string, string | undefined>();
  readonly charts = new Map<string, RenderedChart>();
  readonly overlays = new Map<string, { files: ManifestFile[]; diagnostics: Diagnostic[] }>();

  toolVersion(bin: string, args: string[]): string | undefined {
    const key = `${bin} ${args.join(' ')}`;
    if (!this.versions.has(key)) {
      const r = spawnSync(bin, args, { encoding: 'utf8', timeout: 30_000 });
      this.versions.set(key, r.status === 0 ? r.stdout.trim() : undefined);
    }
    return this.versions.get(key);
  }
}

function hashFolder(dir: string, h: ReturnType<typeof createHash>): void {
  for (const f of globSync('**/*', { cwd: dir, nodir: true, dot: true, ignore: ['**/.git/**'] }).sort()) {
    h.update(f.split(path.sep).join('/')).update('\0');
    try {
      h.update(readFileSync(path.join(dir, f))).update('\0');
    } catch {
      h.update('unreadable\0');
    }
  }
}

function run(bin: string, args: string[], cwd: string, opts: RenderOptions): { ok: true; stdout: string } | { ok: false; missing: boolean; message: string } {
  const r = spawnSync(bin, args, { cwd, encoding: 'utf8', timeout: opts.timeoutMs, maxBuffer: opts.maxOutputBytes, killSignal: 'SIGKILL' });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, missing: true, message: `${bin} not found` };
    if (code === 'ETIMEDOUT') return { ok: false, missing: false, message: `timed out after ${opts.timeoutMs / 1000} s (${opts.timeoutFlag ?? '--render-timeout'})` };
    if (code === 'ENOBUFS') return { ok: false, missing: false, message: `output larger than ${opts.maxOutputBytes} bytes (--max-render-bytes)` };
    return { ok: false, missing: false, message: r.error.message };
  }
  if (r.status !== 0) return { ok: false, missing: false, message: (r.stderr || r.stdout || `exit ${r.status}`).trim() };
  return { ok: true, stdout: r.stdout };
}

/** Dependencies in Chart.yaml that are neither vendored under charts/ nor local (file://). */
function missingDependencies(chartDir: string): string[] {
  let chart: unknown;
  try {
    chart = jsYaml.load(readFileSync(path.join(chartDir, 'Chart.yaml'), 'utf8'));
  } catch {
    return [];
  }
  const deps = (chart as { dependencies?: { name?: string; repository?: string }[] } | null)?.dependencies ?? [];
  const vendored = existsSync(path.join(chartDir, 'charts')) ? readdirSync(path.join(chartDir, 'charts')) : [];
  return deps
    .filter((d) => d.name && !(d.repository ?? '').startsWith('file://'))
    .filter((d) => !vendored.some((v) => v === d.name || (v.startsWith(`${d.name}-`) && v.endsWith('.tgz'))))
    .map((d) => `${d.name}${d.repository ? ` (${d.repository})` : ''}`);
}

/** Tool messages span lines; a diagnostic is one line. */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}

function chartName(chartDir: string): string | undefined {
  try {
    const chart = jsYaml.load(readFileSync(path.join(chartDir, 'Chart.yaml'), 'utf8')) as { name?: unknown } | null;
    return typeof chart?.name === 'string' ? chart.name : undefined;
  } catch {
    return undefined;
  }
}

export interface RenderedChart {
  readonly files: ManifestFile[];
  readonly diagnostics: Diagnostic[];
  /** The values files used (the chart's own values.yaml first), for provenance. */
  readonly values: ManifestFile[];
}

/**
 * `helm template` of one chart; problems are diagnostics naming the chart, never exceptions.
 * `logicalDir` is the chart's folder in the working tree (it differs from `chartDir` when a git
 * ref was exported to a temporary folder) and keys the --helm-config settings.
 */
export function renderChart(chartDir: string, display: string, opts: RenderOptions, cache: RenderCache, logicalDir: string = chartDir): RenderedChart {
  const at = { file: `${display}/Chart.yaml`, doc: 0 };
  const missing = missingDependencies(chartDir);
  if (missing.length > 0) {
    return {
      files: [],
      values: [],
      diagnostics: [
        diag(Codes.chartDependencies, 'error', `chart ${display} needs dependencies that are not vendored under charts/: ${missing.join(', ')}; chart not rendered`, at, 'run helm dependency build and commit charts/, or vendor the subcharts'),
      ],
    };
  }
  const settings = opts.charts.get(logicalDir) ?? {};
  // the chart's own name, not its folder's: a git ref exported to a temporary folder renders the same names
  const release = settings.releaseName ?? opts.helmReleaseName ?? (chartName(chartDir) ?? path.basename(logicalDir)).toLowerCase().replace(/[^a-z0-9-]/g, '-');
  const namespace = settings.namespace ?? opts.helmNamespace;
  const values = [...opts.helmValues, ...(settings.values ?? [])].map((v) => path.resolve(v));
  const sets = [...opts.helmSet, ...(settings.set ?? [])];
  const args = ['template', release, chartDir, ...(namespace ? ['--namespace', namespace] : []), ...values.flatMap((v) => ['--values', v]), ...sets.flatMap((s) => ['--set', s])];
  const bin = helmBinary();
  const version = cache.toolVersion(bin, ['version', '--short']);
  if (version === undefined) {
    return { files: [], values: [], diagnostics: [diag(Codes.toolMissing, 'error', `helm is needed to render chart ${display} but ${bin} does not run; chart not rendered`, at, 'install helm v3 or set HELM_PATH')] };
  }
  const h = createHash('sha256').update(`helm ${version}\0${args.slice(3).join('\0')}\0`);
  hashFolder(chartDir, h);
  for (const v of values) h.update(existsSync(v) ? readFileSync(v) : 'missing');
  const key = h.update(display).digest('hex');
  const valueFiles: ManifestFile[] = [];
  for (const f of [path.join(chartDir, 'values.yaml'), ...values]) {
    try {
      valueFiles.push({ path: f, text: readFileSync(f, 'utf8') });
    } catch {
      // helm reports a missing values file itself
    }
  }
  const hit = cache.charts.get(key);
  if (hit) return hit;
  const r = run(bin, args, chartDir, opts);
  const result: RenderedChart = r.ok
    ? { files: splitHelmOutput(r.stdout, display), diagnostics: [], values: valueFiles }
    : {
        files: [],
        values: [],
        diagnostics: [diag(r.missing ? Codes.toolMissing : Codes.renderFailed, 'error', `helm template failed for chart ${display}: ${oneLine(r.message)}; chart not rendered`, at)],
      };
  cache.charts.set(key, result);
  return result;
}

/** `kubectl kustomize` of one overlay (with `--enable-helm` so that helmCharts work). */
export function renderOverlay(dir: string, display: string, contentRoot: string, opts: RenderOptions, cache: RenderCache): { files: ManifestFile[]; diagnostics: Diagnostic[] } {
  const kfile = KUSTOMIZATION_FILES.find((f) => existsSync(path.join(dir, f))) ?? 'kustomization.yaml';
  const at = { file: `${display}/${kfile}`, doc: 0 };
  const bin = kubectlBinary();
  const version = cache.toolVersion(bin, ['version', '--client', '-o', 'json']);
  if (version === undefined) {
    return { files: [], diagnostics: [diag(Codes.toolMissing, 'error', `kubectl is needed to render overlay ${display} but ${bin} does not run; overlay not rendered`, at, 'install kubectl or set KUBECTL_PATH')] };
  }
  const helm = cache.toolVersion(helmBinary(), ['version', '--short']) !== undefined ? ['--helm-command', helmBinary()] : [];
  const args = ['kustomize', dir, '--enable-helm', ...helm, ...opts.kustomizeFlags];
  // an overlay reads bases anywhere under the scanned root: hash all of it
  const h = createHash('sha256').update(`kubectl ${version}\0${opts.kustomizeFlags.join('\0')}\0${path.relative(contentRoot, dir)}\0`);
  hashFolder(contentRoot, h);
  const key = h.update(display).digest('hex');
  const hit = cache.overlays.get(key);
  if (hit) return hit;
  const r = run(bin, args, contentRoot, opts);
  const result = r.ok
    ? { files: kustomizeOutput(r.stdout, display), diagnostics: [] }
    : {
        files: [],
        diagnostics: [diag(r.missing ? Codes.toolMissing : Codes.renderFailed, 'error', `kubectl kustomize failed for overlay ${display}: ${oneLine(r.message)}; overlay not rendered`, at)],
      };
  cache.overlays.set(key, result);
  return result;
}

/** Reads `--helm-config`: `charts: { <chart folder>: { releaseName, namespace, values: [..], set: [..] } }`. */
export function readHelmConfig(file: string): Map<string, ChartSettings> {
  const base = path.dirname(path.resolve(file));
  const doc = jsYaml.load(readFileSync(file, 'utf8')) as { charts?: Record<string, ChartSettings> } | null;
  const out = new Map<string, ChartSettings>();
  for (const [chart, s] of Object.entries(doc?.charts ?? {})) {
    const dir = path.resolve(base, chart);
    // a typo in the config must not silently render a chart with default values
    if (!existsSync(path.join(dir, 'Chart.yaml'))) throw new Error(`charts.${chart}: ${dir} has no Chart.yaml`);
    out.set(dir, {
      ...(s.releaseName ? { releaseName: String(s.releaseName) } : {}),
      ...(s.namespace ? { namespace: String(s.namespace) } : {}),
      values: (s.values ?? []).map((v) => path.resolve(base, v)),
      set: (s.set ?? []).map(String),
    });
  }
  return out;
}
