import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readManifestFiles } from '../../src/io/files.js';
import { RenderCache } from '../../src/io/render.js';
import { loadManifests } from '../../src/manifests/load.js';
import { peerKey } from '../../src/model/peer.js';
import { DEFAULT_READ_SETTINGS } from '../../src/pipeline/settings.js';
import { scanTopology } from '../../src/topology/scan.js';
import { FIXTURES } from '../helpers/fixtures.js';

// `evidenceLines: false` (the PR check's base side) must change nothing but the lines of address
// evidence: the same links with the same connections, the same gaps at the same lines, the same
// diagnostics. Checked on every app the project carries, charts (real helm) and overlays included.

const APPS = ['scan/shop', 'example-app/manifests', 'example-pr/base', 'example-pr/head', 'helm/shop', 'real-apps/online-boutique-yaml', 'real-apps/sock-shop', 'real-apps/online-boutique-helm', 'real-apps/kustomize-wordpress'];

describe('scan with evidenceLines: false', () => {
  test.each(APPS)('%s: same links, gaps and diagnostics; address evidence without lines', (app) => {
    const read = readManifestFiles([path.join(FIXTURES, app)], { ...DEFAULT_READ_SETTINGS, render: { ...DEFAULT_READ_SETTINGS.render } }, new RenderCache());
    const { cluster } = loadManifests(read.files);
    const full = scanTopology(cluster, { values: read.values });
    const placed = scanTopology(cluster, { values: read.values, evidenceLines: false });
    const shape = (links: typeof full.value.links) => links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`);
    expect(shape(placed.value.links)).toEqual(shape(full.value.links));
    expect(full.value.links.length).toBeGreaterThan(0);
    expect(placed.value.unresolved).toEqual(full.value.unresolved);
    expect(placed.diagnostics).toEqual(full.diagnostics);
    const address = placed.value.links.flatMap((l) => l.evidence).filter((e) => e.kind === 'address');
    for (const e of address) {
      expect(e.at.line).toBeUndefined();
      expect(e.at.path?.length ?? 0).toBeGreaterThan(0);
    }
    // and with lines, evidence has them, except in a rendered template where the line cannot be known (named `[rendered]`, without one)
    expect(full.value.links.flatMap((l) => l.evidence).filter((e) => e.kind === 'address').every((e) => e.at.line !== undefined || e.at.file.endsWith(' [rendered]'))).toBe(true);
  });
});
