import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';

/**
 * The one reading policy. Everything under a scanned folder comes from the pull request, so:
 * - only regular files are read: FIFOs, sockets and devices are refused (a FIFO never opened:
 *   its open would block; a device like /dev/zero never read);
 * - a symlink is read only when its target lies inside the tree it was found in;
 * - the size is checked on the open descriptor before reading, and no more than the limit is read
 *   even if the file grows meanwhile;
 * - the file is opened with O_NOFOLLOW (when it is no symlink) and O_NONBLOCK, and checked again
 *   with fstat, so a swap between the check and the open is caught.
 * Folder walks list entries with lstat semantics (no folder symlink followed) and report
 * unreadable folders and skipped dot-folders instead of dropping them without a word.
 */
export type ReadRefusal =
  | { readonly kind: 'escape'; readonly target: string }
  | { readonly kind: 'special'; readonly what: string }
  | { readonly kind: 'tooLarge'; readonly size: number }
  | { readonly kind: 'unreadable'; readonly code: string };

export type ReadOutcome = { readonly ok: true; readonly bytes: Buffer; readonly real: string } | { readonly ok: false; readonly refusal: ReadRefusal };

export function isInsideTree(target: string, root: string): boolean {
  return target === root || target.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/** What kind of special file a Stats is, for messages; undefined for a regular file or folder. */
export function specialKind(st: Stats): string | undefined {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return undefined;
}

function errCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

const ERRNO_TEXT: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'a folder, not a file',
  ENOTDIR: 'a file is where a folder is expected',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many levels of symlinks',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

/** An error code (or a caught error) as words a user reads, the code kept: `no such file (ENOENT)`. */
export function errnoText(codeOrError: unknown): string {
  const code = typeof codeOrError === 'string' ? codeOrError : errCode(codeOrError);
  const words = ERRNO_TEXT[code];
  return words ? `${words} (${code})` : code;
}

/**
 * Reads one file under the policy. `root` is the real path of the tree the file was found in
 * (undefined for a file named on the command line: the user chose it, symlink or not).
 */
export function readRegularFile(abs: string, root: string | undefined, maxBytes: number, listedReal?: string): ReadOutcome {
  let real = abs;
  let follow = false;
  try {
    // a file the walk listed as regular (at its real path `listedReal`) is opened directly: O_NOFOLLOW
    // and fstat catch a swap since the listing (one stat less per file)
    if (listedReal !== undefined) return readOpened(abs, listedReal, maxBytes);
    const l = lstatSync(abs);
    if (l.isSymbolicLink()) {
      try {
        real = realpathSync(abs);
      } catch (e) {
        return { ok: false, refusal: { kind: 'unreadable', code: `dangling symlink, ${errCode(e)}` } };
      }
      if (root !== undefined && !isInsideTree(real, root)) return { ok: false, refusal: { kind: 'escape', target: real } };
      follow = true;
    }
    const st = follow ? statSync(real) : l;
    const special = specialKind(st);
    if (special) return { ok: false, refusal: { kind: 'special', what: special } };
    if (st.isDirectory()) return { ok: false, refusal: { kind: 'special', what: 'a folder' } };
    if (st.size > maxBytes) return { ok: false, refusal: { kind: 'tooLarge', size: st.size } };
    return readOpened(real, real, maxBytes);
  } catch (e) {
    return { ok: false, refusal: { kind: 'unreadable', code: errCode(e) } };
  }
}

/** Opens without following a link or blocking, checks the open file's type and size, reads at most the limit. */
function readOpened(file: string, real: string, maxBytes: number): ReadOutcome {
  try {
    const fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      const f = fstatSync(fd);
      const late = specialKind(f);
      if (late || !f.isFile()) return { ok: false, refusal: { kind: 'special', what: late ?? 'not a regular file' } };
      if (f.size > maxBytes) return { ok: false, refusal: { kind: 'tooLarge', size: f.size } };
      const buf = Buffer.allocUnsafe(Math.min(f.size, maxBytes) + 1);
      let n = 0;
      for (;;) {
        const r = readSync(fd, buf, n, buf.length - n, null);
        if (r === 0) break;
        n += r;
        if (n > maxBytes) return { ok: false, refusal: { kind: 'tooLarge', size: n } };
        // more bytes than fstat said: the file changed under us; never analyse half of it
        if (n === buf.length) return { ok: false, refusal: { kind: 'unreadable', code: 'the file grew while being read' } };
      }
      return { ok: true, bytes: buf.subarray(0, n), real };
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    return { ok: false, refusal: { kind: 'unreadable', code: errCode(e) } };
  }
}

/** A refusal as diagnostic text. */
export function refusalMessage(r: ReadRefusal, maxBytes: number, where = 'the scanned folder'): string {
  switch (r.kind) {
    case 'escape':
      return `symlink points outside ${where} (${r.target}); refused`;
    case 'special':
      return `${r.what}, not a regular file; never read`;
    case 'tooLarge':
      return `file is ${r.size} bytes, over the limit of ${maxBytes} bytes (--max-file-size); skipped`;
    case 'unreadable':
      return `cannot read file: ${errnoText(r.code)}`;
  }
}

export interface WalkEntry {
  /** Path relative to the walked folder, posix separators. */
  readonly rel: string;
  readonly abs: string;
  readonly kind: 'file' | 'symlink' | 'special';
  /** For special files: what it is. */
  readonly what?: string;
}

export interface WalkProblem {
  readonly abs: string;
  readonly kind: 'unreadableFolder' | 'skippedFolder' | 'folderSymlinkEscape';
  readonly detail: string;
}

/** Folders a manifest scan never descends into, on purpose (reported as info): dot-folders and node_modules. */
export function skippedByScan(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/**
 * Lists every non-folder entry below `dir` (sorted by relative path), iteratively (no recursion,
 * so depth cannot overflow the stack), without following folder symlinks. Dot-folders and
 * node_modules are not descended into; each is reported, as is every folder that cannot be read
 * and every folder symlink that leads outside `root`.
 */
export function walkTree(dir: string, root: string, options: { readonly skipFolder: (name: string) => boolean }): { entries: WalkEntry[]; problems: WalkProblem[] } {
  const entries: WalkEntry[] = [];
  const problems: WalkProblem[] = [];
  const stack: string[] = [''];
  while (stack.length > 0) {
    const rel = stack.pop() as string;
    const abs = rel === '' ? dir : path.join(dir, rel);
    let list;
    try {
      list = readdirSync(abs, { withFileTypes: true });
    } catch (e) {
      problems.push({ abs, kind: 'unreadableFolder', detail: errCode(e) });
      continue;
    }
    for (const d of list) {
      const childRel = rel === '' ? d.name : `${rel}/${d.name}`;
      const childAbs = path.join(abs, d.name);
      if (d.isDirectory()) {
        if (options.skipFolder(d.name)) {
          problems.push({ abs: childAbs, kind: 'skippedFolder', detail: d.name });
          continue;
        }
        stack.push(childRel);
      } else if (d.isSymbolicLink()) {
        let target: string | undefined;
        let isDir = false;
        try {
          target = realpathSync(childAbs);
          isDir = statSync(target).isDirectory();
        } catch {
          target = undefined; // dangling: reported when read
        }
        if (isDir && target !== undefined) {
          // folder symlinks are never followed; the folder, when inside, is walked at its real path
          if (!isInsideTree(target, root)) problems.push({ abs: childAbs, kind: 'folderSymlinkEscape', detail: target });
          continue;
        }
        entries.push({ rel: childRel, abs: childAbs, kind: 'symlink' });
      } else if (d.isFile()) {
        entries.push({ rel: childRel, abs: childAbs, kind: 'file' });
      } else {
        const what = d.isFIFO() ? 'a FIFO' : d.isSocket() ? 'a socket' : d.isCharacterDevice() ? 'a character device' : d.isBlockDevice() ? 'a block device' : 'a special file';
        entries.push({ rel: childRel, abs: childAbs, kind: 'special', what });
      }
    }
  }
  entries.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  problems.sort((a, b) => (a.abs < b.abs ? -1 : a.abs > b.abs ? 1 : 0));
  return { entries, problems };
}

/**
 * Why a chart or overlay tree must not be rendered: a symlink leading outside `tree` (helm's
 * `.Files.Get` and kustomize would read the host file), or a FIFO, socket or device (a renderer
 * would block on it or read without end). Returns one line per problem, sorted; empty when safe.
 */
export function renderTreeProblems(tree: string): string[] {
  const root = realpathSync(tree);
  const out: string[] = [];
  const { entries, problems } = walkTree(tree, root, { skipFolder: (name) => name === '.git' });
  for (const p of problems) {
    if (p.kind === 'folderSymlinkEscape') out.push(`${path.relative(tree, p.abs)} -> ${p.detail} (folder symlink outside the tree)`);
    if (p.kind === 'unreadableFolder') out.push(`${path.relative(tree, p.abs)} cannot be read (${p.detail})`);
  }
  for (const e of entries) {
    if (e.kind === 'special') out.push(`${e.rel} is ${e.what}`);
    if (e.kind !== 'symlink') continue;
    let target: string;
    try {
      target = realpathSync(e.abs);
    } catch {
      out.push(`${e.rel} -> ${safeReadlink(e.abs)} (dangling symlink)`);
      continue;
    }
    if (!isInsideTree(target, root)) out.push(`${e.rel} -> ${target} (outside the tree)`);
    else {
      const special = specialKind(statSync(target));
      if (special) out.push(`${e.rel} -> ${special}`);
    }
  }
  return out.sort();
}

function safeReadlink(p: string): string {
  try {
    return readlinkSync(p);
  } catch {
    return '?';
  }
}
