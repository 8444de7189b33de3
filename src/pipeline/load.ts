import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ChartValues, Io, PathMapping, ReadResult } from '../io/types.js';
import { ParseCache } from '../manifests/documents.js';
import { loadManifests, type LoadResult } from '../manifests/load.js';
import { parseStoredOrFresh } from '../manifests/parsed-store.js';
import type { ReadSettings } from './settings.js';

export interface LoadedInputs {
  readonly load: LoadResult;
  readonly diagnostics: readonly Diagnostic[];
  /** Values files of the rendered charts, for provenance. */
  readonly values: readonly ChartValues[];
}

/** Reads, renders and loads the manifests under the paths into one cluster model. */
export function loadInputs(io: Io, paths: readonly string[], settings: ReadSettings, cache?: ParseCache, mapping?: PathMapping, comparedSide = false): LoadedInputs {
  return loadRead(io, readInputs(io, paths, settings, mapping, comparedSide), settings, cache);
}

/** Reads and renders the manifests under the paths (a chart without a namespace of its own is rendered in --namespace); nothing is parsed. */
/** `comparedSide`: each path is one side of a comparison, so a chart at the path is named by its chart's name, not by the side's folder (see ReadOptions). */
export function readInputs(io: Io, paths: readonly string[], settings: ReadSettings, mapping?: PathMapping, comparedSide = false): ReadResult {
  const render = settings.namespace && settings.render.helmNamespace === undefined ? { ...settings.render, helmNamespace: settings.namespace } : settings.render;
  return io.readManifests(paths, { maxFileBytes: settings.maxFileBytes, render, ...(mapping ? { paths: mapping } : {}), ...(comparedSide ? { comparedSide: true as const } : {}), ...(settings.progress ? { progress: settings.progress } : {}) });
}

/** Loads what `readInputs` read into one cluster model (through the parse caches: this run's and `--cache-dir`'s). */
export function loadRead(io: Io, read: ReadResult, settings: ReadSettings, cache?: ParseCache): LoadedInputs {
  // --cache-dir: files parsed by an earlier run are not parsed again (a diff's two sides share one cache)
  const dir = settings.render.cacheDir;
  let parses = cache ?? (dir ? new ParseCache() : undefined);
  if (dir && parses) {
    // files whose bytes this cache has parsed already (a diff's unchanged files) are served from memory
    const unseen = read.files.filter((f) => !parses?.texts.has(f.text));
    for (const [file, stored] of io.storedParses(dir, unseen)) parses.stored.set(file, stored);
    parses.persist = true;
  }
  // a large input is parsed on every core: workers take part of the files while this thread parses the rest
  const toParse = parses ? read.files.filter((f) => !parses?.stored.has(f) && !parses?.texts.has(f.text)) : read.files;
  const share = io.startParsing(toParse);
  if (share) {
    parses ??= new ParseCache();
    for (let f = share.next(); f !== undefined; f = share.next()) parses.parsed.set(f, parseStoredOrFresh(f, parses));
    for (const [file, stored] of share.collect()) {
      parses.stored.set(file, stored);
      if (parses.persist) parses.fresh.set(file, stored);
    }
  }
  const load = loadManifests(read.files, parses, settings.namespace ? { defaultNamespace: settings.namespace } : {});
  if (dir && parses && parses.fresh.size > 0) {
    io.storeParses(dir, parses.fresh);
    parses.fresh.clear();
  }
  return { load, diagnostics: [...read.diagnostics, ...load.diagnostics], values: read.values };
}
