import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { REPO_ROOT } from '../helpers/cli.js';

/**
 * The security rules every action.yml and example workflow keeps: no `${{ }}` inside a `run:`
 * script (values reach scripts through env:, so an expression cannot inject shell code), minimal
 * `permissions:` in every workflow, third-party actions pinned by commit SHA, and the fork-safe
 * commenting workflow never checks out or runs pull request code.
 */
type Json = Record<string, unknown>;
interface Step {
  uses?: string;
  run?: string;
  with?: Json;
  env?: Json;
}

const actionFiles = ['action.yml', ...readdirSync(path.join(REPO_ROOT, 'actions')).map((d) => path.join('actions', d, 'action.yml'))];
const workflowDir = path.join(REPO_ROOT, 'examples', 'workflows');
const workflowFiles = readdirSync(workflowDir)
  .filter((f) => f.endsWith('.yml'))
  .map((f) => path.join('examples', 'workflows', f));
const load = (f: string) => YAML.parse(readFileSync(path.join(REPO_ROOT, f), 'utf8')) as Json;

function stepsOf(doc: Json): Step[] {
  const runs = doc.runs as { steps?: Step[] } | undefined;
  if (runs?.steps) return runs.steps;
  return Object.values((doc.jobs ?? {}) as Record<string, { steps?: Step[] }>).flatMap((j) => j.steps ?? []);
}

/** First-party references (our own actions) may use a release tag; everything else a full SHA. */
const FIRST_PARTY = /^netpol-ci\/netpol-ci(\/actions\/[a-z]+)?@v\d+$/;
const PINNED = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+(\/[A-Za-z0-9._/-]+)?@[0-9a-f]{40}$/;

describe('security rules of the action and workflow files', () => {
  it('finds the files', () => {
    expect(actionFiles.length).toBe(7);
    expect(workflowFiles.length).toBeGreaterThanOrEqual(5);
  });

  for (const f of [...actionFiles, ...workflowFiles]) {
    it(`${f}: no \${{ }} inside run:, every uses: pinned`, () => {
      const steps = stepsOf(load(f));
      expect(steps.length).toBeGreaterThan(0);
      for (const s of steps) {
        if (s.run !== undefined) expect(s.run, `${f}: ${s.run}`).not.toMatch(/\$\{\{/);
        if (s.uses !== undefined && !s.uses.startsWith('./')) expect(s.uses, f).toMatch(FIRST_PARTY.test(s.uses) ? FIRST_PARTY : PINNED);
      }
    });
  }

  for (const f of actionFiles) {
    it(`${f}: composite, runs the bundled entry, passes every input through env:`, () => {
      const doc = load(f);
      expect((doc.runs as Json).using).toBe('composite');
      const run = stepsOf(doc).find((s) => s.run?.includes('dist/'));
      expect(run?.run).toMatch(/^node "\$GITHUB_ACTION_PATH\/(\.\.\/\.\.\/)?dist\/[a-z]+\/index\.mjs"\n$/);
      for (const name of Object.keys(doc.inputs as Json)) {
        expect(run?.env?.[`INPUT_${name.replace(/-/g, '_').toUpperCase()}`], `${f}: ${name}`).toBe(`\${{ inputs.${name} }}`);
      }
    });
  }

  for (const f of workflowFiles) {
    it(`${f}: minimal permissions`, () => {
      const doc = load(f);
      const perms = doc.permissions as Record<string, string> | string | undefined;
      expect(perms, `${f} sets top-level permissions`).toBeTypeOf('object');
      const allowed: Record<string, string[]> = { contents: ['read'], 'pull-requests': ['write', 'read'], actions: ['read'], 'security-events': ['write'] };
      for (const [scope, level] of Object.entries(perms as Record<string, string>)) {
        expect(allowed[scope], `${f}: ${scope}`).toBeDefined();
        expect(allowed[scope], `${f}: ${scope}: ${level}`).toContain(level);
      }
      for (const job of Object.values(doc.jobs as Record<string, Json>)) expect(job.permissions).not.toBe('write-all');
    });
  }

  it('the workflow_run workflow never checks out or runs pull request code', () => {
    const doc = load('examples/workflows/fork-safe-comment.yml');
    expect(Object.keys(doc.on as Json)).toEqual(['workflow_run']);
    const steps = stepsOf(doc);
    expect(steps.some((s) => s.uses?.startsWith('actions/checkout'))).toBe(false);
    // no step runs anything from the artifact: the only script lists files
    for (const s of steps.filter((x) => x.run)) expect(s.run).not.toMatch(/\b(node|npm|npx|bash|sh|source|python)\b.*REPORT/);
    expect(steps.at(-1)?.uses).toMatch(/^netpol-ci\/netpol-ci\/actions\/comment@/);
  });

  it('no example pairs pull_request_target with a checkout of the head', () => {
    for (const f of workflowFiles) {
      const doc = load(f);
      if (!('pull_request_target' in ((doc.on as Json) ?? {}))) continue;
      expect(JSON.stringify(stepsOf(doc))).not.toMatch(/head\.(sha|ref)/);
    }
  });
});
