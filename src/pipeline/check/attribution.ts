import { structuredPatch } from 'diff';
import type { SourceRef } from '../../diagnostics/diagnostic.js';
import type { LoadedSide } from './sides.js';
import type { ChangedFile, FileInfo } from './types.js';

/** Head lines of a values file that differ from base (added or changed lines). */
function changedLines(before: string | undefined, after: string): number[] {
  const patch = structuredPatch('a', 'b', before ?? '', after, '', '', { context: 0 });
  const lines: number[] = [];
  for (const h of patch.hunks) {
    let n = h.newStart;
    for (const l of h.lines) {
      if (l.startsWith('+')) lines.push(n++);
      else if (!l.startsWith('-')) n++;
    }
  }
  return lines;
}

/**
 * The files the PR changed that carry a cause: the object's own file when it changed; for an
 * object rendered from a chart, the chart's changed files (templates and values, with the
 * changed values lines). An object whose file did not change has no file to name.
 */
export class Attributor {
  private readonly changed: Set<string>;
  private readonly valuesLines = new Map<string, number[]>();
  /** Files either side loads as plain manifests (not rendered). */
  private readonly plain = new Set<string>();
  /** Paths of the files each side loaded. */
  private readonly onHead = new Set<string>();
  private readonly onBase = new Set<string>();

  constructor(
    changed: readonly string[],
    private readonly files: ReadonlyMap<string, FileInfo>,
    base: LoadedSide,
    head: LoadedSide,
  ) {
    this.changed = new Set(changed);
    for (const info of files.values()) {
      if (info.chart === undefined && info.overlay === undefined) this.plain.add(info.path);
      (info.side === 'head' ? this.onHead : this.onBase).add(info.path);
    }
    const baseValues = new Map<string, string>();
    for (const v of base.values) for (const f of v.files) baseValues.set(base.rel(f.path) ?? f.path, f.text);
    for (const v of head.values)
      for (const f of v.files) {
        const rel = head.rel(f.path) ?? f.path;
        if (this.changed.has(rel)) this.valuesLines.set(rel, changedLines(baseValues.get(rel), f.text));
      }
  }

  filesOf(at: SourceRef | undefined): ChangedFile[] {
    if (!at) return [];
    const info = this.files.get(at.file);
    if (!info) return [];
    if (info.chart !== undefined) {
      const prefix = info.chart === '' ? '' : `${info.chart}/`;
      return [...this.changed]
        .filter((f) => f.startsWith(prefix))
        .map((f) => (this.valuesLines.has(f) ? { path: f, lines: this.valuesLines.get(f) as number[] } : { path: f }));
    }
    if (info.overlay !== undefined) {
      // an overlay's inputs are its folder and the bases it names (anywhere): the changed files
      // under the overlay, and changed files that no side loads as plain manifests
      const prefix = info.overlay === '' ? '' : `${info.overlay}/`;
      return [...this.changed].filter((f) => f.startsWith(prefix) || !this.plain.has(f)).map((f) => ({ path: f }));
    }
    if (!this.changed.has(info.path)) return [];
    return [this.onBase.has(info.path) && !this.onHead.has(info.path) ? { path: info.path, side: 'base' } : { path: info.path }];
  }
}
