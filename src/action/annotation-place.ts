import type { OverlayPlace } from '../pipeline/overlay-place.js';
import type { ActionLog, AnnotationAt } from './runtime.js';

/**
 * Where GitHub can show an annotation. Provenance may cite places GitHub cannot open: a member of a
 * packaged subchart (`charts/redis-17.3.7.tgz#redis/templates/master/service.yaml`, whose line is
 * the member's, not the archive's) or a template as rendered (`… [rendered]`, `… [rendered as
 * primary]`, no line). An annotation at such a place would be dropped or land on a file that does
 * not exist, so it is placed at the nearest real file (the archive itself, without a line, or the
 * template file) and the full citation, line included, goes into the message. An overlay's output
 * (`overlays/prod/kustomization [rendered]:63`, a line of kustomize's output, cited when kustomize
 * could not say where an object came from) is placed at the overlay's kustomization file as
 * `overlayAt` finds it (`kustomization.yaml`, `.yml` or `Kustomization`), at the line that pulls its
 * objects in; where no such file is found, the annotation has no place and the message the citation.
 */
const ARCHIVE_MEMBER = /\.tgz#/;
const OVERLAY_OUTPUT = /(?:^|\/)kustomization \[rendered\]$/;

/** Finds an overlay's kustomization file by the overlay's folder (pipeline/overlay-place.ts). */
export type OverlayAt = (overlayDir: string) => OverlayPlace | undefined;

export function placeAnnotation(message: string, at: AnnotationAt, overlayAt?: OverlayAt): { message: string; at?: AnnotationAt } {
  const citation = `${at.file}${at.line ? `:${at.line}` : ''}`;
  if (OVERLAY_OUTPUT.test(at.file)) {
    const dir = at.file.slice(0, at.file.length - 'kustomization [rendered]'.length).replace(/\/$/, '');
    const place = overlayAt?.(dir === '' ? '.' : dir);
    const { line: _l, column: _c, ...rest } = at;
    if (!place) return { message: `${message} (at ${citation})` };
    return { message: `${message} (at ${citation})`, at: { ...rest, file: dir === '' ? place.name : `${dir}/${place.name}`, ...(place.line !== undefined ? { line: place.line } : {}) } };
  }
  const rendered = / \[rendered(?: as [^\]]+)?\]$/.exec(at.file);
  const file = rendered ? at.file.slice(0, rendered.index) : at.file;
  // a packaged chart's member follows its archive's name (`….tgz#member`); any other `#` is part of
  // a real path (`deploy/team#2/app.yaml`, legal in git), which GitHub places as it is
  const archive = ARCHIVE_MEMBER.exec(file);
  const member = archive ? archive.index + archive[0].length - 1 : -1;
  if (member < 0) return rendered ? { message, at: { ...at, file } } : { message, at };
  const { line: _line, column: _column, ...rest } = at;
  return { message: `${message} (at ${citation})`, at: { ...rest, file: file.slice(0, member) } };
}

/** The log with every annotation placed where GitHub can show it (placeAnnotation). */
export function placedLog(log: ActionLog, overlayAt?: OverlayAt): ActionLog {
  const place = (write: (m: string, at?: AnnotationAt) => void) => (m: string, at?: AnnotationAt) => {
    if (!at) return write(m);
    const p = placeAnnotation(m, at, overlayAt);
    write(p.message, p.at);
  };
  return { ...log, notice: place(log.notice.bind(log)), warning: place(log.warning.bind(log)), error: place(log.error.bind(log)) };
}
