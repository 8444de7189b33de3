import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'glob';
import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ManifestFile } from '../manifests/documents.js';
import { findRenderRoots } from '../manifests/render.js';
import { renderChart, renderOverlay, type RenderCache } from './render.js';
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_RENDER_OPTIONS, type ChartValues, type PathMapping, type ReadOptions, type ReadResult } from './types.js';

/** Files that may hold manifests, or mark a Kustomize overlay. */
const MANIFEST_NAME = /(?:\.(?:yaml|yml|json)|^Kustomization)$/;
const IGNORED_DIRS = ['**/node_modules/**', '**/.git/**'];


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
 */
export function readManifestFiles(paths: readonly string[], options: ReadOptions, cache: RenderCache): ReadResult {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const map = options.paths ?? IDENTITY;
  const values: ChartValues[] = [];
  const files: ManifestFile[] = [];
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
    if (st.isDirectory()) {
      const root = realpathSync(abs);
      const found = listFolder(abs, root, map, diagnostics);
      if (found.length === 0) diagnostics.push(diag(Codes.noInput, 'warning', `no .yaml, .yml or .json files under ${map.display(abs)}`));
      const readText = (rel: string) => {
        try {
          return readFileSync(path.join(abs, rel), 'utf8');
        } catch {
          return undefined;
        }
      };
      // charts and overlays are rendered with the real tools; their files are not plain manifests
      const roots = findRenderRoots(found, readText);
      for (const f of roots.plain) readOne(path.join(abs, f), root, maxBytes, files, diagnostics, seen, map);
      const render = options.render ?? DEFAULT_RENDER_OPTIONS;
      for (const c of roots.charts) {
        const dir = path.join(abs, c);
        options.progress?.(`rendering chart ${map.display(dir)}…`);
        const r = renderChart(dir, map.display(dir), render, cache, map.logical(dir), map.root !== undefined && path.resolve(map.root) === path.resolve(dir));
        files.push(...r.files);
        values.push({ chart: map.display(dir), files: r.values.map((v) => ({ path: map.display(v.path), text: v.text })) });
        diagnostics.push(...r.diagnostics);
      }
      for (const o of roots.overlays) {
        options.progress?.(`rendering overlay ${map.display(path.join(abs, o))}…`);
        const r = renderOverlay(path.join(abs, o), map.display(path.join(abs, o)), abs, render, cache);
        files.push(...r.files);
        diagnostics.push(...r.diagnostics);
      }
    } else {
      readOne(abs, undefined, maxBytes, files, diagnostics, seen, map);
    }
  }
  return { files, diagnostics, values };
}

/**
 * One walk of a folder: the manifest files below it (relative, posix, sorted), and a report of
 * folder symlinks that lead outside it. Folder symlinks are never followed (a folder inside the
 * root is scanned at its real path); a file symlink is listed, and checked when it is read.
 */
function listFolder(abs: string, root: string, map: PathMapping, diagnostics: Diagnostic[]): string[] {
  const files: string[] = [];
  for (const entry of globSync('**', { cwd: abs, dot: false, ignore: IGNORED_DIRS, follow: false, withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    const full = entry.fullpath();
    if (entry.isSymbolicLink()) {
      let target: string | undefined;
      try {
        target = realpathSync(full);
      } catch {
        target = undefined; // dangling: reported as unreadable when read
      }
      if (target !== undefined && statSync(target).isDirectory()) {
        if (target !== root && !target.startsWith(root + path.sep)) {
          diagnostics.push(diag(Codes.symlinkEscape, 'error', `folder symlink points outside the scanned folder (${target}); not followed`, { file: map.display(full), doc: 0 }));
        }
        continue;
      }
    }
    if (MANIFEST_NAME.test(entry.name)) files.push(path.relative(abs, full).split(path.sep).join('/'));
  }
  return files.sort();
}

function readOne(abs: string, root: string | undefined, maxBytes: number, files: ManifestFile[], diagnostics: Diagnostic[], seen: Set<string>, map: PathMapping): void {
  const shown = map.display(abs);
  const at = { file: shown, doc: 0 };
  try {
    if (root !== undefined && lstatSync(abs).isSymbolicLink()) {
      const target = realpathSync(abs);
      if (target !== root && !target.startsWith(root + path.sep)) {
        diagnostics.push(diag(Codes.symlinkEscape, 'error', `symlink points outside the scanned folder (${target}); refused`, at));
        return;
      }
    }
    const real = realpathSync(abs);
    if (seen.has(real)) return;
    seen.add(real);
    const size = statSync(abs).size;
    if (size > maxBytes) {
      diagnostics.push(diag(Codes.tooLarge, 'error', `file is ${size} bytes, over the limit of ${maxBytes} bytes (--max-file-size); skipped`, at));
      return;
    }
    const buf = readFileSync(abs);
    if (buf.subarray(0, 8192).includes(0)) {
      diagnostics.push(diag(Codes.binary, 'error', 'binary file (NUL bytes); skipped', at));
      return;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch {
      diagnostics.push(diag(Codes.binary, 'error', 'not valid UTF-8 text; skipped', at));
      return;
    }
    files.push({ path: shown, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text });
  } catch (e) {
    diagnostics.push(diag(Codes.unreadable, 'error', `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, at));
  }
}
