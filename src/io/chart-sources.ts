import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import jsYaml from 'js-yaml';
import type * as Tar from 'tar';
import { readRegularFile } from './read-policy.js';

/**
 * Where the templates `helm template` names in its `# Source:` comments really are.
 *
 * helm names a subchart's template `<chart>/charts/<name>/templates/x.yaml`, where `<name>` is the
 * dependency's `alias` when it has one, else the subchart's own `name` from its Chart.yaml: neither
 * needs to be the folder under charts/ (`charts/dbfolder/` of chart `db`), and a packaged
 * dependency is an archive (`charts/redis-17.3.7.tgz`), not a folder. Citing helm's path would name
 * a folder that does not exist; this maps it back through each chart's Chart.yaml (requirements.yaml
 * for a v1 chart) to the folder, the `file://` folder of a dependency not vendored, or the archive
 * and its member (`charts/redis-17.3.7.tgz#redis/templates/master/service.yaml`), at any depth.
 */

/** helm's own limit for one file of a chart; an archive is read up to this many times it. */
const CHART_FILE_LIMIT = 5 * 1024 * 1024;
const ARCHIVE_LIMIT = 4 * CHART_FILE_LIMIT;
/** helm refuses a chart archive that decompresses to more than this. */
const DECOMPRESSED_LIMIT = 100 * 1024 * 1024;

/**
 * tar, loaded when the first packaged chart is read: its module and the Node modules it brings
 * (streams, assert, crypto, fs/promises) are milliseconds of every run that reads no archive. A
 * `require` the bundler follows (dist/ carries tar and initialises it on this first call), not an
 * `import()`: the chart sources are read synchronously.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tar = (): typeof Tar => require('tar') as typeof Tar;

/** A template located: where it is cited, and its text when it could be read. */
export interface ChartSource {
  readonly file: string;
  readonly text?: string;
}

interface Dependency {
  readonly name: string;
  readonly alias?: string;
  readonly repository?: string;
}

/** A folder or archive under a chart's charts/: its name there, and the chart it holds (read once, on demand). */
interface PackagedEntry {
  readonly name: string;
  readonly chart: () => ChartNode | undefined;
}

function lazy(load: () => ChartNode | undefined): () => ChartNode | undefined {
  let done = false;
  let value: ChartNode | undefined;
  return () => {
    if (!done) {
      value = load();
      done = true;
    }
    return value;
  };
}

/** One chart as helm loads it: a folder, or a folder inside an archive. */
interface ChartNode {
  /** The chart's folder as cited: `chart/charts/db`, or `chart/charts/redis-17.3.7.tgz#redis`. */
  readonly display: string;
  /** A file of the chart (`templates/x.yaml`, `Chart.yaml`) by its path under the chart. */
  text(rel: string): string | undefined;
  /** The entries of its charts/ folder (folders and archives) by name, each read when first asked for. */
  packaged(): PackagedEntry[];
  /** The folder of a `file://` dependency (absolute), for a chart on disk. */
  localFolder?(repository: string): ChartNode | undefined;
  /** Its partials: files under templates/ whose name starts with `_` (`_helpers.tpl`), which helm never renders and which hold named templates. */
  partials(): string[];
}

/** Whether a path under a chart is a partial (templates/…/_x): helm reads its `define`s and renders nothing from it. */
const PARTIAL = /^templates\/(?:[^/]+\/)*_[^/]+$/;

function parseYaml(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const doc = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
    return typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function chartName(node: ChartNode): string | undefined {
  const name = parseYaml(node.text('Chart.yaml'))?.name;
  return typeof name === 'string' ? name : undefined;
}

/** The dependencies a chart lists (Chart.yaml, or a v1 chart's requirements.yaml). */
function dependencies(node: ChartNode): Dependency[] {
  return ['Chart.yaml', 'requirements.yaml'].flatMap((f) => {
    const deps = parseYaml(node.text(f))?.dependencies;
    if (!Array.isArray(deps)) return [];
    return deps.flatMap((d: unknown): Dependency[] => {
      const { name, alias, repository } = (d ?? {}) as Record<string, unknown>;
      if (typeof name !== 'string') return [];
      return [{ name, ...(typeof alias === 'string' && alias !== '' ? { alias } : {}), ...(typeof repository === 'string' ? { repository } : {}) }];
    });
  });
}

/** A chart folder on disk, read under the reading policy within `root`. */
class FolderChart implements ChartNode {
  private listed: PackagedEntry[] | undefined;
  constructor(
    private readonly dir: string,
    readonly display: string,
    private readonly root: string,
  ) {}

  text(rel: string): string | undefined {
    const r = readRegularFile(path.join(this.dir, rel), this.root, CHART_FILE_LIMIT);
    return r.ok ? r.bytes.toString('utf8') : undefined;
  }

  packaged(): PackagedEntry[] {
    if (this.listed) return this.listed;
    const charts = path.join(this.dir, 'charts');
    let names: string[] = [];
    try {
      names = readdirSync(charts).sort();
    } catch {
      // no charts/ folder
    }
    this.listed = names.map((n): PackagedEntry => {
      const abs = path.join(charts, n);
      const shown = `${this.display}/charts/${n}`;
      if (n.endsWith('.tgz')) {
        return {
          name: n,
          chart: lazy(() => {
            const r = readRegularFile(abs, this.root, ARCHIVE_LIMIT);
            return r.ok ? archiveCharts(r.bytes, shown) : undefined;
          }),
        };
      }
      return { name: n, chart: lazy(() => (existsSync(path.join(abs, 'Chart.yaml')) ? new FolderChart(abs, shown, this.root) : undefined)) };
    });
    return this.listed;
  }

  partials(): string[] {
    let names: string[] = [];
    try {
      names = readdirSync(path.join(this.dir, 'templates'), { recursive: true, encoding: 'utf8' }).map((n) => `templates/${n.split(path.sep).join('/')}`);
    } catch {
      // no templates/ folder
    }
    return names.filter((n) => PARTIAL.test(n)).sort();
  }

  localFolder(repository: string): ChartNode | undefined {
    const dir = path.resolve(this.dir, repository.slice('file://'.length));
    if (!existsSync(path.join(dir, 'Chart.yaml'))) return undefined;
    return new FolderChart(dir, path.posix.normalize(`${this.display}/${path.relative(this.dir, dir).split(path.sep).join('/')}`), this.root);
  }
}

/** A chart inside an archive (members by path under the archive's top folder `prefix`). */
class ArchivedChart implements ChartNode {
  constructor(
    private readonly members: ReadonlyMap<string, Buffer>,
    private readonly prefix: string,
    readonly display: string,
  ) {}

  text(rel: string): string | undefined {
    return this.members.get(`${this.prefix}${rel}`)?.toString('utf8');
  }

  partials(): string[] {
    return [...this.members.keys()]
      .filter((m) => m.startsWith(this.prefix) && PARTIAL.test(m.slice(this.prefix.length)))
      .map((m) => m.slice(this.prefix.length))
      .sort();
  }

  packaged(): PackagedEntry[] {
    const out: PackagedEntry[] = [];
    const under = `${this.prefix}charts/`;
    for (const [member, bytes] of this.members) {
      if (!member.startsWith(under)) continue;
      const rest = member.slice(under.length);
      const folder = /^([^/]+)\/Chart\.yaml$/.exec(rest)?.[1];
      if (folder !== undefined) out.push({ name: folder, chart: lazy(() => new ArchivedChart(this.members, `${under}${folder}/`, `${this.display}/charts/${folder}`)) });
      else if (/^[^/]+\.tgz$/.test(rest)) out.push({ name: rest, chart: lazy(() => archiveCharts(bytes, `${this.display}/charts/${rest}`)) });
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}

/**
 * The chart a packaged dependency holds (`helm package` writes one top folder), read in memory:
 * only regular files, each within helm's limits. Undefined when it is no chart archive.
 */
function archiveCharts(bytes: Buffer, display: string): ChartNode | undefined {
  const members = new Map<string, Buffer>();
  let total = 0;
  try {
    const parser: Tar.Parser = new (tar().Parser)({
      onReadEntry: (entry: Tar.ReadEntry) => {
        const name = entry.path.replace(/^\.\//, '');
        // every member's size counts, the skipped ones too (their bytes are decompressed to be passed
        // over): past the limit the archive is given up at once, not read to its end
        total += entry.size ?? 0;
        if (total > DECOMPRESSED_LIMIT) {
          entry.resume();
          parser.abort(new Error('archive too large'));
          return;
        }
        if (entry.type !== 'File' || (entry.size ?? 0) > CHART_FILE_LIMIT || name.split('/').includes('..')) {
          entry.resume();
          return;
        }
        const chunks: Buffer[] = [];
        entry.on('data', (c: Buffer) => chunks.push(c));
        entry.on('end', () => members.set(name, Buffer.concat(chunks)));
      },
    });
    parser.end(bytes);
  } catch {
    return undefined;
  }
  if (total > DECOMPRESSED_LIMIT) return undefined;
  const top = [...members.keys()].map((m) => /^([^/]+)\/Chart\.yaml$/.exec(m)?.[1]).find((t) => t !== undefined);
  return top === undefined ? undefined : new ArchivedChart(members, `${top}/`, `${display}#${top}`);
}

/** The subchart helm renders under `name` (an alias, or a chart's name) of `parent`. */
function subchart(parent: ChartNode, name: string): ChartNode | undefined {
  const deps = dependencies(parent);
  const dep = deps.find((d) => d.alias === name) ?? deps.find((d) => d.alias === undefined && d.name === name);
  const wanted = dep?.name ?? name;
  // the entries named after the chart first (`wanted/`, then `wanted-<version>.tgz`: helm dependency
  // build's layout), then any other folder or archive; each read only when the ones before did not hold it
  const entries = parent.packaged();
  const rank = (e: PackagedEntry) => (e.name === wanted ? 0 : e.name.startsWith(`${wanted}-`) && e.name.endsWith('.tgz') ? 1 : 2);
  for (const e of [...entries].sort((a, b) => rank(a) - rank(b))) {
    const c = e.chart();
    if (c && chartName(c) === wanted) return c;
  }
  return dep?.repository?.startsWith('file://') ? parent.localFolder?.(dep.repository) : undefined;
}

/**
 * A locator of helm's `# Source:` paths (the part under the chart: `templates/a.yaml`,
 * `charts/primary/templates/svc.yaml`) for the chart in folder `dir`, shown as `display`. Files
 * are read within `root` (the scanned folder, where `file://` dependencies must lie). Subcharts
 * are loaded once per locator.
 */
export interface ChartSourceLocator {
  (source: string): ChartSource | undefined;
  /**
   * The partials (`templates/_helpers.tpl`) of the chart and of every chart vendored below it (library
   * charts such as Bitnami's `common` included: helm loads the named templates of the whole tree), as cited.
   */
  partials(): ChartSource[];
}

/** Vendored charts nest only so deep in practice; deeper ones are not read for their partials. */
const PARTIALS_DEPTH = 8;

export function chartSourceLocator(dir: string, display: string, root: string = dir): ChartSourceLocator {
  const top = new FolderChart(dir, display, root);
  const nodes = new Map<string, ChartNode | undefined>([['', top]]);
  const nodeAt = (chain: string): ChartNode | undefined => {
    if (nodes.has(chain)) return nodes.get(chain);
    const cut = chain.lastIndexOf('/charts/');
    const parent = nodeAt(cut < 0 ? '' : chain.slice(0, cut));
    const node = parent ? subchart(parent, chain.slice(cut < 0 ? 'charts/'.length : cut + '/charts/'.length)) : undefined;
    nodes.set(chain, node);
    return node;
  };
  const locate = (source: string): ChartSource | undefined => {
    // `charts/a/charts/b/templates/x.yaml` -> chain `charts/a/charts/b`, rest `templates/x.yaml`
    const m = /^((?:charts\/[^/]+\/)*)(.+)$/.exec(source);
    if (!m) return undefined;
    const chain = (m[1] as string).replace(/\/$/, '');
    const rest = m[2] as string;
    const node = nodeAt(chain);
    if (!node) return undefined;
    const text = node.text(rest);
    return { file: `${node.display}/${rest}`, ...(text !== undefined ? { text } : {}) };
  };
  const partials = (): ChartSource[] => {
    const out: ChartSource[] = [];
    const seen = new Set<string>();
    const visit = (node: ChartNode, depth: number) => {
      if (seen.has(node.display) || depth > PARTIALS_DEPTH) return;
      seen.add(node.display);
      for (const rel of node.partials()) {
        const text = node.text(rel);
        if (text !== undefined) out.push({ file: `${node.display}/${rel}`, text });
      }
      for (const e of node.packaged()) {
        const c = e.chart();
        if (c) visit(c, depth + 1);
      }
    };
    visit(top, 0);
    return out;
  };
  return Object.assign(locate, { partials });
}

/**
 * The names of the charts vendored under a chart folder's charts/ (folders and archives), as helm
 * identifies them: by the `name` in their Chart.yaml, not by the folder or archive name
 * (`charts/database/` may hold chart `db`).
 */
export function vendoredChartNames(dir: string, root: string = dir): Set<string> {
  const names = new Set<string>();
  for (const e of new FolderChart(dir, '.', root).packaged()) {
    const c = e.chart();
    const name = c ? chartName(c) : undefined;
    if (name !== undefined) names.add(name);
  }
  return names;
}
