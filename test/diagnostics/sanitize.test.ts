import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { safeLine, safeLines, visible } from '../../src/diagnostics/sanitize.js';
import { escapeMarkdown, markdownCode, neutraliseAutolinks, workflowCommandData, workflowCommandProperty } from '../../src/report/escape.js';

// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
const HOSTILE_CHARS = ['\n', '\r', '\u0000', '\u001b', '\u0085', '\u2028', '\u202e', '\u2066', '\u2069', '\u200b', '\u200f', '\ufeff', ':', '%', ',', '#', '@', '/', 'a', '1', ' '];
const hostile = fc.array(fc.constantFrom(...HOSTILE_CHARS), { maxLength: 40 }).map((cs) => cs.join(''));
const text = fc.oneof(hostile, fc.string({ unit: 'binary', maxLength: 40 }));

describe('safe output lines', () => {
  it('safeLine: one line, nothing invisible, never a workflow command (property)', () => {
    fc.assert(
      fc.property(text, (t) => {
        const s = safeLine(t);
        expect(s).not.toMatch(RAW);
        expect(s).not.toMatch(/^\s*::/);
      }),
      { numRuns: 2000 },
    );
  });

  it('visible shows each hidden character as an escape', () => {
    expect(visible('a\nb')).toBe('a\\x0ab');
    expect(visible('x\u202ey')).toBe('x\\u202ey');
    expect(visible('\ufeffz\u200b')).toBe('\\ufeffz\\u200b');
    expect(safeLine('::error::x')).toBe('\\x3a:error::x');
    expect(safeLine('  ::x')).toBe('  \\x3a:x');
  });

  it('safeLines keeps line breaks but neutralises each line', () => {
    expect(safeLines('error: bad\n::error::forged')).toBe('error: bad\n\\x3a:error::forged');
  });

  it('formatDiagnostic escapes file names, fields, messages and hints (property)', () => {
    fc.assert(
      fc.property(text, text, text, text, (file, field, message, hint) => {
        const line = formatDiagnostic({ code: 'NPC005', severity: 'error', message, hint, at: { file, doc: 1, line: 2, path: ['spec', field] } });
        expect(line).not.toMatch(RAW);
        expect(line).not.toMatch(/^\s*::/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('Markdown and workflow commands', () => {
  it('escapeMarkdown leaves no raw invisible character, mention, issue reference, SHA or URL (property)', () => {
    const parts = fc.constantFrom('#1', '#42', '@octocat', 'deadbeef', 'a'.repeat(3) + '0123456789abcdef0123456789abcdef01234567', 'https://x.io', 'www.x.io', 'GH-12', ' ', '\u202e', '\u200b', '\n', 'x');
    fc.assert(
      fc.property(fc.array(parts, { maxLength: 12 }), (ps) => {
        const md = escapeMarkdown(ps.join(''));
        // eslint-disable-next-line no-control-regex
        expect(md).not.toMatch(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069\u200b\ufeff]/);
        expect(md).not.toMatch(/(?<!\\)#\d|\\#\d/);
        expect(md).not.toMatch(/@[A-Za-z0-9]/);
        expect(md).not.toMatch(/\b[0-9a-fA-F]{7,}\b/);
        expect(md).not.toMatch(/\/\/|www\\?\./i);
        expect(md).not.toMatch(/GH\\?-\d/);
      }),
      { numRuns: 1000 },
    );
  });

  it('markdownCode shows invisible characters', () => {
    expect(markdownCode('a\u202eb')).toBe('`a\\u202eb`');
  });

  it('neutraliseAutolinks keeps the visible text', () => {
    expect(neutraliseAutolinks('see #12').replace(/\u200d/g, '')).toBe('see #12');
  });

  it('workflow command values are escaped as the runner unescapes them', () => {
    expect(workflowCommandData('50%\r\n::x')).toBe('50%25%0D%0A::x');
    expect(workflowCommandProperty('a:b,c')).toBe('a%3Ab%2Cc');
  });
});

describe('diagnostic lines bounded where they quote the input, whole where they explain', () => {
  const line = (message: string) => formatDiagnostic({ code: 'NPC071', severity: 'warning', message, at: { file: 'a.yaml', doc: 1, line: 3 } });

  it('a long list of workloads in the message is kept whole', () => {
    const list = Array.from({ length: 200 }, (_, i) => `shop/workload-${i}[Deployment]`).join(', ');
    const message = `the selector also covers ${list}`;
    expect(message.length).toBeGreaterThan(5000);
    expect(line(message)).toContain(list);
    expect(line(message)).not.toContain('left out');
  });

  it('a huge quoted value loses its middle, saying how much; the explanation after it is kept', () => {
    const key = 'k'.repeat(300_000);
    const out = line(`label key ${JSON.stringify(key)}: name part must be no more than 63 characters`);
    expect(out.length).toBeLessThan(1000);
    expect(out).toMatch(/label key "k+…\[\d+ characters left out\]…k+": name part must be no more than 63 characters$/);
  });
});
