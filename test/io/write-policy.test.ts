import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/diagnostics/errors.js';
import { writeFileInside } from '../../src/io/write-policy.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-write-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function fresh(): { out: string; outside: string } {
  const base = mkdtempSync(path.join(root, 'case-'));
  const out = path.join(base, 'out');
  const outside = path.join(base, 'outside');
  mkdirSync(out);
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'victim'), 'precious');
  return { out, outside };
}

describe('the writing policy', () => {
  it('writes a file inside the named folder, creating sub-folders when asked', () => {
    const { out } = fresh();
    writeFileInside({ inside: out, createFolders: true }, path.join(out, 'a', 'b.yaml'), 'x: 1\n');
    expect(readFileSync(path.join(out, 'a', 'b.yaml'), 'utf8')).toBe('x: 1\n');
  });

  it('refuses a path that leaves the folder, whatever its segments (property)', () => {
    const { out, outside } = fresh();
    const segment = fc.constantFrom('..', '.', 'a', '../outside', '/', '', 'x.yaml', '..\u2215x', 'b/../..');
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (segs) => {
        const file = path.join(out, ...segs);
        const rel = path.relative(out, path.resolve(file));
        const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
        try {
          writeFileInside({ inside: out, createFolders: true }, file, 'data');
          expect(inside).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(ConfigError);
        }
        expect(readFileSync(path.join(outside, 'victim'), 'utf8')).toBe('precious');
      }),
      { numRuns: 300 },
    );
  });

  it('never writes through a symlinked file or folder', () => {
    const { out, outside } = fresh();
    symlinkSync(path.join(outside, 'victim'), path.join(out, 'ns.yaml'));
    expect(() => writeFileInside({ inside: out }, path.join(out, 'ns.yaml'), 'evil')).toThrow(/symlink/);
    symlinkSync(outside, path.join(out, 'sub'));
    expect(() => writeFileInside({ inside: out, createFolders: true }, path.join(out, 'sub', 'x.yaml'), 'evil')).toThrow(/symlink/);
    expect(existsSync(path.join(outside, 'x.yaml'))).toBe(false);
    expect(readFileSync(path.join(outside, 'victim'), 'utf8')).toBe('precious');
  });

  it('names the problem in one line: a file where a folder is expected, a folder where the file should be', () => {
    const { out } = fresh();
    writeFileSync(path.join(out, 'f'), '');
    expect(() => writeFileInside({ inside: out, createFolders: true }, path.join(out, 'f', 'x.yaml'), '')).toThrow(/is a file where a folder is expected/);
    mkdirSync(path.join(out, 'd.yaml'));
    expect(() => writeFileInside({ inside: out }, path.join(out, 'd.yaml'), '')).toThrow(/a folder is where the file should be/);
    try {
      writeFileInside({ inside: out }, path.join(out, 'f', 'y'), '');
    } catch (e) {
      expect((e as Error).message).not.toContain('\n');
    }
  });
});
