import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ChartValues, Io, PathMapping } from '../io/types.js';
import type { ParseCache } from '../manifests/documents.js';
import { loadManifests, type LoadResult } from '../manifests/load.js';
import type { ReadSettings } from './settings.js';

export interface LoadedInputs {
  readonly load: LoadResult;
  readonly diagnostics: readonly Diagnostic[];
  /** Values files of the rendered charts, for provenance. */
  readonly values: readonly ChartValues[];
}

/** Reads, renders and loads the manifests under the paths into one cluster model. */
export function loadInputs(io: Io, paths: readonly string[], settings: ReadSettings, cache?: ParseCache, mapping?: PathMapping): LoadedInputs {
  const render = settings.namespace && settings.render.helmNamespace === undefined ? { ...settings.render, helmNamespace: settings.namespace } : settings.render;
  const read = io.readManifests(paths, { maxFileBytes: settings.maxFileBytes, render, ...(mapping ? { paths: mapping } : {}), ...(settings.progress ? { progress: settings.progress } : {}) });
  const load = loadManifests(read.files, cache, settings.namespace ? { defaultNamespace: settings.namespace } : {});
  return { load, diagnostics: [...read.diagnostics, ...load.diagnostics], values: read.values };
}
