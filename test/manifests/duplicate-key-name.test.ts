import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';

/**
 * spring-petclinic-cloud's k8s/customers-service-deployment.yaml writes a container's `resources:`
 * twice; the diagnostic named the key "r" (the parser's range covers only its first character).
 */
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: customers-service}
spec:
  selector: {matchLabels: {app: c}}
  template:
    metadata: {labels: {app: c}}
    spec:
      containers:
      - name: c
        image: x
        resources:
          limits: {memory: 1Gi}
        "image-pull": Always
        'image-pull': IfNotPresent
        resources: {}
`;

describe('a duplicate mapping key is named in full, at its line', () => {
  it('plain and quoted keys', () => {
    const d = loadManifests([{ path: 'dup.yaml', text: DEPLOYMENT }]).diagnostics.filter((x) => x.code === 'NPC007');
    expect(d.map((x) => `${x.at?.line}:${x.at?.column} ${x.message}`)).toEqual([
      '15:9 duplicate mapping key "image-pull"; the last value is used',
      '16:9 duplicate mapping key "resources"; the last value is used',
    ]);
  });
});
