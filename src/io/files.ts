import { appendAll } from '../model/append.js';
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ManifestFile } from '../manifests/documents.js';
import { findRenderRoots } from '../manifests/render.js';
import { decodeManifest } from './decode.js';
import { readRegularFile, refusalMessage, skippedByScan, walkTree } from './read-policy.js';
import { chartSourceLocator } from './chart-sources.js';
import { renderChart, renderOverlay, type RenderCache } from './render.js';
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_RENDER_OPTIONS, type ChartValues, type PathMapping, type ReadOptions, type ReadResult } from './types.js';

/** Files that may hold manifests, or mark a Kustomize overlay. */
const MANIFEST_NAME = /(?:\.(?:yaml|yml|json)|^Kustomization)$/;


const IDENTITY: PathMapping = { display: (abs) => displayPath(abs), logical: (abs) => abs };


/** Shows a path relative to the working directory when it lies below it. */
export function displayPath(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

/**
 * Reads the manifest files under each path (a file, or a folder scanned recursively). Every file
 * that cannot be used is reported, never silently dropped: missing paths, unreadable files, files
 * over the size limit, binary files, and symlinks that lead outside the scanned folder.
 * `onRead` is told the characters read so far after each file (the parse workers start from it
 * while the rest is read: io/node-io.ts).
 */
export function readManifestFiles(paths: readonly string[], options: ReadOptions, cache: RenderCache, onRead?: (chars: number) => void): ReadResult {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const map = options.paths ?? IDENTITY;
  const values: ChartValues[] = [];
  const files: ManifestFile[] = [];
  let chars = 0;
  let counted = 0;
  const tell = () => {
    if (!onRead) return;
    for (; counted < files.length; counted++) chars += (files[counted] as ManifestFile).text.length;
    onRead(chars);
  };
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    const abs = path.resolve(p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      diagnostics.push(diag(Codes.noInput, 'error', `no such file or folder: ${p}`));
      continue;
    }
    // a path inside an exported repository (`diff --repo`) that is a symlink leading out of it: a
    // pull request could point it at the runner's own files
    if (map.root !== undefined && !within(abs, map.root)) {
      diagnostics.push(diag(Codes.symlinkEscape, 'error', `${st.isDirectory() ? 'folder' : 'file'} symlink points outside the repository; not followed`, { file: map.display(abs), doc: 0 }));
      continue;
    }
    if (st.isDirectory()) {
      const root = realpathSync(abs);
      const regular = new Set<string>();
      const found = listFolder(abs, root, map, diagnostics, regular);
      if (found.length === 0) diagnostics.push(diag(Codes.noInput, 'warning', `no .yaml, .yml or .json files under ${map.display(abs)}`));
      // kustomization files are read under the same policy (a FIFO named kustomization.yaml must not hang the listing)
      const readText = (rel: string) => {
        const r = readRegularFile(path.join(abs, rel), root, maxBytes);
        if (!r.ok) return undefined;
        const d = decodeManifest(r.bytes);
        return d.ok ? d.text : undefined;
      };
      // charts and overlays are rendered with the real tools; their files are not plain manifests
      const roots = findRenderRoots(found, readText);
      for (const f of roots.plain) {
        readOne(path.join(abs, f), root, maxBytes, files, diagnostics, seen, map, regular.has(f) ? path.join(root, f) : undefined);
        tell();
      }
      const render = options.render ?? DEFAULT_RENDER_OPTIONS;
      for (const c of roots.charts) {
        const dir = path.join(abs, c);
        options.progress?.(`rendering chart ${map.display(dir)}…`);
        const atRoot = (map.root !== undefined && path.resolve(map.root) === path.resolve(dir)) || (options.comparedSide === true && path.resolve(abs) === path.resolve(dir));
        const r = renderChart(dir, map.display(dir), render, cache, map.logical(dir), atRoot, abs);
        appendAll(files, r.files);
        tell();
        const sources = chartTemplates(r.files, dir, map.display(dir), root);
        values.push({ chart: map.display(dir), files: r.values.map((v) => ({ path: map.display(v.path), text: v.text })), templates: sources.templates, defaults: sources.defaults, partials: sources.partials, ...(r.setValues ? { setValues: true as const } : {}) });
        appendAll(diagnostics, r.diagnostics);
      }
      for (const o of roots.overlays) {
        options.progress?.(`rendering overlay ${map.display(path.join(abs, o))}…`);
        const r = renderOverlay(path.join(abs, o), map.display(path.join(abs, o)), abs, render, cache, map.root);
        appendAll(files, r.files);
        tell();
        appendAll(diagnostics, r.diagnostics);
      }
    } else {
      readOne(abs, undefined, maxBytes, files, diagnostics, seen, map);
      tell();
    }
  }
  return { files, diagnostics, values };
}

/**
 * The texts of the templates a chart's rendered files came from (in the chart's folder, a
 * subchart's folder or archive), with helm's own path of each, for tracing a rendered value to the
 * values key its template reads; and the own values.yaml of each subchart they lie in (a folder
 * under charts/, a `file://` folder, or an archive's member), whose defaults helm merges below the
 * parent's values, with the names (aliases) the parent's values give that subchart's part.
 */
function chartTemplates(
  rendered: readonly ManifestFile[],
  dir: string,
  display: string,
  root: string,
): { templates: (ManifestFile & { source: string })[]; defaults: (ManifestFile & { prefix: string[] })[]; partials: ManifestFile[] } {
  const locate = chartSourceLocator(dir, display, root);
  const templates: (ManifestFile & { source: string })[] = [];
  const chains = new Set<string>();
  for (const f of rendered) {
    const o = f.origins?.tool === 'helm' ? f.origins : undefined;
    if (o?.source === undefined || templates.some((t) => t.path === o.template && t.source === o.source)) continue;
    const at = locate(o.source);
    if (at?.text !== undefined && at.file === o.template) templates.push({ path: o.template, text: at.text, source: o.source });
    // `charts/a/charts/b/templates/x.yaml`: subcharts `charts/a` and `charts/a/charts/b`
    const parts = (/^(?:charts\/[^/]+\/)*/.exec(o.source)?.[0] ?? '').split('/').filter((p) => p !== '');
    for (let n = 2; n <= parts.length; n += 2) chains.add(parts.slice(0, n).join('/'));
  }
  const defaults: (ManifestFile & { prefix: string[] })[] = [];
  for (const chain of [...chains].sort()) {
    const at = locate(`${chain}/values.yaml`);
    if (at?.text === undefined) continue;
    defaults.push({ path: at.file, text: at.text, prefix: chain.split('/').filter((_, i) => i % 2 === 1) });
  }
  // the named templates (`define`) of the whole chart tree: helm shares them across the chart and its dependencies
  const partials = locate.partials().flatMap((p): ManifestFile[] => (p.text !== undefined ? [{ path: p.file, text: p.text }] : []));
  return { templates, defaults, partials };
}

/** Whether the real path of `abs` is `root`'s or lies below it. */
function within(abs: string, root: string): boolean {
  try {
    const real = realpathSync(abs);
    const top = realpathSync(root);
    return real === top || real.startsWith(top.endsWith(path.sep) ? top : `${top}${path.sep}`);
  } catch {
    return false;
  }
}

/**
 * One walk of a folder under the reading policy (read-policy.ts): the manifest files below it
 * (relative, posix, sorted), FIFOs, sockets and devices among them refused, and every folder not
 * walked reported (unreadable: error; dot-folders and node_modules: info, shown with --verbose;
 * folder symlinks leading outside: error). A file symlink is listed and checked when it is read.
 */
function listFolder(abs: string, root: string, map: PathMapping, diagnostics: Diagnostic[], regular: Set<string>): string[] {
  const files: string[] = [];
  const { entries, problems } = walkTree(abs, root, { skipFolder: skippedByScan });
  for (const p of problems) {
    const at = { file: map.display(p.abs), doc: 0 };
    if (p.kind === 'unreadableFolder') diagnostics.push(diag(Codes.unreadableFolder, 'error', `cannot read folder (${p.detail}); its files are not analysed`, at));
    else if (p.kind === 'skippedFolder') diagnostics.push(diag(Codes.skippedDotfile, 'info', `folder ${p.detail} skipped on purpose (dot-folders and node_modules are not scanned)`, at));
    else diagnostics.push(diag(Codes.symlinkEscape, 'error', `folder symlink points outside the scanned folder (${p.detail}); not followed`, at));
  }
  for (const e of entries) {
    if (!MANIFEST_NAME.test(path.posix.basename(e.rel))) continue;
    if (e.kind === 'special') {
      diagnostics.push(diag(Codes.notRegularFile, 'error', `${e.what}, not a regular file; never read`, { file: map.display(e.abs), doc: 0 }));
      continue;
    }
    if (e.kind === 'file') regular.add(e.rel);
    files.push(e.rel);
  }
  return files;
}

function readOne(abs: string, root: string | undefined, maxBytes: number, files: ManifestFile[], diagnostics: Diagnostic[], seen: Set<string>, map: PathMapping, listedReal?: string): void {
  const at = { file: map.display(abs), doc: 0 };
  const r = readRegularFile(abs, root, maxBytes, listedReal);
  if (!r.ok) {
    const code = { escape: Codes.symlinkEscape, special: Codes.notRegularFile, tooLarge: Codes.tooLarge, unreadable: Codes.unreadable }[r.refusal.kind];
    diagnostics.push(diag(code, 'error', refusalMessage(r.refusal, maxBytes), at));
    return;
  }
  // the same file reached twice (a symlink beside its target) is read once
  if (seen.has(r.real)) return;
  seen.add(r.real);
  const decoded = decodeManifest(r.bytes);
  if (!decoded.ok) {
    const where = decoded.line !== undefined ? { ...at, line: decoded.line, ...(decoded.column !== undefined ? { column: decoded.column } : {}) } : at;
    diagnostics.push(diag(decoded.reason === 'binary' ? Codes.binary : Codes.unsupportedEncoding, 'error', decoded.message, where));
    return;
  }
  if (decoded.note) diagnostics.push(diag(Codes.unsupportedEncoding, 'warning', decoded.note, at));
  files.push({ path: at.file, text: decoded.text });
}
