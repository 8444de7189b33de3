import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { lines } from './cli.js';
import { tempDir } from './fixtures.js';
import { KUBE_DNS } from './kube-dns.js';
import { runWithTools } from './tools.js';

/** What the real-app tests run, as a new user would: scan, synthesize, then connectivity with the policies. */

export const APPS = 'fixtures/real-apps';
export const EVERYWHERE = '0.0.0.0-255.255.255.255[External]';
export const w = (ns: string, name: string, kind = 'Deployment') => `${ns}/${name}[${kind}]`;

export type ScanDoc = {
  links: { src: string; dst: string; conns: string; evidence: { kind: string; file?: string; line?: number; value?: string }[] }[];
  gaps: { workload: string; direction: string; reason: string; value?: string; conns?: string }[];
};

/** `scan --format json`, which must report no error. */
export function scan(app: string, extra: string[] = []): ScanDoc {
  const r = runWithTools(['scan', app, '--format', 'json', ...extra]);
  expect(r.stderr.split('\n').filter((l) => / error /.test(l))).toEqual([]);
  return JSON.parse(r.stdout) as ScanDoc;
}

/** `src => dst : conns` of each scanned link. */
export const linkLines = (doc: ScanDoc) => doc.links.map((l) => `${l.src} => ${l.dst} : ${l.conns}`);

/** synthesize, then the connectivity of the app + its policies + kube-dns, without DNS and kube-dns. */
export function allowedAfterSynthesis(app: string, extra: string[] = []): string[] {
  const s = runWithTools(['synthesize', app, ...extra]);
  expect(s.code).toBe(0);
  const dir = tempDir();
  writeFileSync(path.join(dir, 'policies.yaml'), s.stdout);
  writeFileSync(path.join(dir, 'dns.yaml'), KUBE_DNS);
  const c = runWithTools(['connectivity', app, dir, ...extra.filter((x) => !x.startsWith('--gaps'))]);
  expect(c.code).toBe(0);
  return lines(c.stdout).filter((l) => !l.includes('kube-system/'));
}

/** The `src => dst` pairs of connectivity lines. */
export const pairs = (list: readonly string[]) => list.map((l) => l.replace(/ : .*$/, ''));
