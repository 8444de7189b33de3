import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeManifest } from '../../src/io/decode.js';
import { readRegularFile, renderTreeProblems, walkTree } from '../../src/io/read-policy.js';
import { boundedCommand, toolMessage } from '../../src/io/tool-limits.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-read-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tree(): string {
  const dir = mkdtempSync(path.join(root, 't-'));
  writeFileSync(path.join(dir, 'ok.yaml'), 'a: 1\n');
  return dir;
}

describe('the reading policy', () => {
  it('reads a regular file, and refuses FIFOs and devices without opening them (no stall)', () => {
    const dir = tree();
    spawnSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
    const started = performance.now();
    expect(readRegularFile(path.join(dir, 'ok.yaml'), dir, 100)).toMatchObject({ ok: true });
    expect(readRegularFile(path.join(dir, 'pipe.yaml'), dir, 100)).toEqual({ ok: false, refusal: { kind: 'special', what: 'a FIFO' } });
    expect(readRegularFile(path.join(dir, 'zero.yaml'), dir, 100)).toEqual({ ok: false, refusal: { kind: 'escape', target: '/dev/zero' } });
    // named by the user (no tree): still never read
    expect(readRegularFile('/dev/zero', undefined, 100)).toEqual({ ok: false, refusal: { kind: 'special', what: 'a character device' } });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('follows a symlink inside the tree, refuses one leaving it', () => {
    const dir = tree();
    symlinkSync('ok.yaml', path.join(dir, 'in.yaml'));
    symlinkSync('/etc/passwd', path.join(dir, 'out.yaml'));
    expect(readRegularFile(path.join(dir, 'in.yaml'), dir, 100)).toMatchObject({ ok: true, real: path.join(dir, 'ok.yaml') });
    expect(readRegularFile(path.join(dir, 'out.yaml'), dir, 100)).toMatchObject({ ok: false, refusal: { kind: 'escape' } });
  });

  it('checks the size before reading', () => {
    const dir = tree();
    writeFileSync(path.join(dir, 'big.yaml'), 'x'.repeat(1000));
    expect(readRegularFile(path.join(dir, 'big.yaml'), dir, 999)).toEqual({ ok: false, refusal: { kind: 'tooLarge', size: 1000 } });
  });

  it('walks without recursion limits, reporting skipped dot-folders and outward folder links', () => {
    const dir = tree();
    let deep = dir;
    for (let i = 0; i < 200; i++) deep = path.join(deep, 'd');
    mkdirSync(deep, { recursive: true });
    writeFileSync(path.join(deep, 'x.yaml'), '');
    mkdirSync(path.join(dir, '.git'));
    symlinkSync('/etc', path.join(dir, 'etc'));
    const { entries, problems } = walkTree(dir, dir, { skipFolder: (n) => n.startsWith('.') });
    expect(entries.map((e) => e.rel)).toContain(`${'d/'.repeat(200)}x.yaml`);
    expect(problems.map((p) => p.kind).sort()).toEqual(['folderSymlinkEscape', 'skippedFolder']);
  });

  it('names every unsafe entry of a chart or overlay tree', () => {
    const dir = tree();
    mkdirSync(path.join(dir, 'files'));
    symlinkSync('/etc/passwd', path.join(dir, 'files', 'l'));
    spawnSync('mkfifo', [path.join(dir, 'p')]);
    symlinkSync('ok.yaml', path.join(dir, 'fine'));
    expect(renderTreeProblems(dir)).toEqual(['files/l -> /etc/passwd (outside the tree)', 'p is a FIFO']);
  });
});

describe('decoding', () => {
  it('UTF-16 with a BOM is decoded; without one, and UTF-32, are named', () => {
    expect(decodeManifest(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a: 1', 'utf16le')]))).toMatchObject({ ok: true, text: 'a: 1' });
    expect(decodeManifest(Buffer.from('kind: Pod', 'utf16le'))).toMatchObject({ ok: false, reason: 'encoding', message: expect.stringMatching(/UTF-16LE without a byte-order mark/) });
    expect(decodeManifest(Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x61]))).toMatchObject({ ok: false, reason: 'encoding' });
    expect(decodeManifest(Buffer.from([0xc3, 0x28]))).toMatchObject({ ok: false, reason: 'binary' });
    expect(decodeManifest(Buffer.from('\ufeffa: 1'))).toEqual({ ok: true, text: 'a: 1' });
  });
});

describe('bounded tools', () => {
  it('tool messages lose klog timestamps, process ids and temporary folders', () => {
    const raw = 'E1129 05:12:15.123456   12345 file.go:12] error: accumulating resources from /tmp/npc-x123/ov: boom\nW1129 05:12:15.2   9 x.go:1] more';
    expect(toolMessage(raw, [['/tmp/npc-x123/ov', 'ov']])).toBe('error: accumulating resources from ov: boom more');
    expect(toolMessage('2026/11/29 05:12:15 warning\n\u001b[31mred')).toBe('warning \\x1b[31mred');
  });

  it('the memory cap stops a real process that allocates past it', () => {
    const cmd = boundedCommand('python3', ['-c', 'x = bytearray(1024 * 1024 * 1024); print("allocated")'], 256 * 1024 * 1024);
    const r = spawnSync(cmd.bin, cmd.args, { encoding: 'utf8', env: cmd.env });
    expect(cmd.bin).toMatch(/prlimit$/);
    expect(r.stdout).not.toContain('allocated');
    expect(r.stderr).toMatch(/MemoryError/);
    const ok = boundedCommand('python3', ['-c', 'x = bytearray(16 * 1024 * 1024); print("allocated")'], 256 * 1024 * 1024);
    expect(spawnSync(ok.bin, ok.args, { encoding: 'utf8', env: ok.env }).stdout).toContain('allocated');
  });
});
