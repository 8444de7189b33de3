import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'glob';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseManifestFile } from '../../src/manifests/documents.js';
import { fastLocate, readLine } from '../../src/manifests/fast-locate.js';
import { locate, locateWithParser } from '../../src/manifests/positions.js';

/** Every path to a leaf or container in a parsed value. */
function* paths(v: unknown, prefix: (string | number)[] = []): Generator<(string | number)[]> {
  yield prefix;
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* paths(v[i], [...prefix, i]);
  else if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) if (k !== '<<') yield* paths(c, [...prefix, k]);
}

const roots = [path.resolve('fixtures'), path.resolve('../shared/conformance')];

describe('fast position lookup agrees with the full YAML parser', () => {
  const files = roots.flatMap((r) => globSync('**/*.{yaml,yml}', { cwd: r, absolute: true, nodir: true, ignore: ['**/templates/**'] })).sort();
  it(`on every path of every document (${files.length} files)`, () => {
    let checked = 0;
    let fast = 0;
    for (const f of files) {
      const { documents } = parseManifestFile({ path: f, text: readFileSync(f, 'utf8') });
      for (const d of documents) {
        // the reference parser rejects a few files Kubernetes accepts (a TAB in a flow sequence): nothing to compare with there
        if (parseDocument(d.text).errors.length > 0) continue;
        let n = 0;
        for (const p of paths(d.value)) {
          if (p.length === 0) continue;
          if (++n > 150) break;
          const a = locate(d, p);
          const b = locateWithParser(d, p);
          checked++;
          // a block value: the parser points at its first child, the fast path at its key; both name the same line or the key's line
          let v: unknown = d.value;
          for (const s of p) v = (v as Record<string | number, unknown>)[s];
          const isContainer = typeof p[p.length - 1] === 'string' && v !== null && typeof v === 'object';
          if (isContainer) expect(a.line, `${f} ${p.join('.')}`).toBeLessThanOrEqual(b.line as number);
          // an empty value (null) has no text of its own: the parser points past the key, the fast path at the key
          else if (v === null) expect(a.line, `${f} ${p.join('.')}`).toBe(b.line);
          else expect([a.line, a.column], `${f} ${p.join('.')}`).toEqual([b.line, b.column]);
          if (fastLocate(d, d.text, p)) fast++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
    // the fast path answers most paths of real manifests (flow-style maps like `{app: web}` fall back to the parser)
    expect(fast / checked).toBeGreaterThan(0.85);
  });
});

describe('a line read once: its indentation and content', () => {
  // the first reading: trimStart for the indentation, a trailing CR dropped, blank and comment lines none
  const reference = (raw: string) => {
    const t = raw.trimStart();
    if (t === '' || t.startsWith('#')) return null;
    const indent = raw.length - t.length;
    return { indent, text: raw.slice(indent).replace(/\r$/, '') };
  };
  it('equals the trimStart reading for every kind of white space', () => {
    const piece = fc.constantFrom(' ', '  ', '\t', '\u000b', '\u000c', '\r', '\u00a0', '\u2003', '\u2028', '\ufeff', '#', '- ', 'a', 'key: v', 'é', '\r');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const raw = pieces.join('');
        expect(readLine(raw)).toEqual(reference(raw));
      }),
      { numRuns: 20000 },
    );
  });
});
