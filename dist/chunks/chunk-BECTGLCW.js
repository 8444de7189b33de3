import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  loadManifests
} from "./chunk-YS4F6JR5.js";
import {
  ParseCache,
  parseStoredOrFresh
} from "./chunk-TZ6IWUHF.js";

// src/pipeline/load.ts
function loadInputs(io, paths, settings, cache, mapping) {
  return loadRead(io, readInputs(io, paths, settings, mapping), settings, cache);
}
function readInputs(io, paths, settings, mapping) {
  const render = settings.namespace && settings.render.helmNamespace === void 0 ? { ...settings.render, helmNamespace: settings.namespace } : settings.render;
  return io.readManifests(paths, { maxFileBytes: settings.maxFileBytes, render, ...mapping ? { paths: mapping } : {}, ...settings.progress ? { progress: settings.progress } : {} });
}
function loadRead(io, read, settings, cache) {
  const dir = settings.render.cacheDir;
  let parses = cache ?? (dir ? new ParseCache() : void 0);
  if (dir && parses) {
    const unseen = read.files.filter((f) => !parses?.texts.has(f.text));
    for (const [file, stored] of io.storedParses(dir, unseen)) parses.stored.set(file, stored);
    parses.persist = true;
  }
  const toParse = parses ? read.files.filter((f) => !parses?.stored.has(f) && !parses?.texts.has(f.text)) : read.files;
  const share = io.startParsing(toParse);
  if (share) {
    parses ??= new ParseCache();
    for (const f of share.here) parses.parsed.set(f, parseStoredOrFresh(f, parses));
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

export {
  loadInputs,
  readInputs,
  loadRead
};
