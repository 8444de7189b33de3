import { describe, expect, it } from 'vitest';
import { parseManifestFile } from '../../src/manifests/documents.js';

const traps = (text: string) =>
  parseManifestFile({ path: 'a.yaml', text })
    .diagnostics.filter((d) => d.code === 'NPC011')
    .map((d) => `${d.at?.line ?? 0}:${d.at?.column ?? 0} ${d.message}`);

describe('YAML 1.1 traps: only in what YAML reads as keys and values', () => {
  it("a ', n: ' inside a quoted string or a comment is no key and no value; a flow mapping's own are", () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata: {name: c, namespace: a}
data:
  confirm: "Continue? y: proceed, n: abort"
  image: nginx:1.25 # pinned, no: do not bump
  flow: {a: "x, on: 1", b: 'it''s, off: 2'} # {c: d, off: e}
  real: {on: 1, b: yes}
`;
    expect(traps(text)).toEqual([
      `8:10 unquoted key on is the boolean true in YAML 1.1 (Kubernetes' parser reads the key "true") but the string "on" in YAML 1.2`,
      `8:20 unquoted yes is a boolean in YAML 1.1 (Kubernetes' parser) but the string "yes" in YAML 1.2`,
    ]);
  });

  it("a Secret's values are never printed: the warning gives the place only", () => {
    const text = `apiVersion: v1
kind: Secret
metadata: {name: s, namespace: a}
stringData: {password: 4_811_902_377, token: 0755}
`;
    const found = traps(text);
    expect(found).toHaveLength(2);
    for (const t of found) expect(t).not.toMatch(/4_811|4811902377|0755|493/);
    expect(found[0]).toMatch(/^4:24 an unquoted value here reads differently in YAML 1\.1/);
  });

  it("underscored numbers are read as go-yaml v2 reads them: the base their prefix says, else a float", () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  a: 0_7_0\n  b: 08_9\n  c: 1_000\n  d: -1_0\n';
    expect(traps(text).map((t) => t.replace(/ in YAML 1\.1.*/, ''))).toEqual([
      '5:6 unquoted 0_7_0 is the integer 56 (octal 070)',
      '6:6 unquoted 08_9 is the number 89',
      '7:6 unquoted 1_000 is the integer 1000',
      '8:6 unquoted -1_0 is the integer -10',
    ]);
  });
});
