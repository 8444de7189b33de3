import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ParsedCache } from '../../src/io/parsed-cache.js';
import { encodeParse } from '../../src/manifests/parsed-store.js';
import { parseManifestFile } from '../../src/manifests/documents.js';
import { runCli } from '../helpers/cli.js';
import { BAD_INPUT, FIXTURES, cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

/**
 * Parsed documents kept across runs (`--cache-dir`, kind `parsed`): a warm run prints the same
 * bytes as a cold one and as a run without the cache, reads the entries (not the YAML) for files
 * whose bytes it has seen under any name, and ignores entries that are corrupt or foreign.
 */
afterAll(cleanupTempDirs);

function parsedEntries(dir: string): string[] {
  const root = path.join(dir, 'parsed');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

const COMMANDS: readonly (readonly string[])[] = [
  ['connectivity', BAD_INPUT],
  ['connectivity', BAD_INPUT, '--format', 'json'],
  ['lint', BAD_INPUT],
  ['diff', path.join(FIXTURES, 'example-pr', 'base'), path.join(FIXTURES, 'example-pr', 'head')],
  ['connectivity', path.join(FIXTURES, 'real-apps')],
];

describe('parsed documents across runs', () => {
  it('cold, warm and uncached runs print the same bytes', () => {
    for (const args of COMMANDS) {
      if (!existsSync(args[1] as string)) throw new Error(`fixture missing: ${args[1]}`);
      const cache = tempDir();
      const plain = runCli(args);
      const cold = runCli([...args, '--cache-dir', cache]);
      const stored = parsedEntries(cache);
      expect(stored.length, args.join(' ')).toBeGreaterThan(0);
      const warm = runCli([...args, '--cache-dir', cache]);
      expect(parsedEntries(cache), 'a warm run writes nothing new').toEqual(stored);
      for (const r of [cold, warm]) {
        expect(r.code, args.join(' ')).toBe(plain.code);
        expect(r.stdout, args.join(' ')).toBe(plain.stdout);
        expect(r.stderr, args.join(' ')).toBe(plain.stderr);
      }
    }
  });

  it('a warm run reads the stored parse, whatever the file is called now', () => {
    const dir = tempDir();
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\nspec: {containers: [{name: c, image: x}]}\n';
    writeFileSync(path.join(dir, 'a.yaml'), text);
    const cache = tempDir();
    const cold = runCli(['connectivity', dir, '--cache-dir', cache]);
    const [entry] = parsedEntries(cache);
    expect(entry).toBeDefined();
    // the entry is the one place the pod's name now comes from: an edited (still well-formed) entry shows
    const stored = JSON.parse(readFileSync(entry as string, 'utf8'));
    stored.value.documents[0].value.metadata.name = 'from-the-cache';
    writeFileSync(entry as string, JSON.stringify(stored));
    writeFileSync(path.join(dir, 'renamed.yaml'), text);
    const warm = runCli(['connectivity', path.join(dir, 'renamed.yaml'), '--cache-dir', cache]);
    expect(cold.stdout).toContain('shop/web');
    expect(warm.stdout).toContain('shop/from-the-cache');
  });

  it('the key covers the bytes and the way the file is read (YAML or JSON), not its name', () => {
    const cache = new ParsedCache(tempDir());
    const yaml = { path: 'x/a.yaml', text: '{"a": 1}\n' };
    const files = [yaml, { path: 'y/b.yml', text: yaml.text }, { path: 'a.json', text: yaml.text }, { path: 'c.yaml', text: '{"a": 2}\n' }];
    cache.write(new Map([[yaml, encodeParse(yaml, parseManifestFile(yaml))]]));
    expect([...cache.read(files).keys()]).toEqual(files.slice(0, 2));
  });

  it('a corrupt, foreign or ill-fitting entry is ignored, and replaced by the next cold parse', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'app.yaml'), readFileSync(path.join(BAD_INPUT, 'app.yaml')));
    writeFileSync(path.join(dir, 'traps.yaml'), 'apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: shop}\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80.0\n    name: yes\n');
    const cache = tempDir();
    const first = runCli(['connectivity', dir, '--cache-dir', cache]);
    expect(first.stderr).toMatch(/80\.0/);
    const entries = parsedEntries(cache);
    expect(entries).toHaveLength(2);
    const good = entries.map((e) => readFileSync(e, 'utf8'));
    const key = (e: string) => path.basename(e, '.json');
    const variants = (e: string, text: string): string[] => {
      const entry = JSON.parse(text);
      const shifted = structuredClone(entry);
      shifted.value.documents[0].text = [0, 1e9];
      const misplaced = structuredClone(entry);
      misplaced.value.documents[0].specials = [[['spec', 'nowhere', 3], 'integral', '80.0', '80']];
      return [
        '{not json',
        '',
        JSON.stringify({ ...entry, format: 'netpol-ci-cache/0' }),
        JSON.stringify({ ...entry, key: key(entries.find((x) => x !== e) as string) }),
        JSON.stringify({ ...entry, value: { documents: 'none', diagnostics: [] } }),
        JSON.stringify(shifted),
        JSON.stringify(misplaced),
      ];
    };
    entries.forEach((e, i) => {
      for (const bad of variants(e, good[i] as string)) {
        writeFileSync(e, bad);
        const again = runCli(['connectivity', dir, '--cache-dir', cache]);
        expect(again.stdout).toBe(first.stdout);
        expect(again.stderr).toBe(first.stderr);
        expect(again.code).toBe(first.code);
      }
    });
    // the entries ignored for bad bytes were replaced by fresh parses
    expect(entries.map((e) => JSON.parse(readFileSync(e, 'utf8')).value.documents.length)).toEqual(good.map((g) => JSON.parse(g).value.documents.length));
  });
});
