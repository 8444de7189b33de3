import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';

// synthesize --baseline in a dual-stack cluster: a deny on part of the IPv6 space applies to the
// LoadBalancer's clients written in IPv6 as it does in IPv4 (deny wins), so the policies written
// pass synthesize's own baseline check.
afterAll(cleanupTempDirs);

const APP = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec: {type: LoadBalancer, selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}\n`;

describe('synthesize --baseline with --ip-family dual', () => {
  it('a deny from an IPv6 block is applied to the IPv6 clients; baseline then holds', () => {
    const dir = tempDir('npc-bl6-');
    writeFileSync(path.join(dir, 'app.yaml'), APP);
    const rules = path.join(tempDir('npc-bl6-rules-'), 'rules.yaml');
    writeFileSync(rules, '- {name: no-docnet, from: 2001:db8::/32, to: app=web, action: deny}\n');
    const out = path.join(tempDir('npc-bl6-out-'), 'policies.yaml');
    const s = runCli(['synthesize', dir, '--ip-family', 'dual', '--baseline', rules, '-o', out]);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stderr).toMatch(/NPC103 \[0\]: link ::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff\[External\] => shop\/web\[Deployment\] : TCP 8080 is forbidden by baseline rule no-docnet/);
    const b = runCli(['baseline', dir, out, '--baseline', rules, '--engine', 'builtin', '--ip-family', 'dual']);
    expect(b.stdout + b.stderr).not.toContain('VIOLATION');
    expect(b.code).toBe(0);
  });
});

describe('synthesize --baseline with gap closures', () => {
  it('a closure that crosses a deny rule is cut (never opening what the rule denies), and said so at the rule', () => {
    const dir = tempDir('npc-blgap-');
    writeFileSync(path.join(dir, 'app.yaml'), APP);
    const rules = path.join(tempDir('npc-blgap-rules-'), 'rules.yaml');
    writeFileSync(rules, '- {name: no-docnet-out, from: app=web, to: 192.0.2.0/24, action: deny}\n');
    const s = runCli(['synthesize', dir, '--gaps', 'open', '--baseline', rules, '--dry-run']);
    expect(s.stderr).toMatch(/warning NPC103 \[0\]: --gaps=open closure shop\/web\[Deployment\] => 192\.0\.2\.0-192\.0\.2\.255\[External\] : All Connections is forbidden by baseline rule no-docnet-out .*; cut: the closure is written as the links it opens to the workloads and addresses of the manifests, without what the rule forbids \(gap \(--gaps=open\) /);
    const quiet = runCli(['synthesize', dir, '--gaps', 'deny', '--baseline', rules, '--dry-run']);
    expect(quiet.stderr).not.toContain('closure');
  });
});
