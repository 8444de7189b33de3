import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeNewlines } from '../../src/manifests/documents.js';
import { CASES } from '../hostile/cases.js';
import { judge } from './yaml-equality.js';

/**
 * The fast path against js-yaml on every YAML file the project holds: fixtures, the shared
 * conformance corpora, the hostile-repository corpus (each case's repository built in a temporary
 * folder) and the bench generator's apps. Each document must agree exactly; the share
 * that takes the fast path is printed and bounded below.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const MAX_FILE_BYTES = 4 * 1024 * 1024;

function yamlFiles(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir)) {
    const p = path.join(dir, entry);
    const st = lstatSync(p);
    if (st.isDirectory()) yamlFiles(p, out);
    else if (st.isFile() && /\.ya?ml$/i.test(entry) && st.size <= MAX_FILE_BYTES) out.push(p);
  }
  return out;
}

/** Documents cut at `---` lines, each starting with its separator line, as the loader cuts them. */
function documentsOf(text: string): string[] {
  return normalizeNewlines(text)
    .split(/^(?=---(?:[ \t]|$))/m)
    .filter((d) => /^[ \t]*[^\s#-]|^[ \t]*-[^-]/m.test(d));
}

interface Tally {
  documents: number;
  fast: number;
  mismatches: string[];
}

function check(files: string[]): Tally {
  return checkTexts(files.map((file) => ({ name: path.relative(ROOT, file), text: readFileSync(file, 'utf8') })));
}

function checkTexts(files: { name: string; text: string }[]): Tally {
  const tally: Tally = { documents: 0, fast: 0, mismatches: [] };
  for (const file of files) {
    for (const doc of documentsOf(file.text)) {
      const verdict = judge(doc);
      tally.documents++;
      if (verdict.kind === 'fast') tally.fast++;
      if (verdict.kind === 'mismatch') tally.mismatches.push(`${file.name}: ${verdict.why}`);
    }
  }
  return tally;
}

function report(name: string, t: Tally): number {
  const share = t.documents === 0 ? 0 : t.fast / t.documents;
  console.log(`block-yaml fast path on ${name}: ${t.fast}/${t.documents} documents (${(100 * share).toFixed(1)}%), ${t.mismatches.length} mismatches`);
  return share;
}

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe('block-yaml fast path on the project corpora', () => {
  it('agrees with js-yaml on every fixture; most take the fast path', () => {
    const t = check([...yamlFiles(path.join(ROOT, 'fixtures')), ...yamlFiles(path.join(ROOT, 'test'))]);
    const share = report('fixtures and test files', t);
    expect(t.mismatches).toEqual([]);
    expect(t.documents).toBeGreaterThan(200);
    expect(share).toBeGreaterThan(0.6);
  });

  it('agrees with js-yaml on the shared conformance corpora', () => {
    const t = check(yamlFiles(path.resolve(ROOT, '../shared/conformance')));
    const share = report('conformance corpora', t);
    expect(t.mismatches).toEqual([]);
    expect(t.documents).toBeGreaterThan(300);
    expect(share).toBeGreaterThan(0.6);
  });

  it('agrees with js-yaml on the hostile-repository corpus', () => {
    const files: string[] = [];
    for (const c of CASES) {
      const base = mkdtempSync(path.join(os.tmpdir(), 'netpol-block-yaml-'));
      temporary.push(base);
      const ctx = { dir: path.join(base, 'repo'), outside: path.join(base, 'outside') };
      try {
        c.setup(ctx);
      } catch {
        continue; // a case that needs what this machine lacks builds nothing to read
      }
      files.push(...yamlFiles(ctx.dir).filter((f) => statSync(f).isFile()));
    }
    const t = check(files);
    report(`hostile corpus (${files.length} files)`, t);
    expect(t.mismatches).toEqual([]);
    expect(t.documents).toBeGreaterThan(20);
  });

  it('takes the fast path for every document of the generated bench apps', async () => {
    // the bench's own generator (deterministic), in memory: app-300 whole, every 7th file of app-5000-changed
    const generator = (await import(pathToFileURL(path.join(ROOT, 'bench/generate.mjs')).href)) as { generateApp: (n: number, o?: { changed?: boolean }) => { files: Map<string, string> } };
    const texts = [...generator.generateApp(300).files.values(), ...[...generator.generateApp(5000, { changed: true }).files.values()].filter((_, i) => i % 7 === 0)];
    const t = checkTexts(texts.map((text, i) => ({ name: `bench file ${i}`, text })));
    const share = report(`bench apps (${texts.length} files)`, t);
    expect(t.mismatches).toEqual([]);
    expect(t.documents).toBeGreaterThan(2000);
    expect(share).toBe(1);
  });
});
