import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { git } from './action-runner.js';
import { FIXTURES, tempDir } from './fixtures.js';

/**
 * A git repository holding the example app under deploy/, with a history of real changes:
 *   base    the app as in fixtures/example-app
 *   open    payments' policies deleted: payments is reachable from every workload
 *   wider   backend's policies deleted too
 *   noop    a comment added to a manifest: no connectivity change
 *   gap     web gets an address that resolves to no Service (a gap)
 */
export interface AppRepo {
  readonly dir: string;
  readonly sha: { base: string; open: string; wider: string; noop: string; gap: string; lint: string };
  /** All commits, oldest first. */
  readonly history: string[];
}

export function makeAppRepo(): AppRepo {
  const dir = tempDir('netpol-ci-action-repo-');
  git(dir, 'init', '-q', '-b', 'main');
  cpSync(path.join(FIXTURES, 'example-app', 'manifests'), path.join(dir, 'deploy'), { recursive: true });
  const commit = (message: string) => {
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', message);
    return git(dir, 'rev-parse', 'HEAD');
  };
  const base = commit('base');
  rmSync(path.join(dir, 'deploy/payments/network-policies.yaml'));
  const open = commit('open payments');
  rmSync(path.join(dir, 'deploy/backend/network-policies.yaml'));
  const wider = commit('open backend');
  const web = path.join(dir, 'deploy/frontend/web.yaml');
  writeFileSync(web, `# the storefront\n${readFileSync(web, 'utf8')}`);
  const noop = commit('a comment');
  writeFileSync(web, readFileSync(web, 'utf8').replace(/(env:\n)/, '$1            - {name: REVIEWS_URL, value: "http://reviews.backend.svc.cluster.local:8080"}\n'));
  const gap = commit('a gap');
  // a policy whose pod selector has a typo: it selects no pod of frontend (a lint finding)
  const policies = path.join(dir, 'deploy/frontend/network-policies.yaml');
  writeFileSync(policies, `${readFileSync(policies, 'utf8')}---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ghost, namespace: frontend}\nspec:\n  podSelector: {matchLabels: {app: wbe}}\n  policyTypes: [Ingress]\n`);
  const lint = commit('a lint finding');
  return { dir, sha: { base, open, wider, noop, gap, lint }, history: [base, open, wider, noop, gap, lint] };
}
