import { describe, expect, it } from 'vitest';
import jsYaml from 'js-yaml';
import { Codes } from '../../src/diagnostics/diagnostic.js';
import { parseManifestFile } from '../../src/manifests/documents.js';

// parseManifestFile checks two things once on a whole file when that answers for every document
// (characters the fast reader leaves to js-yaml; YAML 1.1 traps): the answers must stay per document.

const doc = (name: string, extra = '') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: "1"${extra}\n`;

describe('checks made once per file answer for each document', () => {
  it('a YAML 1.1 trap in the third document only is reported there, at its line', () => {
    const text = ['---', doc('a'), '---', doc('b'), '---', doc('c', '\n  enabled: yes')].join('\n');
    const { diagnostics } = parseManifestFile({ path: 'f.yaml', text });
    const traps = diagnostics.filter((d) => d.code === Codes.yaml11Trap);
    expect(traps.map((d) => [d.at?.doc, d.at?.line])).toEqual([[3, text.split('\n').indexOf('  enabled: yes') + 1]]);
  });

  it('with CR LF line ends the same trap is reported', () => {
    const text = ['---', doc('a'), '---', doc('c', '\n  enabled: on')].join('\n').replace(/\n/g, '\r\n');
    const { diagnostics } = parseManifestFile({ path: 'f.yaml', text });
    expect(diagnostics.filter((d) => d.code === Codes.yaml11Trap).map((d) => d.at?.doc)).toEqual([2]);
  });

  it('a file without traps has no warning', () => {
    const { diagnostics } = parseManifestFile({ path: 'f.yaml', text: [doc('a'), '---', doc('b')].join('\n') });
    expect(diagnostics).toEqual([]);
  });

  it('a character left to js-yaml in one document: every document is still read as js-yaml reads it', () => {
    const docs = [doc('a'), doc('b', '\n  note: "tab\there"'), doc('c', '\n  bom: "\uFEFF"'), doc('d', '\n  nel: x\u0085y'), doc('e')];
    const text = docs.map((d) => `---\n${d}`).join('');
    const { documents } = parseManifestFile({ path: 'f.yaml', text });
    expect(documents.map((d) => d.value)).toEqual(docs.map((d) => jsYaml.load(d)));
  });
});
