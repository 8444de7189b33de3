import { describe, expect, it } from 'vitest';
import { Codes } from '../../src/diagnostics/diagnostic.js';
import { loadManifests } from '../../src/manifests/load.js';

// A kind is looked up in tables of the modelled kinds: a kind named like a property every object
// inherits (`constructor`, `toString`, `__proto__`) must be an unmodelled kind like any other,
// skipped and counted, never a table entry (it crashed the run with an internal error).
const INHERITED = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

describe('kinds named like inherited object properties', () => {
  for (const kind of INHERITED) {
    it(`kind: ${kind} is skipped as not modelled, the rest still analysed`, () => {
      const text = `apiVersion: v1
kind: ${kind}
metadata: {name: x, namespace: a}
---
kind: ${kind}
metadata: {name: y, namespace: a}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: a}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx}]}
`;
      const { cluster, diagnostics } = loadManifests([{ path: 'x.yaml', text }]);
      expect(cluster.workloads.map((w) => w.ref.name)).toEqual(['web']);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      // the modelled-kind warning for a missing apiVersion is not given to it either
      expect(diagnostics.some((d) => d.code === Codes.invalidField && d.message.includes(kind))).toBe(false);
    });
  }
});
