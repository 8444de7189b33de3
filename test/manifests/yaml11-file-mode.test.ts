import { describe, expect, it } from 'vitest';
import { parseManifestFile } from '../../src/manifests/documents.js';

/**
 * A volume's `defaultMode: 0755` (Bitnami's charts write it so, as Kubernetes' own docs do) is a
 * file mode meant in octal, and Kubernetes' parser reads it so (493): no YAML 1.1 warning, whose
 * advice ("quote the value") would make it a string the API server refuses. The same octal under
 * any other key is still a trap.
 */
const pod = (mode: string) => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: c, image: x}]
  volumes:
    - name: scripts
      configMap:
        name: scripts
        defaultMode: ${mode}
    - name: flow
      configMap: {name: other, defaultMode: ${mode}}
    - name: items
      secret:
        secretName: s
        items:
          - key: k
            path: k
            mode: ${mode}
`;

const warnings = (text: string) => parseManifestFile({ path: 'p.yaml', text }).diagnostics.map((d) => `${d.code} ${d.at?.line}:${d.at?.column}`);

describe('YAML 1.1 octal under defaultMode', () => {
  it('defaultMode: 0755, in block and flow style, is no trap; `mode: 0755` elsewhere still warns', () => {
    const found = warnings(pod('0755'));
    expect(found).toEqual(['NPC011 19:19']);
  });
});
