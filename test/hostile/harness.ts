import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { APP_LINES, BAD_INPUT } from '../helpers/fixtures.js';

/**
 * The hostile-repository corpus: each case builds a repository an attacker could push (FIFOs,
 * symlinks to devices and host files, hostile names and values, huge inputs) in a temporary
 * folder, runs the real CLI on it, and is judged by the same checks:
 * - crash: exit 3, or a stack trace / "internal error" on stderr;
 * - unlocated: an error or warning diagnostic without a file (unless the case allows it);
 * - dropped: the valid app beside the hostile files is no longer analysed in full, or a case's
 *   own expectation of a reported problem is not met (a silent drop);
 * - escape: a write outside the output folder or through a symlink, host file content in the
 *   output, an output line a GitHub runner reads as a command (`::`), raw control, bidi or
 *   zero-width characters, or a GitHub autolink in Markdown;
 * - over 10 s: the case took longer.
 */
export type Problem = 'crash' | 'unlocated' | 'dropped' | 'escape';

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CaseContext {
  /** The repository folder (the working directory of the run). */
  readonly dir: string;
  /** A folder beside it, outside the repository (victims of escapes live here). */
  readonly outside: string;
}

export interface HostileCase {
  readonly name: string;
  readonly kind: 'escape' | 'stall' | 'crash' | 'drop' | 'injection' | 'validation';
  /** Builds the repository; the valid app (fixtures/bad-input/app.yaml) is already in `dir/app.yaml` unless `noApp`. */
  readonly setup: (c: CaseContext) => void;
  readonly args: (c: CaseContext) => string[];
  readonly noApp?: boolean;
  /** The valid app's connectivity must be printed (default: when the command is connectivity in txt and the app is there). */
  readonly expectApp?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  /** Exit codes the case accepts (default 0, 1 or 2). */
  readonly exits?: readonly number[];
  /** Diagnostics without a file are allowed (a configuration error, a missing argument). */
  readonly unlocatedOk?: boolean;
  /** Markdown output: autolinks are checked. */
  readonly markdown?: boolean;
  /** Case-specific checks: each returned string is a problem of the given class. */
  readonly check?: (r: RunResult, c: CaseContext) => { readonly problem: Problem; readonly why: string }[];
}

export const APP = readFileSync(path.join(BAD_INPUT, 'app.yaml'), 'utf8');
export { APP_LINES };

export function write(file: string, text: string | Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

export function link(target: string, file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  symlinkSync(target, file);
}

export function fifo(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const r = spawnSync('mkfifo', [file]);
  if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
}

export function socket(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const r = spawnSync('python3', ['-c', 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])', file]);
  if (r.status !== 0) throw new Error(`socket failed: ${r.stderr}`);
}

/** Every file below a folder, with its content (for "nothing was written there"). */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.set(p, readFileSync(p, 'utf8'));
      else out.set(p, `<${e.isSymbolicLink() ? 'symlink' : 'special'}>`);
    }
  };
  walk(dir);
  return out;
}

// eslint-disable-next-line no-control-regex
const RAW_INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200c\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
const DIAGNOSTIC = /^(?:(\S.*?)(?::\d+(?::\d+)?)?(?: \[doc \d+\])? )?(error|warning|info) (NPC\d{3}) /;

/** Markdown text without its inline code spans (`...` on one line) and fenced blocks. */
export function outsideCodeSpans(md: string): string {
  return md.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** The checks every case gets; `markdown` adds the autolink check. */
export function commonProblems(hc: HostileCase, r: RunResult, c: CaseContext): { problem: Problem; why: string }[] {
  const out: { problem: Problem; why: string }[] = [];
  if (r.code === 3 || /internal error|\n\s+at .+:\d+:\d+\)?\n/.test(r.stderr)) out.push({ problem: 'crash', why: `exit ${r.code}: ${r.stderr.slice(0, 300)}` });
  if (!(hc.exits ?? [0, 1, 2]).includes(r.code)) out.push({ problem: 'crash', why: `unexpected exit ${r.code}` });
  for (const line of r.stderr.split('\n')) {
    const m = DIAGNOSTIC.exec(line);
    if (m && m[2] !== 'info' && !m[1] && !hc.unlocatedOk) out.push({ problem: 'unlocated', why: line });
  }
  for (const [stream, text] of [
    ['stdout', r.stdout],
    ['stderr', r.stderr],
  ] as const) {
    for (const line of text.split('\n')) {
      if (/^\s*::/.test(line)) out.push({ problem: 'escape', why: `${stream} line a runner reads as a workflow command: ${JSON.stringify(line)}` });
      if (RAW_INVISIBLE.test(line)) out.push({ problem: 'escape', why: `${stream} has a raw control, bidi or zero-width character: ${JSON.stringify(line.slice(0, 200))}` });
      if (/root:x:0:0|daemon:x:1:1/.test(line)) out.push({ problem: 'escape', why: `${stream} shows host file content` });
    }
  }
  if (hc.markdown) {
    // code spans are literal on GitHub (no links, mentions or HTML inside), as long as they hold no backtick
    const md = outsideCodeSpans(r.stdout);
    if (/(?<![\\\u200d])#\d/.test(md.replace(/\\#\u200d/g, ''))) out.push({ problem: 'escape', why: 'Markdown has an issue reference GitHub would link' });
    if (/@(?!\u200d)[A-Za-z0-9]/.test(md)) out.push({ problem: 'escape', why: 'Markdown has a mention' });
    if (/\b[0-9a-f]{7,40}\b/.test(md)) out.push({ problem: 'escape', why: 'Markdown has a hex run GitHub could link as a commit' });
    if (/https?:\/\/|www\./i.test(md)) out.push({ problem: 'escape', why: 'Markdown has a URL GitHub would link' });
  }
  const appExpected = hc.expectApp ?? (!hc.noApp && hc.args(c)[0] === 'connectivity' && !hc.args(c).includes('--format'));
  if (appExpected) {
    const lines = new Set(r.stdout.split('\n'));
    const missing = APP_LINES.filter((l) => !lines.has(l));
    if (missing.length > 0) out.push({ problem: 'dropped', why: `the valid app lost ${missing.length} line(s): ${missing[0]}` });
  }
  return out;
}
