import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { runWithTools } from '../helpers/tools.js';

/**
 * Secrets a workload reads (`envFrom.secretRef`, `secretKeyRef`, a secret volume) are read for
 * addresses as ConfigMaps are, a kustomize `secretGenerator`'s literals, env files and `files:`
 * included (cited at their lines, real kubectl kustomize), but a Secret's text is never shown: the
 * evidence is the address's host and port, and the credentials it holds appear in no output.
 */
afterAll(cleanupTempDirs);

const PASSWORD = 'Sup3rS3cretPw';

const APP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
        - name: api
          image: api
          envFrom: [{secretRef: {name: api-env}}]
          env:
            - name: CACHE_URL
              valueFrom: {secretKeyRef: {name: api-keys, key: cache-url}}
          volumeMounts: [{name: conf, mountPath: /etc/api}]
      volumes: [{name: conf, secret: {secretName: api-files}}]
${['db:5432', 'cache:6379', 'queue:5672']
  .map((hp) => {
    const [name, port] = hp.split(':') as [string, string];
    return `---
apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  selector: {app: ${name}}
  ports: [{port: ${port}}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: c, image: x, ports: [{containerPort: ${port}}]}]
`;
  })
  .join('')}`;

function overlay(): string {
  const root = tempDir('netpol-ci-secrets-');
  const dir = path.join(root, 'app');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'app.yaml'), APP);
  writeFileSync(path.join(dir, 'api.env'), `# the database\nDATABASE_URL=postgres://app:${PASSWORD}@db:5432/app\n`);
  writeFileSync(path.join(dir, 'queue.conf'), `[broker]\nurl = amqp://app:${PASSWORD}@queue:5672/\n`);
  writeFileSync(
    path.join(dir, 'kustomization.yaml'),
    `resources: [app.yaml]\ngeneratorOptions: {disableNameSuffixHash: true}\nsecretGenerator:\n  - name: api-env\n    envs: [api.env]\n  - name: api-keys\n    literals:\n      - cache-url=redis://:${PASSWORD}@cache:6379/0\n  - name: api-files\n    files: [queue.conf]\n`,
  );
  return root;
}

describe('Secrets read for addresses, never shown', () => {
  it('each way a workload reads a Secret gives its link, cited at the generator line, with only host and port shown', () => {
    const root = overlay();
    const r = runWithTools(['scan', 'app', '--format', 'json'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { links: { src: string; dst: string; conns: string; evidence: { file: string; line: number; value: string; secret?: string; via?: { file: string; line: number } }[] }[] };
    const api = doc.links.filter((l) => l.src === 'default/api[Deployment]');
    expect(api.map((l) => `${l.dst} ${l.conns} ${l.evidence.map((e) => `${e.value} ${e.secret} ${e.file}:${e.line} via ${e.via?.file}:${e.via?.line}`).join('; ')}`)).toEqual([
      'default/cache[Deployment] TCP 6379 cache:6379 default/api-keys app/kustomization.yaml:8 via app/app.yaml:15',
      'default/db[Deployment] TCP 5432 db:5432 default/api-env app/api.env:2 via app/app.yaml:12',
      'default/queue[Deployment] TCP 5672 queue:5672 default/api-files app/queue.conf:2 via app/app.yaml:17',
    ]);
    for (const format of ['json', 'yaml', 'txt', 'md']) expect(runWithTools(['scan', 'app', '--format', format], { cwd: root }).stdout).not.toContain(PASSWORD);
    const s = runWithTools(['synthesize', 'app'], { cwd: root });
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toContain('via Secret default/api-env, referenced at app/app.yaml:12');
    expect(`${s.stdout}${s.stderr}`).not.toContain(PASSWORD);
    expect(`${s.stdout}${s.stderr}`).not.toContain('app:Sup3r');
  });

  it('an address in a Secret that resolves to nothing is a gap, shown by host and port only', () => {
    const root = overlay();
    writeFileSync(path.join(root, 'app', 'api.env'), `DATABASE_URL=postgres://app:${PASSWORD}@db-old:5432/app\n`);
    const r = runWithTools(['scan', 'app', '--format', 'json'], { cwd: root });
    const doc = JSON.parse(r.stdout) as { gaps: { workload: string; value?: string; file: string; line: number }[] };
    expect(doc.gaps.filter((g) => g.value !== undefined).map((g) => `${g.value} ${g.file}:${g.line}`)).toEqual(['db-old:5432 app/api.env:1']);
    expect(r.stdout).not.toContain(PASSWORD);
  });
});
