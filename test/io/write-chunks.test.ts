import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/diagnostics/errors.js';
import { writeFileInside } from '../../src/io/write-policy.js';
import { runCli } from '../helpers/cli.js';

/**
 * A report written in pieces (`{chunks}`, how `connectivity -o FILE` streams txt, json and csv):
 * the file holds exactly their concatenation, multi-byte characters split across pieces included,
 * and the writing policy still refuses symlinks before a piece is asked for.
 */
const root = mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-chunks-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('writing a file in pieces', () => {
  it('writes the concatenation of the pieces, replacing what was there', () => {
    const dir = mkdtempSync(path.join(root, 'case-'));
    const file = path.join(dir, 'report.txt');
    writeFileSync(file, 'old content that is longer than the new one'.repeat(10));
    const pieces = ['a => b : TCP 80\n', '', 'ünïcødé ✓\n', 'x'.repeat(100_000), '\n'];
    writeFileInside({ inside: dir }, file, { chunks: pieces });
    expect(readFileSync(file, 'utf8')).toBe(pieces.join(''));
  });

  it('refuses a symlink without consuming the pieces', () => {
    const dir = mkdtempSync(path.join(root, 'case-'));
    const outside = mkdtempSync(path.join(root, 'outside-'));
    writeFileSync(path.join(outside, 'victim'), 'precious');
    symlinkSync(path.join(outside, 'victim'), path.join(dir, 'report.txt'));
    let asked = false;
    function* pieces(): Generator<string> {
      asked = true;
      yield 'evil';
    }
    expect(() => writeFileInside({ inside: dir }, path.join(dir, 'report.txt'), { chunks: pieces() })).toThrow(ConfigError);
    expect(asked).toBe(false);
    expect(readFileSync(path.join(outside, 'victim'), 'utf8')).toBe('precious');
  });

  it('connectivity -o FILE (streamed) equals connectivity to stdout, for txt, json and csv', () => {
    const dir = mkdtempSync(path.join(root, 'cli-'));
    mkdirSync(path.join(dir, 'out'));
    for (const format of ['txt', 'json', 'csv']) {
      const file = path.join(dir, 'out', `c.${format}`);
      const toFile = runCli(['connectivity', 'fixtures/cluster-ranges', '--format', format, '-q', '-o', file]);
      const toStdout = runCli(['connectivity', 'fixtures/cluster-ranges', '--format', format, '-q']);
      expect(toFile.code).toBe(0);
      expect(toStdout.stdout.length).toBeGreaterThan(20);
      expect(readFileSync(file, 'utf8')).toBe(toStdout.stdout);
    }
  });
});
