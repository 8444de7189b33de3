import { closeSync, constants, fstatSync, ftruncateSync, lstatSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../diagnostics/errors.js';
import { visible } from '../diagnostics/sanitize.js';
import type { FileContent } from './types.js';

/**
 * The one writing policy. Output paths are built from names a pull request controls, and the
 * output folder may sit in the PR's own checkout, so:
 * - every path is resolved and must stay inside the folder the user named (`inside`);
 * - no component below that folder may be a symlink, and the file is opened with O_NOFOLLOW,
 *   so a planted link is never written through;
 * - only regular files are written (a FIFO or device in the way is refused, never opened for writing);
 * - any failure is one ConfigError line (exit 2) naming the path and the reason.
 */
export interface WritePolicy {
  /** The folder the user named; every file must resolve inside it. */
  readonly inside: string;
  /** Create missing folders between `inside` and each file. */
  readonly createFolders?: boolean;
}

const REASONS: Record<string, string> = {
  ENOTDIR: 'a file is where a folder is expected',
  EISDIR: 'a folder is where the file should be',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  ELOOP: 'it is a symlink; symlinks are never written through',
  ENOENT: 'its folder does not exist',
};

function fail(file: string, why: string): never {
  throw new ConfigError(`${visible(file)}: cannot write (${why})`);
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code ? (REASONS[code] ? `${REASONS[code]}, ${code}` : code) : (e as Error).message;
}

/** `file` relative to `inside`, or a ConfigError when it leaves it. */
function relativeInside(inside: string, file: string): string[] {
  const rel = path.relative(path.resolve(inside), path.resolve(file));
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) fail(file, `outside the output folder ${inside}`);
  return rel.split(path.sep);
}

function lstatOrUndefined(p: string) {
  try {
    return lstatSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** A folder on the way to a file: it must be a real folder (no symlink), created when missing and allowed. */
function checkFolder(file: string, dir: string, create: boolean): void {
  const st = lstatOrUndefined(dir);
  const shown = shownPath(dir);
  if (st === undefined) {
    if (!create) fail(file, `folder ${shown} does not exist`);
    mkdirSync(dir);
  } else if (st.isSymbolicLink()) fail(file, `${shown} is a symlink; symlinks are never written through`);
  else if (!st.isDirectory()) fail(file, `${shown} is a file where a folder is expected`);
}

/** A path as the user knows it: relative to the working directory when below it. */
function shownPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return visible(rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p);
}

/** Writes one file under the policy. */
export function writeFileInside(policy: WritePolicy, file: string, text: FileContent): void {
  const parts = relativeInside(policy.inside, file);
  let dir = path.resolve(policy.inside);
  try {
    // the folder the user named: below the working directory (a checkout a PR controls) each of its
    // components is checked as well; elsewhere it is the user's own choice
    const base = process.cwd();
    const fromBase = path.relative(base, dir);
    if (fromBase !== '' && !fromBase.startsWith('..') && !path.isAbsolute(fromBase)) {
      let d = base;
      for (const part of fromBase.split(path.sep)) {
        d = path.join(d, part);
        checkFolder(file, d, policy.createFolders === true);
      }
    } else if (policy.createFolders) mkdirSync(dir, { recursive: true });
    for (const part of parts.slice(0, -1)) {
      dir = path.join(dir, part);
      checkFolder(file, dir, policy.createFolders === true);
    }
    const target = path.join(dir, parts[parts.length - 1] as string);
    const st = lstatOrUndefined(target);
    if (st?.isSymbolicLink()) fail(file, 'it is a symlink; symlinks are never written through');
    if (st && st.isDirectory()) fail(file, 'a folder is where the file should be');
    if (st && !st.isFile()) fail(file, 'not a regular file (FIFO, socket or device)');
    // O_NOFOLLOW closes the race between lstat and open; O_NONBLOCK keeps a FIFO swapped in from blocking
    const fd = openSync(target, constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK, 0o644);
    try {
      if (!fstatSync(fd).isFile()) fail(file, 'not a regular file (FIFO, socket or device)');
      ftruncateSync(fd, 0);
      const pieces = typeof text === 'string' || text instanceof Uint8Array ? [text] : text.chunks;
      for (const piece of pieces) {
        const buf = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
        for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
      }
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    fail(file, reason(e));
  }
}
