import path from 'node:path/posix';
import jsYaml from 'js-yaml';
import type { ManifestFile } from './documents.js';
import { helmTemplateLines, kustomizationLists } from './origins.js';
import { aliasChain, renderedName } from './rendered-name.js';

/**
 * A referenced folder as the folder lists spell it: normalised, without a trailing separator
 * (`../base/` and `file://../proxy/` are the same folders as `../base` and `file://../proxy`; with
 * the separator they were not recognised as referenced and were rendered on their own as well).
 */
function folderKey(p: string): string {
  const n = path.normalize(p);
  return n.length > 1 ? n.replace(/[\\/]+$/, '') : n;
}

/**
 * The pure half of Helm and Kustomize rendering: recognising charts and overlays in a list of
 * files, and turning a tool's output into ManifestFiles whose names say where the objects came
 * from (the chart and template, or the overlay), never a temporary file. Running the tools is
 * the I/O shell's job (src/cli/render.ts).
 */
export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

export interface RenderRoots {
  /** Chart folders to render with `helm template` (relative, posix). */
  readonly charts: string[];
  /** Overlay folders to render with `kubectl kustomize` (relative, posix). */
  readonly overlays: string[];
  /** Files to read as plain manifests. */
  readonly plain: string[];
}

function isInside(file: string, dir: string): boolean {
  return dir === '.' || dir === '' || file === dir || file.startsWith(`${dir}/`);
}

/** Folders a kustomization refers to (resources, bases, components), relative to `dir`'s parent tree. */
export function kustomizationRefs(dir: string, text: string): string[] {
  const { resources, components } = kustomizationLists(text);
  return [...resources, ...components].map((r) => folderKey(path.join(dir, r)));
}

/** A chart's `file://` dependencies: the name helm looks for under charts/, and the folder (relative, posix). */
export interface LocalChartDependency {
  readonly name: string;
  readonly folder: string;
}

/** The `file://` dependencies listed in a chart's Chart.yaml (or a v1 chart's requirements.yaml) text, folders resolved against the chart's `dir`. */
export function localChartDependencies(dir: string, text: string): LocalChartDependency[] {
  let doc: unknown;
  try {
    doc = jsYaml.load(text);
  } catch {
    return [];
  }
  const deps = (doc as { dependencies?: unknown } | null)?.dependencies;
  if (!Array.isArray(deps)) return [];
  return deps.flatMap((d: unknown) => {
    const { name, repository } = (d ?? {}) as { name?: unknown; repository?: unknown };
    if (typeof name !== 'string' || typeof repository !== 'string' || !repository.startsWith('file://')) return [];
    return [{ name, folder: folderKey(path.join(dir, repository.slice('file://'.length))) }];
  });
}

/**
 * Which folders are charts (a Chart.yaml) and overlays (a kustomization file), which of them are
 * rendered on their own, and which files are plain manifests (not inside any chart or overlay:
 * templates are not YAML, values files are not Kubernetes). As `kubectl apply -k` sees a tree:
 *
 * - a folder holding a kustomization IS an overlay: it is rendered, not the overlays, Components
 *   or charts below it (they are its parts, or options it leaves out);
 * - a `kind: Component` is never rendered on its own (it only means something inside an overlay);
 * - what another overlay uses (resources, bases, components) is never rendered twice;
 * - a chart inside another chart is a subchart, rendered by its parent, and so is a chart another
 *   chart names as a `file://` dependency.
 */
export function findRenderRoots(files: readonly string[], readText: (file: string) => string | undefined): RenderRoots {
  const chartDirs = files.filter((f) => path.basename(f) === 'Chart.yaml').map((f) => path.dirname(f));
  const overlayDirs = files.filter((f) => (KUSTOMIZATION_FILES as readonly string[]).includes(path.basename(f))).map((f) => path.dirname(f));
  const referenced = new Set<string>();
  const components = new Set<string>();
  for (const dir of overlayDirs) {
    const file = files.find((f) => path.dirname(f) === dir && (KUSTOMIZATION_FILES as readonly string[]).includes(path.basename(f)));
    const text = file ? readText(file) : undefined;
    if (!text) continue;
    for (const r of kustomizationRefs(dir, text)) referenced.add(r);
    if (isComponent(text)) components.add(dir);
  }
  // a chart another chart depends on through `file://` is rendered as its subchart, not on its own
  const chartRefs = new Map<string, string[]>();
  for (const dir of chartDirs) {
    const refs: string[] = [];
    for (const name of ['Chart.yaml', 'requirements.yaml']) {
      const text = readText(dir === '.' ? name : `${dir}/${name}`);
      if (!text) continue;
      for (const d of localChartDependencies(dir, text)) if (d.folder !== dir) refs.push(d.folder);
    }
    chartRefs.set(dir, refs);
    for (const r of refs) referenced.add(r);
  }
  const insideChart = (d: string) => chartDirs.some((c) => c !== d && isInside(d, c));
  const insideOverlay = (d: string) => overlayDirs.some((o) => o !== d && isInside(d, o));
  // only a dependency from outside the chart makes it a subchart: a subchart naming its own parent
  // (`file://../..`) must not make the parent, and so the whole chart, vanish without a word
  const dependedOn = (c: string) => [...chartRefs].some(([r, refs]) => r !== c && !isInside(r, c) && refs.includes(c));
  // a library chart (`type: library`, Bitnami's `common`) only lends templates to the charts that
  // depend on it: helm refuses to install it, and it holds no object of its own
  const topCharts = chartDirs.filter((c) => !insideChart(c) && !insideOverlay(c) && !isLibraryChart(readText(c === '.' ? 'Chart.yaml' : `${c}/Chart.yaml`)));
  const charts = topCharts.filter((c) => !dependedOn(c));
  // charts that depend on each other in a cycle are reached from no root: rendered on their own, so
  // that helm reports the cycle instead of the group vanishing
  const reached = new Set<string>(charts);
  const queue = [...charts];
  while (queue.length > 0) {
    for (const r of chartRefs.get(queue.pop() as string) ?? []) {
      if (!reached.has(r)) {
        reached.add(r);
        queue.push(r);
      }
    }
  }
  for (const c of topCharts) if (!reached.has(c)) charts.push(c);
  charts.sort();
  const overlays = overlayDirs.filter((o) => !referenced.has(o) && !insideChart(o) && !chartDirs.includes(o) && !insideOverlay(o) && !components.has(o));
  // overlays that list themselves or each other are reached from no root: rendered on their own, so that
  // kustomize reports the cycle instead of the whole group vanishing without a word
  for (const o of unreachableOverlays(overlayDirs, overlays, files, readText)) if (!insideChart(o) && !chartDirs.includes(o) && !insideOverlay(o) && !components.has(o)) overlays.push(o);
  overlays.sort();
  const special = [...chartDirs, ...overlayDirs];
  // files an overlay lists directly (resources: [deploy.yaml]) belong to it too
  const plain = files.filter(
    (f) => /\.(ya?ml|json)$/i.test(f) && !special.some((d) => isInside(f, d)) && !referenced.has(path.normalize(f)),
  );
  return { charts, overlays, plain: plain.sort() };
}

/** Overlays that no rendered overlay reaches through resources, bases or components (a reference cycle). */
function unreachableOverlays(overlayDirs: readonly string[], roots: readonly string[], files: readonly string[], readText: (file: string) => string | undefined): string[] {
  const refsOf = new Map<string, string[]>();
  for (const dir of overlayDirs) {
    const file = files.find((f) => path.dirname(f) === dir && (KUSTOMIZATION_FILES as readonly string[]).includes(path.basename(f)));
    const text = file ? readText(file) : undefined;
    refsOf.set(dir, text ? kustomizationRefs(dir, text) : []);
  }
  const reached = new Set<string>(roots);
  const queue = [...roots];
  while (queue.length > 0) {
    for (const r of refsOf.get(queue.pop() as string) ?? []) {
      if (refsOf.has(r) && !reached.has(r)) {
        reached.add(r);
        queue.push(r);
      }
    }
  }
  return overlayDirs.filter((o) => !reached.has(o));
}

function isLibraryChart(chartYaml: string | undefined): boolean {
  if (chartYaml === undefined) return false;
  try {
    const doc = jsYaml.load(chartYaml) as { type?: unknown } | null;
    return doc?.type === 'library';
  } catch {
    return false;
  }
}

function isComponent(kustomization: string): boolean {
  try {
    const doc = jsYaml.load(kustomization) as { kind?: unknown } | null;
    return doc?.kind === 'Component';
  } catch {
    return false;
  }
}

/** Where a template helm names is: the file cited (a subchart's folder or archive member, not helm's `charts/<alias>/`), and its text when read. */
export interface LocatedTemplate {
  readonly file: string;
  readonly text?: string;
}

/**
 * Splits `helm template` output at its `# Source: chart/templates/x.yaml` comments into one
 * ManifestFile per template, named after the template file `locate` finds for helm's path under the
 * chart (`templates/x.yaml`, `charts/<alias>/templates/x.yaml`), with ` [rendered]`; without
 * `locate`, helm's path under `chartDisplay`. With the template's text, each file carries the
 * template line of its lines where that is exact (origins.ts), so that positions cite the template
 * itself, and helm's own path, which names the values a subchart's template reads.
 */
export function splitHelmOutput(output: string, chartDisplay: string, locate?: (source: string) => LocatedTemplate | undefined): ManifestFile[] {
  const bySource = new Map<string, string[][]>();
  let current = '(unknown template)';
  let buf: string[] = [];
  const flush = () => {
    if (buf.some((l) => l.trim() !== '' && l.trim() !== '---')) {
      const list = bySource.get(current) ?? [];
      list.push(buf);
      bySource.set(current, list);
    }
    buf = [];
  };
  for (const line of output.split(/\r?\n/)) {
    const m = /^# Source: (.+)$/.exec(line);
    if (m) {
      flush();
      // drop the chart's own name: `mychart/templates/a.yaml` -> `templates/a.yaml`
      current = (m[1] as string).split('/').slice(1).join('/');
      continue;
    }
    if (/^---\s*$/.test(line)) {
      flush();
      continue;
    }
    buf.push(line);
  }
  flush();
  return [...bySource]
    .map(([source, docs]) => ({ source, docs, at: locate?.(source) }))
    .sort((a, b) => {
      // by the file cited, then by helm's path (two aliases of one subchart share its templates)
      const ka = a.at?.file ?? `${chartDisplay}/${a.source}`;
      const kb = b.at?.file ?? `${chartDisplay}/${b.source}`;
      return ka < kb ? -1 : ka > kb ? 1 : a.source < b.source ? -1 : a.source > b.source ? 1 : 0;
    })
    .map(({ source, docs, at }, _i, all) => {
      const template = at?.file ?? `${chartDisplay}/${source}`;
      // one template rendered under two aliases: each copy named for its alias (`[rendered as primary]`)
      const shared = all.filter((o) => (o.at?.file ?? `${chartDisplay}/${o.source}`) === template).length > 1;
      const as = shared ? aliasChain(source) : undefined;
      const file = { path: renderedName(template, as), text: docs.map((d) => `---\n${d.join('\n')}`).join('\n') };
      if (at?.text === undefined) return file;
      // the file's lines: each document's `---`, then its lines
      const lines = helmTemplateLines(docs, at.text).flatMap((d) => [0, ...d]);
      return { ...file, origins: { tool: 'helm' as const, template, source, lines, ...(as !== undefined ? { as } : {}) } };
    });
}
/** `kubectl kustomize` output as one ManifestFile named after the overlay. */
export function kustomizeOutput(output: string, overlayDisplay: string): ManifestFile[] {
  return [{ path: `${overlayDisplay}/kustomization [rendered]`, text: output }];
}
