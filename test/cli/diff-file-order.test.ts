import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

/**
 * The same pull request laid out differently gives the same report. Files written in the opposite
 * order (directory listings then come back in another order on some file systems) give the same
 * bytes in every format; the documents of every file reversed, or all merged into one file, give
 * the same bytes in every format but the explanations, whose file:line references are where the
 * objects now are.
 */
const PRS = ['move-namespace', 'deny-all-namespace', 'relabel', 'drop-except'];
const FORMATS = ['txt', 'json', 'csv', 'md', 'mermaid'] as const;

const scratch = mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-file-order-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function files(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(dir, path.join(rel, e.name)) : [path.join(rel, e.name)]))
    .sort();
}

/** A copy of the PR's base and head under `name`, each side's files through `layout`. */
function copy(pr: string, name: string, layout: (files: { rel: string; text: string }[]) => { rel: string; text: string }[]): string {
  const root = path.join(scratch, name);
  for (const side of ['base', 'head']) {
    const src = path.join(REPO_ROOT, 'fixtures/prs', pr, side);
    for (const f of layout(files(src).map((rel) => ({ rel, text: readFileSync(path.join(src, rel), 'utf8') })))) {
      mkdirSync(path.dirname(path.join(root, side, f.rel)), { recursive: true });
      writeFileSync(path.join(root, side, f.rel), f.text);
    }
  }
  return root;
}

const docs = (text: string) => text.split(/^---\s*$/m).filter((d) => d.trim() !== '' && !/^(\s*#.*\n?)*\s*$/.test(d));
const reversedDocs = (text: string) => `${docs(text).reverse().map((d) => d.replace(/^\n+/, '').replace(/\n*$/, '\n')).join('---\n')}`;

function reports(cwd: string): Record<(typeof FORMATS)[number], string> {
  return Object.fromEntries(
    FORMATS.map((f) => {
      const r = runCli(['diff', 'base', 'head', '--format', f], { cwd });
      expect(r.code, r.stderr).toBe(0);
      return [f, r.stdout];
    }),
  ) as Record<(typeof FORMATS)[number], string>;
}

/** The parts of a report that do not point into files: json entries without explanations, md without the why. */
function withoutExplanations(format: string, text: string): string {
  if (format === 'json') {
    const j = JSON.parse(text) as { entries: Record<string, unknown>[] };
    return JSON.stringify({ ...j, entries: j.entries.map(({ explanation: _, ...e }) => e) });
  }
  if (format === 'md') return text.replace(/ {2}<details>[\s\S]*?<\/details>\n/g, '').replace(/^Policy files that changed the answer: .*\n/m, '');
  return text;
}

describe.each(PRS)('%s laid out differently', (pr) => {
  const original = reports(copy(pr, `${pr}-forward`, (fs) => fs));

  it('files written in the opposite order: every format byte-identical', () => {
    expect(reports(copy(pr, `${pr}-backward`, (fs) => [...fs].reverse()))).toEqual(original);
  });

  it('documents of every file reversed, or all in one file in reverse order: the same diff in every format, explanations aside', () => {
    const reversed = reports(copy(pr, `${pr}-docs-reversed`, (fs) => fs.map((f) => ({ rel: f.rel, text: reversedDocs(f.text) }))));
    const merged = reports(copy(pr, `${pr}-merged`, (fs) => [{ rel: 'all.yaml', text: [...fs].reverse().map((f) => reversedDocs(f.text)).join('---\n') }]));
    for (const layout of [reversed, merged]) {
      for (const f of FORMATS) expect(withoutExplanations(f, layout[f]), f).toBe(withoutExplanations(f, original[f]));
    }
    // the explanations point at the objects where they now are
    expect(merged.json).toContain('all.yaml');
  });
});
