import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { YAML11_ANYWHERE } from '../../src/manifests/documents.js';

/**
 * The quick test that lets a document skip the YAML 1.1 trap checks is written from the colon
 * (for speed); it must admit exactly what the plain reading of the traps does: a value after
 * `key: ` (boolean word, octal, underscored integer) or a boolean word as a key at a line's start,
 * after `- `, `{` or `,`.
 */
const PLAIN =
  /:[ \t]+(?:[yYnN]|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|[-+]?0[0-7]+|[-+]?[0-9][0-9_]*_[0-9_]*)[ \t]*(?:#.*$|$|[,}])|(?:^[ \t]*(?:-[ \t]+)?|[{,][ \t]*)(?:[yYnN]|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)[ \t]*:(?:[ \t]|$)/m;

const piece = fc.constantFrom('y', 'N', 'yes', 'No', 'ON', 'off', 'Off', 'x', 'ony', 'xon', 'on_', '0755', '08', '1_000', '-1_0', '_1', 'a_b', 'key', '-', '- ', '-on', '{', '{on', ', ', ',', '}', '[', ':', ': ', ':\t', ' ', '\t', '  ', '#', ' # c', '\n', '\r\n', 'é');

describe('the YAML 1.1 quick test', () => {
  it('admits the same texts as the plain reading of the traps', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(YAML11_ANYWHERE.test(text)).toBe(PLAIN.test(text));
      }),
      { numRuns: 20000 },
    );
  });

  it('finds each kind of trap', () => {
    for (const text of ['a: yes', 'a: 0755 # mode', 'a: 1_000', 'on: x', '- off: 1', '{a: 1, no: 2}', 'x:\n  Y:\n']) expect(YAML11_ANYWHERE.test(text), text).toBe(true);
    for (const text of ['version: v1', 'a: "yes"', 'x-on: 1', 'a: 1000', 'name: nginx', 'notes: on_call']) expect(YAML11_ANYWHERE.test(text), text).toBe(false);
  });
});
