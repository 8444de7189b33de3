import path from 'node:path/posix';
import jsYaml from 'js-yaml';
import { Codes, diag, type Diagnostic, type SourceRef } from '../diagnostics/diagnostic.js';
import { parseManifestFile, type DocumentOrigin, type ManifestFile, type ParsedDocument, type Refine } from './documents.js';
import { kustomizationPatches, opReaches, targetSelects, writingOps, type KustomizationPatch } from './kustomize-patches.js';
import { locate, locateRaw } from './positions.js';
import { renderedName, renderedSource } from './rendered-name.js';

/**
 * Where rendered documents came from, so that evidence and diagnostics cite the file a person
 * edits (`base/api.yaml:18`), never a line of a tool's output nobody can open.
 *
 * Kustomize: each rendered object's source file, as kustomize itself records it
 * (`buildMetadata: [originAnnotations]` in a wrapper kustomization the I/O shell writes to a
 * temporary folder), with the texts of the files that can hold its fields (the resource file, the
 * patch files, strategic merge and JSON 6902, and kustomizations the overlay reaches, whose inline
 * patches are read from them; the env and data files of its generators) and helm's own rendering of
 * the charts its `helmCharts` inflate. A field is cited at a line only where that line provably
 * holds the rendered value (see `kustomizeOrigin`).
 *
 * Helm: a template's line cannot be known from the output in general (actions add and remove
 * lines); `lines` maps a rendered line to its template line only where the two are the same text by
 * construction (before the template's first action and after its last), else 0.
 */
export type RenderOrigins =
  | {
      readonly tool: 'kustomize';
      /** By rendered document (index = doc - 1): what kustomize says it came from; null when it says nothing. */
      readonly documents: readonly (DocumentSource | null)[];
      /** Display paths of the kustomization files the overlay reaches, the overlay's own first. */
      readonly kustomizations: readonly string[];
      /** The texts of the files named above and in `documents`, and of the patch and env files they list. */
      readonly sources: readonly ManifestFile[];
      /**
       * The charts of kustomizations with `helmCharts:`, rendered by `helm template` as kustomize
       * inflates them (kustomize drops helm's `# Source:` comments; this rendering keeps them), so
       * that an object a chart generated is cited at its template's line.
       */
      readonly charts?: readonly ChartRendering[];
    }
  | {
      readonly tool: 'helm';
      /** The template's display path (`charts/shop/templates/api.yaml`): the real file, or `x.tgz#chart/templates/api.yaml` in a packaged subchart. */
      readonly template: string;
      /** helm's own path under the chart (`charts/<alias>/templates/api.yaml`): a subchart's values are the parent's under these names. */
      readonly source?: string;
      /** By rendered line (index = line - 1): the template's line holding the same text, or 0 when it cannot be known. */
      readonly lines: readonly number[];
      /** The alias chain the copy was rendered as, when one template was rendered under several aliases (rendered-name.ts). */
      readonly as?: string;
    };

/** The charts one kustomization's `helmCharts:` inflate, rendered with helm's template names and lines; why a chart could not be. */
export interface ChartRendering {
  /** The kustomization's display path. */
  readonly kustomization: string;
  /** helm's output split by template, each with its Helm origins. */
  readonly files: readonly ManifestFile[];
  readonly problems: readonly string[];
}

/** A rendered object's origin as kustomize's `config.kubernetes.io/origin` annotation gives it, paths as displayed. */
export type DocumentSource = { readonly path: string } | { readonly configuredIn: string; readonly generator: string };

/** The annotation kustomize writes with `buildMetadata: [originAnnotations]`. */
export const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';

type Path = readonly (string | number)[];
type Json = unknown;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The identity kustomize sorts and matches by: apiVersion, kind, namespace, name. */
export function objectIdentity(v: unknown): string | undefined {
  if (!isRecord(v) || !isRecord(v.metadata)) return undefined;
  const m = v.metadata;
  return `${String(v.apiVersion)}|${String(v.kind)}|${String(m.namespace ?? '')}|${String(m.name ?? '')}`;
}

/**
 * The origins of the objects of a plain render, read from a second render of the same overlay
 * that carries origin annotations: matched by identity (annotations change neither identity nor
 * order), so the analysed text stays byte for byte what `kubectl kustomize` gives. `display`
 * turns a path as kustomize wrote it (relative to the wrapper folder) into the displayed path;
 * undefined for a path it cannot name (then that object keeps its rendered position).
 */
export function kustomizeDocumentSources(plain: readonly unknown[], annotated: readonly unknown[], display: (p: string) => string | undefined): (DocumentSource | null)[] {
  const byIdentity = new Map<string, DocumentSource | null>();
  const repeated = new Set<string>();
  for (const v of annotated) {
    const id = objectIdentity(v);
    if (id === undefined) continue;
    if (byIdentity.has(id)) repeated.add(id);
    byIdentity.set(id, sourceOf(v, display));
  }
  return plain.map((v) => {
    const id = objectIdentity(v);
    return id === undefined || repeated.has(id) ? null : (byIdentity.get(id) ?? null);
  });
}

function sourceOf(v: unknown, display: (p: string) => string | undefined): DocumentSource | null {
  const annotations = isRecord(v) && isRecord(v.metadata) && isRecord(v.metadata.annotations) ? v.metadata.annotations : undefined;
  const text = annotations?.[ORIGIN_ANNOTATION];
  if (typeof text !== 'string') return null;
  let o: unknown;
  try {
    o = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return null;
  }
  if (!isRecord(o)) return null;
  // a remote origin (repo:, ref:) names no file of the repository
  if (o.repo !== undefined) return null;
  if (typeof o.path === 'string') {
    const p = display(o.path);
    return p === undefined ? null : { path: p };
  }
  if (typeof o.configuredIn === 'string' && isRecord(o.configuredBy) && typeof o.configuredBy.kind === 'string') {
    const p = display(o.configuredIn);
    return p === undefined ? null : { configuredIn: p, generator: o.configuredBy.kind };
  }
  return null;
}

/** The files a kustomization names that can hold an object's fields: patch files and generator env and data files, relative to its folder. */
export function kustomizationInputs(text: string): string[] {
  let k: unknown;
  try {
    k = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return [];
  }
  if (!isRecord(k)) return [];
  const out: string[] = [];
  for (const key of ['patches', 'patchesJson6902']) for (const p of Array.isArray(k[key]) ? k[key] : []) if (isRecord(p) && typeof p.path === 'string') out.push(p.path);
  for (const p of Array.isArray(k.patchesStrategicMerge) ? k.patchesStrategicMerge : []) if (typeof p === 'string' && !p.includes('\n')) out.push(p);
  for (const key of ['configMapGenerator', 'secretGenerator']) {
    for (const g of Array.isArray(k[key]) ? k[key] : []) {
      if (!isRecord(g)) continue;
      if (typeof g.env === 'string') out.push(g.env);
      for (const e of Array.isArray(g.envs) ? g.envs : []) if (typeof e === 'string') out.push(e);
      for (const f of generatorFiles(g)) out.push(f.file);
    }
  }
  return out.filter((p) => !/^[a-z]+:\/\//i.test(p));
}

/** A generator's `files:` entries: `path` (the key is the file's name) and `key=path`. */
function generatorFiles(g: Record<string, unknown>): { key: string; file: string }[] {
  return (Array.isArray(g.files) ? g.files : []).flatMap((e: unknown) => {
    if (typeof e !== 'string' || e === '') return [];
    const eq = e.indexOf('=');
    return eq < 0 ? [{ key: path.basename(e), file: e }] : [{ key: e.slice(0, eq), file: e.slice(eq + 1) }];
  });
}

/**
 * Which kustomization accumulates which source file: its `resources` (and `bases`) name files
 * and folders of other kustomizations, its `components` folders of components, whose patches
 * apply to what the including kustomization accumulates. Paths as displayed.
 */
class KustomizationGraph {
  private readonly entries = new Map<string, { readonly resources: readonly string[]; readonly components: readonly string[] }>();
  private readonly byFolder = new Map<string, string>();
  private readonly includedBy = new Map<string, string[]>();
  private readonly memo = new Map<string, boolean>();

  constructor(kustomizations: readonly string[], text: (k: string) => string | undefined) {
    for (const k of kustomizations) {
      const dir = path.dirname(k);
      this.byFolder.set(dir, k);
      const lists = kustomizationLists(text(k) ?? '');
      const resolve = (e: string) => path.normalize(path.join(dir, e)).replace(/\/$/, '');
      this.entries.set(k, { resources: lists.resources.map(resolve), components: lists.components.map(resolve) });
    }
    for (const [k, e] of this.entries) {
      for (const c of e.components) {
        const ck = this.byFolder.get(c);
        if (ck !== undefined) this.includedBy.set(ck, [...(this.includedBy.get(ck) ?? []), k]);
      }
    }
  }

  /** Whether the patches of kustomization `k` can apply to an object from `file`. */
  patches(k: string, file: string, seen: Set<string> = new Set()): boolean {
    if (seen.has(k)) return false;
    seen.add(k);
    // a component patches what the kustomization including it accumulates, up through nested components
    const parents = this.includedBy.get(k);
    if (parents) return parents.some((p) => this.patches(p, file, seen));
    return this.accumulates(k, file, new Set());
  }

  private accumulates(k: string, file: string, visiting: Set<string>): boolean {
    const key = `${k}\0${file}`;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    if (visiting.has(k)) return false;
    visiting.add(k);
    const e = this.entries.get(k);
    let found = false;
    for (const r of [...(e?.resources ?? []), ...(e?.components ?? [])]) {
      const inner = this.byFolder.get(r);
      // a kustomization folder not among those read (outside the repository): its load
      // restrictor keeps what it accumulates inside it
      const within = inner === undefined && file.startsWith(`${r}/`);
      if (r === file || within || (inner !== undefined && this.accumulates(inner, file, visiting))) {
        found = true;
        break;
      }
    }
    visiting.delete(k);
    this.memo.set(key, found);
    return found;
  }
}

/** The `resources` (with the older `bases`) and `components` a kustomization lists, local entries only (no URL, no `?ref=`). */
export function kustomizationLists(text: string): { resources: string[]; components: string[] } {
  let k: unknown;
  try {
    k = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return { resources: [], components: [] };
  }
  const local = (v: unknown): string[] => (Array.isArray(v) ? v.filter((e): e is string => typeof e === 'string' && !/^[a-z]+:\/\//i.test(e) && !e.includes('?')) : []);
  if (!isRecord(k)) return { resources: [], components: [] };
  return { resources: [...local(k.resources), ...local(k.bases)], components: local(k.components) };
}

/** The parsed source files of one rendered file, shared by its documents and parsed once. */
class Sources {
  private readonly parsed = new Map<string, ParsedDocument[]>();
  private readonly texts: Map<string, string>;
  private kustomizationGraph: KustomizationGraph | undefined;
  private readonly chartDocs = new Map<string, ParsedDocument[]>();
  constructor(
    files: readonly ManifestFile[],
    private readonly charts: readonly ChartRendering[] = [],
  ) {
    this.texts = new Map(files.map((f) => [f.path, f.text]));
  }
  /** The documents of the charts kustomization `k` inflates, as helm rendered them, each cited through its template. */
  chartDocuments(k: string): ParsedDocument[] {
    let hit = this.chartDocs.get(k);
    if (!hit) {
      hit = this.charts.filter((c) => c.kustomization === k).flatMap((c) => c.files.flatMap((f) => withOrigins(parseManifestFile(f).documents, f.origins)));
      this.chartDocs.set(k, hit);
    }
    return hit;
  }
  graph(kustomizations: readonly string[]): KustomizationGraph {
    return (this.kustomizationGraph ??= new KustomizationGraph(kustomizations, (k) => this.texts.get(k)));
  }
  has(file: string): boolean {
    return this.texts.has(file);
  }
  private readonly patchLists = new Map<string, KustomizationPatch[]>();
  /** The patches kustomization `k` lists, parsed once. */
  patches(k: string): KustomizationPatch[] {
    let hit = this.patchLists.get(k);
    if (!hit) {
      const text = this.texts.get(k);
      hit = text === undefined ? [] : kustomizationPatches(k, text, (f) => this.texts.get(f));
      this.patchLists.set(k, hit);
    }
    return hit;
  }
  text(file: string): string | undefined {
    return this.texts.get(file);
  }
  documents(file: string): ParsedDocument[] {
    let hit = this.parsed.get(file);
    if (!hit) {
      const text = this.texts.get(file);
      hit = text === undefined ? [] : parseManifestFile({ path: file, text }).documents;
      this.parsed.set(file, hit);
    }
    return hit;
  }
}

/**
 * The documents of a rendered file with their origins attached (a copy of each document that has
 * one; the others as they are).
 */
export function withOrigins(documents: readonly ParsedDocument[], origins: RenderOrigins | undefined): ParsedDocument[] {
  if (!origins) return [...documents];
  if (origins.tool === 'helm') {
    const origin = helmOrigin(origins.template, origins.lines, renderedName(origins.template, origins.as));
    return documents.map((d) => ({ ...d, origin }));
  }
  const sources = new Sources(origins.sources, origins.charts);
  return documents.map((d) => {
    const s = origins.documents[d.doc - 1];
    return s ? { ...d, origin: kustomizeOrigin(d, s, origins.kustomizations, sources) } : d;
  });
}

/** A rendered Helm line as its template's line where that is exact; else the template named as rendered, without a line. */
function helmOrigin(template: string, lines: readonly number[], rendered: string): DocumentOrigin {
  return {
    locate(d, p, refine) {
      const raw = locateRaw(d, p);
      const at = refine ? refine(d, raw) : raw;
      const line = at.line === undefined ? 0 : (lines[at.line - 1] ?? 0);
      if (line > 0) return { ...at, file: template, doc: 0, line };
      const { line: _l, column: _c, ...rest } = at;
      return { ...rest, file: rendered };
    },
  };
}

/**
 * Kustomize: a field is cited in the file that last wrote it. The candidates are the patches of
 * the overlay's kustomizations that target the object (strategic-merge documents and JSON 6902
 * operations, in files or inline in a kustomization), then the object's own source document. The
 * field's path is followed into each (by the keys kustomize merges lists by, `name`, else the
 * index; into an operation along its pointer), and a candidate is cited only if the value there is
 * the rendered value (a mapping or list is cited where it starts). Anything else names the source
 * file without a line: a file without a line is better than a wrong one.
 */
function kustomizeOrigin(rendered: ParsedDocument, source: DocumentSource, kustomizations: readonly string[], sources: Sources): DocumentOrigin {
  if ('configuredIn' in source) {
    if (source.generator === HELM_GENERATOR) return chartOrigin(rendered, source.configuredIn, kustomizations, sources);
    // a generated ConfigMap or Secret: a patch above the generator (an overlay changing one key) is
    // cited where it wrote the value, as for any object; a key no patch wrote at the generator's line
    const generator = generatedOrigin(source, sources);
    const folder = path.dirname(source.configuredIn);
    return layeredOrigin(
      rendered,
      () => undefined,
      () => () => undefined,
      (k) => k === source.configuredIn || sources.graph(kustomizations).patches(k, folder),
      () => ({ file: source.configuredIn, doc: 0 }),
      kustomizations,
      sources,
      (d, p, _want, refine) => {
        const at = generator.locate(d, p, refine);
        return at.file === source.configuredIn && at.line === undefined ? undefined : at;
      },
    );
  }
  return layeredOrigin(
    rendered,
    () => sourceDocument(rendered.value, sources.documents(source.path)),
    (own) => documentWriter(own, (at) => at),
    // only the kustomizations that accumulate the object's file can patch it (KustomizationGraph)
    (k) => sources.graph(kustomizations).patches(k, source.path),
    (own) => ({ file: source.path, doc: own?.doc ?? 0 }),
    kustomizations,
    sources,
  );
}

/** kustomize's name for the generator that inflates `helmCharts:`. */
const HELM_GENERATOR = 'HelmChartInflationGenerator';

/**
 * An object a kustomization's `helmCharts:` generated: its fields are cited in the chart's
 * template, through helm's own rendering of the chart (where a template line is exact; else the
 * template without a line), after the patches above it; the kustomization without a line when the
 * object is not among helm's objects.
 */
function chartOrigin(rendered: ParsedDocument, kustomization: string, kustomizations: readonly string[], sources: Sources): DocumentOrigin {
  const folder = path.dirname(kustomization);
  return layeredOrigin(
    rendered,
    () => chartDocument(rendered.value, kustomization, kustomizations, sources),
    (own) => (d, p, want, refine) => {
      const q = followPath(d.value, own.value, p);
      if (q === undefined || !writes(want, valueAt(own.value, q))) return undefined;
      return locate(own, q, refine);
    },
    // the kustomization's own patches, and those of the kustomizations that include its folder
    (k) => k === kustomization || sources.graph(kustomizations).patches(k, folder),
    // a field no place holds as rendered (a name the overlay prefixed): the template without a line
    (own) => (own ? { file: renderedSource(locate(own, []).file).file, doc: 0 } : { file: kustomization, doc: 0 }),
    kustomizations,
    sources,
  );
}

/**
 * The helm-rendered document an object of kustomization `k`'s charts came from: of its kind and
 * group, with the name helm gave it (the rendered name without the `namePrefix` and `nameSuffix`
 * of `k` and of the kustomizations above it), when exactly one is.
 */
function chartDocument(rendered: unknown, k: string, kustomizations: readonly string[], sources: Sources): ParsedDocument | undefined {
  if (!isRecord(rendered)) return undefined;
  const name = helmName(nameOf(rendered) ?? '', k, kustomizations, sources);
  const found = sources.chartDocuments(k).filter((c) => isRecord(c.value) && c.value.kind === rendered.kind && sameGroup(c.value.apiVersion, rendered.apiVersion) && nameOf(c.value) === name);
  return found.length === 1 ? found[0] : undefined;
}

function helmName(rendered: string, k: string, kustomizations: readonly string[], sources: Sources): string | undefined {
  const graph = sources.graph(kustomizations);
  const folder = path.dirname(k);
  let prefix = 0;
  let suffix = 0;
  for (const m of kustomizations) {
    if (m !== k && !graph.patches(m, folder)) continue;
    const v = sources.documents(m)[0]?.value;
    if (!isRecord(v)) continue;
    if (typeof v.namePrefix === 'string') prefix += v.namePrefix.length;
    if (typeof v.nameSuffix === 'string') suffix += v.nameSuffix.length;
  }
  return rendered.length > prefix + suffix ? rendered.slice(prefix, rendered.length - suffix) : undefined;
}

/**
 * A field cited where it was last written: the patches of the kustomizations `patchedBy` accepts
 * (overlay first), then the object's own document; a mapping or list where the object defines it.
 * `fallback` is the file without a line.
 */
function layeredOrigin(
  rendered: ParsedDocument,
  ownDocument: () => ParsedDocument | undefined,
  ownWriter: (own: ParsedDocument) => Writer,
  patchedBy: (k: string) => boolean,
  fallback: (own: ParsedDocument | undefined) => SourceRef,
  kustomizations: readonly string[],
  sources: Sources,
  /** What wrote the object where it has no document of its own (a generator's literal or data file). */
  generated?: Writer,
): DocumentOrigin {
  // found on first use: most documents of a large overlay are never cited
  let found: { own: ParsedDocument | undefined; scalarWriters: Writer[]; nodeWriters: Writer[]; unplaced: Writer[] } | undefined;
  const writers = () => {
    if (!found) {
      const own = ownDocument();
      const patches = patchWriters(rendered.value, own?.value, patchedBy, kustomizations, sources);
      const mine = own ? [ownWriter(own)] : generated ? [generated] : [];
      // a scalar is cited where it was last written (a patch before the base); a mapping or list where the object defines it
      found = { own, scalarWriters: [...patches.exact, ...mine], nodeWriters: [...mine, ...patches.exact], unplaced: patches.unplaced };
    }
    return found;
  };
  return {
    locate(d, p, refine) {
      const { own, scalarWriters, nodeWriters, unplaced } = writers();
      const want = valueAt(d.value, p);
      for (const w of [...(want !== null && typeof want === 'object' ? nodeWriters : scalarWriters), ...unplaced]) {
        const at = w(d, p, want, refine);
        if (at) return { ...at, path: [...p] };
      }
      return { ...fallback(own), path: [...p] };
    },
  };
}

/** One place that may have written a field: the field's place there when it holds the rendered value, else undefined. */
type Writer = (d: ParsedDocument, p: Path, want: Json, refine: Refine | undefined) => SourceRef | undefined;

/** Whether a value written in a file is the rendered one (also with its kustomize variables substituted). */
function writes(want: Json, have: Json): boolean {
  return have !== undefined && (sameValue(want, have) || substituted(want, have));
}

/** A document that holds the object's fields (its source, a strategic-merge patch), its places shown through `place`. */
function documentWriter(w: ParsedDocument, place: (at: SourceRef) => SourceRef | undefined): Writer {
  return (d, p, want, refine) => {
    const q = followPath(d.value, w.value, p);
    if (q === undefined || !writes(want, valueAt(w.value, q))) return undefined;
    const raw = locateRaw(w, q);
    return place(refine ? refine(w, raw) : raw);
  };
}

/**
 * A JSON 6902 `add` or `replace`: the rendered field is cited in the operation's value when the
 * pointer provably names the node that holds it (`opReaches`) and the value written there is the
 * rendered value; at the line of the value itself, or of the field inside a mapping or list value.
 */
function operationWriter(patch: KustomizationPatch, doc: ParsedDocument, op: ReturnType<typeof writingOps>[number], own: Json): Writer {
  return (d, p, want, refine) => {
    const steps = opReaches(op, d.value, own, p);
    if (steps === undefined) return undefined;
    const q = followPath(valueAt(d.value, p.slice(0, steps)), op.value, p.slice(steps));
    if (q === undefined || !writes(want, valueAt(op.value, q))) return undefined;
    const raw = locateRaw(doc, [op.index, 'value', ...q]);
    return patch.place(refine ? refine(doc, raw) : raw);
  };
}

/**
 * A JSON 6902 operation that may have written the field though its place cannot be proved (an
 * earlier patch moved the list's elements): its pointer reads as the field's path, index for
 * index, and its value is the rendered one. Cited in its file without a line, rather than the
 * object's source file, which does not hold the value.
 */
function unplacedOperation(patch: KustomizationPatch, doc: ParsedDocument, op: ReturnType<typeof writingOps>[number]): Writer {
  return (d, p, want) => {
    if (op.tokens.length > p.length) return undefined;
    const last = op.tokens.length - 1;
    if (!op.tokens.every((t, i) => t === String(p[i]) || (t === '-' && i === last && op.op === 'add' && typeof p[i] === 'number'))) return undefined;
    const q = followPath(valueAt(d.value, p.slice(0, op.tokens.length)), op.value, p.slice(op.tokens.length));
    if (q === undefined || !writes(want, valueAt(op.value, q))) return undefined;
    const { line: _l, column: _c, ...file } = patch.place({ file: doc.file, doc: doc.doc }) ?? { file: doc.file, doc: doc.doc };
    return file;
  };
}

/** The source file's document the object came from: the one of its kind, else the one whose name the rendered name contains (namePrefix, nameSuffix); none when that is ambiguous. */
function sourceDocument(rendered: unknown, candidates: readonly ParsedDocument[]): ParsedDocument | undefined {
  if (!isRecord(rendered)) return undefined;
  const sameKind = candidates.filter((c) => isRecord(c.value) && c.value.kind === rendered.kind && sameGroup(c.value.apiVersion, rendered.apiVersion));
  if (sameKind.length === 1) return sameKind[0];
  const name = nameOf(rendered) ?? '';
  const exact = sameKind.filter((c) => nameOf(c.value) === name);
  if (exact.length === 1) return exact[0];
  const contained = sameKind.filter((c) => {
    const n = nameOf(c.value);
    return n !== undefined && n !== '' && name.includes(n);
  });
  return contained.length === 1 ? contained[0] : undefined;
}

function sameGroup(a: unknown, b: unknown): boolean {
  const group = (v: unknown) => (typeof v === 'string' && v.includes('/') ? v.slice(0, v.indexOf('/')) : '');
  return group(a) === group(b);
}

function nameOf(v: unknown): string | undefined {
  return isRecord(v) && isRecord(v.metadata) && typeof v.metadata.name === 'string' ? v.metadata.name : undefined;
}

/**
 * The patches that can have written the object's fields, the last applied first: of each
 * kustomization that accumulates the object's file (the overlay's own first, as later
 * kustomizations in the list are lower layers), its patches in reverse order of application, and a
 * JSON patch's operations last first. A strategic-merge document applies when its entry's
 * `target:` selects the object, or without one, when it is of the object's kind and its name is
 * one that the rendered name contains and that contains the source's name; a JSON patch when its
 * target selects the object.
 */
function patchWriters(rendered: unknown, own: unknown, patchedBy: (k: string) => boolean, kustomizations: readonly string[], sources: Sources): { exact: Writer[]; unplaced: Writer[] } {
  const out: Writer[] = [];
  const unplaced: Writer[] = [];
  if (!isRecord(rendered)) return { exact: out, unplaced };
  const renderedName = nameOf(rendered) ?? '';
  const ownName = nameOf(own);
  for (const k of kustomizations) {
    // a kustomization patches only the objects it accumulates (a sibling base's patch never applies)
    if (!sources.has(k) || !patchedBy(k)) continue;
    for (const patch of [...sources.patches(k)].reverse()) {
      if (patch.json) {
        if (!patch.target || !targetSelects(patch.target, rendered, own)) continue;
        const doc = patch.documents[0] as ParsedDocument;
        for (const op of writingOps(doc.value).reverse()) {
          out.push(operationWriter(patch, doc, op, own));
          unplaced.push(unplacedOperation(patch, doc, op));
        }
        continue;
      }
      for (const p of patch.documents) {
        const v = p.value;
        if (!isRecord(v)) continue;
        if (patch.target) {
          if (!targetSelects(patch.target, rendered, own)) continue;
        } else {
          const n = nameOf(v);
          if (v.kind !== rendered.kind || n === undefined || !renderedName.includes(n) || (ownName !== undefined && !n.includes(ownName))) continue;
        }
        out.push(documentWriter(p, patch.place));
      }
    }
  }
  return { exact: out, unplaced };
}

/**
 * A generated ConfigMap or Secret key (`data.KEY`, `stringData.KEY`): the literal `KEY=value` in
 * the kustomization's generator, or the `KEY=value` line of its env file, when exactly one place
 * says exactly that. Anything else names the kustomization without a line.
 */
function generatedOrigin(source: { configuredIn: string; generator: string }, sources: Sources): DocumentOrigin {
  return {
    locate(d, p, refine) {
      const fallback: SourceRef = { file: source.configuredIn, doc: 0, path: [...p] };
      const key = p.length === 2 && (p[0] === 'data' || p[0] === 'stringData') && typeof p[1] === 'string' ? p[1] : undefined;
      const written = key === undefined ? undefined : valueAt(d.value, p);
      // a generated Secret's `data` is base64 of what the generator read
      const value = typeof written === 'string' && p[0] === 'data' && isRecord(d.value) && d.value.kind === 'Secret' ? Buffer.from(written, 'base64').toString('utf8') : written;
      if (key === undefined || typeof value !== 'string') return fallback;
      const generators = source.generator === 'ConfigMapGenerator' ? 'configMapGenerator' : source.generator === 'SecretGenerator' ? 'secretGenerator' : undefined;
      const kdoc = sources.documents(source.configuredIn)[0];
      if (!generators || !kdoc || !isRecord(kdoc.value)) return fallback;
      const name = nameOf(d.value) ?? '';
      const found: SourceRef[] = [];
      const list = kdoc.value[generators];
      (Array.isArray(list) ? list : []).forEach((g: unknown, i) => {
        if (!isRecord(g) || typeof g.name !== 'string' || !name.includes(g.name)) return;
        (Array.isArray(g.literals) ? g.literals : []).forEach((l: unknown, j) => {
          if (typeof l === 'string' && literalOf(l, key) === value) found.push(locateRaw(kdoc, [generators, i, 'literals', j]));
        });
        for (const f of generatorFiles(g)) {
          if (f.key !== key) continue;
          const file = path.normalize(path.join(path.dirname(source.configuredIn), f.file));
          const text = sources.text(file);
          // the key's value is the file's text, as kustomize read it: a line of the value is that line of the file
          if (text === value) found.push(fileLine(file, text, refine));
        }
        const envs = [...(typeof g.env === 'string' ? [g.env] : []), ...(Array.isArray(g.envs) ? g.envs.filter((e): e is string => typeof e === 'string') : [])];
        for (const e of envs) {
          const file = path.normalize(path.join(path.dirname(source.configuredIn), e));
          const lines = (sources.text(file) ?? '').split(/\r?\n/);
          lines.forEach((l, n) => {
            if (literalOf(l.trim(), key) === value) found.push({ file, doc: 0, line: n + 1, column: l.indexOf(key) + 1 });
          });
        }
      });
      return found.length === 1 ? { ...(found[0] as SourceRef), path: [...p] } : fallback;
    },
  };
}

/**
 * A place in a generator's data file: where the value starts (line 1), or, for the caller that
 * finds a line inside a value (scan's addresses in a configuration file), that line. The caller's
 * `refine` reads a value as a block scalar whose first line follows its key's line: it is given
 * the file's text after one such line, so that the value's line n is the file's line n.
 */
function fileLine(file: string, text: string, refine: Refine | undefined): SourceRef {
  const start: SourceRef = { file, doc: 0, line: 1, column: 1 };
  if (!refine) return start;
  const asBlock: ParsedDocument = { file, doc: 0, startLine: 0, text: `\n${text}`, value: text };
  const at = refine(asBlock, { file, doc: 0, line: 0 });
  // not found in the file: the file without a line, never its first line for a match further down
  return at.line !== undefined && at.line >= 1 ? at : { file, doc: 0 };
}

/** The value of `KEY=value` (kustomize's literal and env-file syntax, quotes removed) when the key is `key`. */
function literalOf(text: string, key: string): string | undefined {
  if (text.startsWith('#')) return undefined;
  const eq = text.indexOf('=');
  if (eq < 0 || text.slice(0, eq).trim() !== key) return undefined;
  const v = text.slice(eq + 1);
  return /^(["']).*\1$/s.test(v) && v.length >= 2 ? v.slice(1, -1) : v;
}

function valueAt(root: Json, p: Path): Json {
  let v = root;
  for (const k of p) {
    if (Array.isArray(v) && typeof k === 'number') v = v[k];
    else if (isRecord(v) && typeof k === 'string' && Object.hasOwn(v, k)) v = v[k];
    else return undefined;
  }
  return v;
}

/** Merge keys kustomize's strategic merge uses for the lists that hold addresses and ports, by field name; `name` for the rest. */
const MERGE_KEYS: Readonly<Record<string, string>> = { ports: 'containerPort', volumeMounts: 'mountPath' };

/**
 * The path of the same field in another version of the object: list elements are found by their
 * merge key (a container, an env entry by `name`; ports by `name`, else by `containerPort`)
 * when they have one, else by index. Undefined when an element has no unique counterpart.
 */
function followPath(rendered: Json, other: Json, p: Path): Path | undefined {
  const out: (string | number)[] = [];
  let a = rendered;
  let b = other;
  let field = '';
  for (const k of p) {
    if (typeof k === 'number') {
      if (!Array.isArray(a) || !Array.isArray(b)) return undefined;
      const el = a[k];
      const key = isRecord(el) ? ([typeof el.name === 'string' ? 'name' : undefined, MERGE_KEYS[field]].find((m) => m !== undefined && el[m] !== undefined) as string | undefined) : undefined;
      let j: number;
      if (key !== undefined && isRecord(el)) {
        const matches = b.flatMap((x, i) => (isRecord(x) && sameValue(x[key], el[key]) ? [i] : []));
        if (matches.length !== 1) return undefined;
        j = matches[0] as number;
      } else {
        // a list without merge keys is replaced whole by a patch: the same index, if the lists are the same length
        if (a.length !== b.length) return undefined;
        j = k;
      }
      out.push(j);
      a = el;
      b = b[j];
    } else {
      if (!isRecord(a) || !isRecord(b) || !Object.hasOwn(b, k)) return undefined;
      out.push(k);
      field = k;
      a = a[k];
      b = b[k];
    }
  }
  return out;
}

/**
 * Whether `rendered` is `written` with its kustomize variables (`$(MYSQL_SERVICE)`, from `vars:`)
 * substituted: the line that holds `written` is where the value was written.
 */
function substituted(rendered: Json, written: Json): boolean {
  if (typeof rendered !== 'string' || typeof written !== 'string') return false;
  // the literal parts between the variables; each variable may stand for any text
  const literals = written.split(/\$\([A-Za-z_][A-Za-z0-9_]*\)/);
  if (literals.length < 2) return false;
  return matchesWithGaps(rendered, literals);
}

/**
 * Whether `text` is `literals[0]`, any text, `literals[1]`, ..., any text, the last literal. In
 * linear time (a regular expression with one `[\s\S]*` per variable backtracks exponentially in
 * the number of variables, and a pull request chooses that number): the first literal is a prefix,
 * the last a suffix, and each one between is taken at its leftmost place after the previous one,
 * which finds a match whenever there is one, as the gaps may be any text.
 */
export function matchesWithGaps(text: string, literals: readonly string[]): boolean {
  const first = literals[0] ?? '';
  const last = literals[literals.length - 1] ?? '';
  if (!text.startsWith(first) || text.length < first.length + last.length || !text.endsWith(last)) return false;
  let at = first.length;
  const end = text.length - last.length;
  for (const part of literals.slice(1, -1)) {
    const i = text.indexOf(part, at);
    if (i < 0 || i + part.length > end) return false;
    at = i + part.length;
  }
  return true;
}

/** Structural equality of parsed values; a mapping or a list is "the same" node when both are one (its members are compared where they are cited). */
function sameValue(a: Json, b: Json): boolean {
  if (Array.isArray(a)) return Array.isArray(b);
  if (isRecord(a)) return isRecord(b);
  if (a === b) return true;
  // numbers and strings as YAML writes them (`80` vs 80 after a patch is still 80)
  return a !== null && b !== null && a !== undefined && b !== undefined && typeof a !== 'object' && typeof b !== 'object' && String(a) === String(b) && typeof a === typeof b;
}

/**
 * A parse problem's place in rendered output, translated: a Helm line to its template's line where
 * that is exact, else the template without a line; in Kustomize output (which kustomize wrote,
 * so it parses) the rendered place is kept.
 */
export function renderedAt(at: SourceRef, origins: RenderOrigins): SourceRef {
  if (origins.tool !== 'helm') return at;
  const line = at.line === undefined ? 0 : (origins.lines[at.line - 1] ?? 0);
  if (line > 0) return { ...at, file: origins.template, doc: 0, line };
  const { line: _l, column: _c, ...rest } = at;
  return { ...rest, file: renderedName(origins.template, origins.as), doc: 0 };
}

/** A block of template or rendered lines: their texts and (for a template) their 1-based line numbers. */
interface Block {
  readonly lines: readonly string[];
  readonly numbers: readonly number[];
}

/** Lines split into documents at `---` lines, each without its leading and trailing blank lines (helm trims every document), empty ones dropped. */
function documentsOf(lines: readonly string[], first: number): Block[] {
  const out: Block[] = [];
  let cur: { lines: string[]; numbers: number[] } = { lines: [], numbers: [] };
  const flush = () => {
    let a = 0;
    let b = cur.lines.length;
    while (a < b && (cur.lines[a] as string).trim() === '') a++;
    while (b > a && (cur.lines[b - 1] as string).trim() === '') b--;
    if (b > a) out.push({ lines: cur.lines.slice(a, b), numbers: cur.numbers.slice(a, b) });
    cur = { lines: [], numbers: [] };
  };
  lines.forEach((l, i) => {
    if (/^---\s*$/.test(l)) flush();
    else {
      cur.lines.push(l);
      cur.numbers.push(first + i);
    }
  });
  flush();
  return out;
}

/**
 * For the documents one Helm template rendered to (each as printed), the template line of each of
 * their lines, or 0. Only lines that are the same by construction are mapped: text before the
 * template's first action is printed as written, and so is text after its last one (a `{{-` or
 * `-}}` that trims the neighbouring line leaves that line out). Such text makes whole documents
 * (between `---` lines), the head of the document the first action is in and the tail of the one
 * the last action is in. Helm prints a template's documents sorted by kind, so each is found by
 * its text, not its position: a block is mapped onto the one rendered document that holds it
 * (whole, at its start or at its end); where several could, it is not mapped.
 */
export function helmTemplateLines(rendered: readonly (readonly string[])[], template: string): number[][] {
  const out = rendered.map((d) => d.map(() => 0));
  const t = template.split(/\r?\n/);
  const firstAction = t.findIndex((l) => l.includes('{{'));
  if (firstAction < 0) {
    for (const b of documentsOf(t, 1)) mapBlock(rendered, b, 'whole', out);
    return out;
  }
  let lastAction = t.length - 1;
  while (lastAction >= 0 && !(t[lastAction] as string).includes('}}')) lastAction--;
  // `{{-` eats the whitespace before it, joining it to the last line written: that line is not static
  let prefixEnd = firstAction;
  const opening = t[firstAction] as string;
  if (opening.slice(opening.indexOf('{{')).startsWith('{{-')) {
    while (prefixEnd > 0 && (t[prefixEnd - 1] as string).trim() === '') prefixEnd--;
    prefixEnd = Math.max(prefixEnd - 1, 0);
  }
  let suffixStart = lastAction + 1;
  const closing = t[lastAction] as string;
  if (closing.slice(0, closing.lastIndexOf('}}') + 2).endsWith('-}}')) {
    while (suffixStart < t.length && (t[suffixStart] as string).trim() === '') suffixStart++;
    suffixStart++;
  }
  // a `---` line right before the first action closes the prefix's last document, and one right after the last opens the suffix's first
  const prefixLines = t.slice(0, prefixEnd);
  const prefix = documentsOf(prefixLines, 1);
  const prefixClosed = prefixLines.length > 0 && /^---\s*$/.test(prefixLines.filter((l) => l.trim() !== '').at(-1) ?? '');
  prefix.forEach((b, i) => mapBlock(rendered, b, i === prefix.length - 1 && !prefixClosed ? 'start' : 'whole', out));
  const suffixLines = t.slice(Math.min(suffixStart, t.length));
  const suffix = documentsOf(suffixLines, suffixStart + 1);
  const suffixOpened = /^---\s*$/.test(suffixLines.find((l) => l.trim() !== '') ?? '');
  suffix.forEach((b, i) => mapBlock(rendered, b, i === 0 && !suffixOpened ? 'end' : 'whole', out));
  return out;
}

/** Maps a block of template lines onto the one rendered document that holds it (whole, at its start or at its end); none when no or several documents do. */
function mapBlock(rendered: readonly (readonly string[])[], b: Block, mode: 'whole' | 'start' | 'end', out: number[][]): void {
  const trimmedEnd = (r: readonly string[]) => {
    let end = r.length;
    while (end > 0 && (r[end - 1] as string).trim() === '') end--;
    return end;
  };
  const holds = (r: readonly string[]): number | undefined => {
    const end = trimmedEnd(r);
    const at = mode === 'end' ? end - b.lines.length : 0;
    if (at < 0 || (mode === 'whole' && end !== b.lines.length) || at + b.lines.length > end) return undefined;
    return b.lines.every((l, i) => r[at + i] === l) ? at : undefined;
  };
  const found = rendered.flatMap((r, k) => {
    const at = holds(r);
    return at === undefined ? [] : [{ k, at }];
  });
  if (found.length !== 1) return;
  const { k, at } = found[0] as { k: number; at: number };
  b.numbers.forEach((n, i) => ((out[k] as number[])[at + i] = n));
}

/** The files a rendered file's documents may be cited in. */
export function originFiles(origins: RenderOrigins): string[] {
  if (origins.tool === 'helm') return [origins.template];
  // and the templates of its helmCharts' charts
  const templates = (origins.charts ?? []).flatMap((c) => c.files.flatMap((f) => (f.origins?.tool === 'helm' ? [f.origins.template] : [])));
  return [...origins.sources.map((s) => s.path), ...templates];
}

/**
 * Why objects an overlay's `helmCharts:` entries generate are cited at the kustomization without a
 * line: kustomize's helm inflation drops helm's `# Source:` comments and its origin annotation
 * names only the kustomization, so an object is traced to its template only through helm's own
 * rendering of the chart (`charts`); an object not found there (the chart is not vendored, helm
 * failed, kustomize rendered it otherwise) is not. One info per such kustomization, at its
 * `helmCharts` list, with the reason.
 */
export function helmChartsNotes(files: readonly ManifestFile[]): Diagnostic[] {
  const file = files[0];
  const origins = file?.origins;
  if (!file || origins?.tool !== 'kustomize' || !origins.documents.some((s) => s && 'configuredIn' in s && s.generator === HELM_GENERATOR)) return [];
  const sources = new Sources(origins.sources, origins.charts);
  const untraced = new Map<string, number>();
  for (const d of parseManifestFile(file).documents) {
    const s = origins.documents[d.doc - 1];
    if (!s || !('configuredIn' in s) || s.generator !== HELM_GENERATOR) continue;
    if (!chartDocument(d.value, s.configuredIn, origins.kustomizations, sources)) untraced.set(s.configuredIn, (untraced.get(s.configuredIn) ?? 0) + 1);
  }
  return [...untraced].map(([k, n]) => {
    const kdoc = sources.documents(k)[0];
    const list = isRecord(kdoc?.value) && Array.isArray(kdoc.value.helmCharts) ? kdoc.value.helmCharts : [];
    const charts = list.flatMap((c: unknown) => (isRecord(c) && typeof c.name === 'string' ? [c.name] : []));
    const { path: _p, ...at } = kdoc ? locateRaw(kdoc, ['helmCharts']) : { file: k, doc: 0, path: [] };
    const named = charts.length > 0 ? ` (${charts.map((c) => JSON.stringify(c)).join(', ')})` : '';
    const problems = origins.charts?.find((c) => c.kustomization === k)?.problems ?? [];
    const why = problems.length > 0 ? problems.join('; ') : "they are not among helm's own rendering of the charts";
    return diag(
      Codes.helmChartsUntraced,
      'info',
      `${n} object${n === 1 ? '' : 's'} that helmCharts${named} generate${n === 1 ? 's' : ''} ${n === 1 ? 'is' : 'are'} cited at this kustomization without a line: kustomize keeps no template name or line for them, and ${why}`,
      { ...at, doc: 0 },
      problems.some((p) => p.includes('is not vendored')) ? 'vendor the chart under the chart home to have its objects cited at their template lines' : undefined,
    );
  });
}
