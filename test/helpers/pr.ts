import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './cli.js';

/** An edit a PR makes to one file of the head: a function of its text, or `null` to delete it. */
export type Edit = (text: string) => string | null;

/** Replaces `from` (which must occur) with `to`: a PR's edit, failing loudly when the fixture moved. */
export function replace(from: string, to: string): Edit {
  return (text) => {
    if (!text.includes(from)) throw new Error(`fixture text not found: ${JSON.stringify(from)}`);
    return text.replace(from, to);
  };
}

/** Removes the YAML document that contains `marker` (documents are separated by `---` lines). */
export function deleteDocument(marker: string): Edit {
  return (text) => {
    const docs = text.split(/^---\n/m);
    const i = docs.findIndex((d) => d.includes(marker));
    if (i < 0) throw new Error(`no document with ${JSON.stringify(marker)}`);
    docs.splice(i, 1);
    return docs.join('---\n');
  };
}

export interface Pr {
  readonly dir: string;
  readonly base: string;
  readonly head: string;
  dispose(): void;
}

/**
 * A pull request on a fixture app: base is the fixture as it is, head the fixture with the
 * edits applied (paths relative to the app; a new file is an edit of the empty text).
 */
export function makePr(fixture: string, edits: Readonly<Record<string, Edit>>): Pr {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-pr-'));
  const base = path.join(dir, 'base');
  const head = path.join(dir, 'head');
  cpSync(path.join(REPO_ROOT, fixture), base, { recursive: true });
  cpSync(path.join(REPO_ROOT, fixture), head, { recursive: true });
  applyEdits(head, edits);
  return { dir, base, head, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The edits of a PR built on a fixture app: `both` make the team's base (policies added, say), `head` the PR. */
export interface StackedEdits {
  readonly both?: Readonly<Record<string, Edit>>;
  readonly base?: Readonly<Record<string, Edit>>;
  readonly head?: Readonly<Record<string, Edit>>;
}

function applyEdits(root: string, edits: Readonly<Record<string, Edit>>): void {
  for (const [file, edit] of Object.entries(edits)) {
    const p = path.join(root, file);
    let text = '';
    try {
      text = readFileSync(p, 'utf8');
    } catch {
      // a new file
    }
    const next = edit(text);
    if (next === null) rmSync(p);
    else {
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, next);
    }
  }
}

/**
 * A pull request on a real app without copying it into the repository: base is the fixture with
 * `both` then `base` applied, head the fixture with `both` then `head` applied.
 */
export function makeStackedPr(fixture: string, edits: StackedEdits): Pr {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-pr-'));
  const base = path.join(dir, 'base');
  const head = path.join(dir, 'head');
  for (const [side, own] of [[base, edits.base], [head, edits.head]] as const) {
    cpSync(path.join(REPO_ROOT, fixture), side, { recursive: true });
    applyEdits(side, edits.both ?? {});
    applyEdits(side, own ?? {});
  }
  return { dir, base, head, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
