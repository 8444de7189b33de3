import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { renderSarif } from '../../src/report/sarif.js';
import { renderSarif as renderResults } from '../../src/report/sarif-results.js';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { dump } from 'js-yaml';
import { afterAll } from 'vitest';
import { deployment, namespace } from '../helpers/kube-objects.js';

/** What `--format sarif` writes validates against the SARIF 2.1.0 JSON schema (OASIS rtm.5, as shipped by @microsoft/jest-sarif). */

afterAll(cleanupTempDirs);

const require = createRequire(import.meta.url);
const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
// the SARIF schema is draft-04: ajv's draft-04 build reads it as written (a CommonJS default export)
const Ajv04 = require('ajv-draft-04') as new (options: Record<string, unknown>) => { compile(schema: object): ValidateFunction };
// (its language-tag pattern is not valid under the `u` flag ajv uses by default)
const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
(require('ajv-formats') as (a: unknown) => unknown)(ajv);
const validate = ajv.compile(schema);

function errors(text: string): unknown {
  const ok = validate(JSON.parse(text));
  return ok ? [] : validate.errors;
}

describe('SARIF 2.1.0', () => {
  it('the generic renderer: results with and without locations', () => {
    const text = renderSarif({
      tool: { name: 'netpol-ci', version: '0.1.0', rules: [{ id: 'NPC140', description: 'missing' }] },
      results: [
        { ruleId: 'NPC140', level: 'error', message: 'a', location: { file: 'k8s/a.yaml', line: 3, column: 5 } },
        { ruleId: 'NPC140', level: 'warning', message: 'b' },
      ],
    });
    expect(errors(text)).toEqual([]);
    // the schema is strict enough to catch a wrong level
    expect(errors(text.replace('"warning"', '"severe"'))).not.toEqual([]);
    // code scanning refuses a whole upload with a result without a location: the unplaced one is a notification
    const log = JSON.parse(text) as { runs: { results: { message: { text: string }; locations?: unknown[] }[]; invocations?: { toolExecutionNotifications: unknown[] }[] }[] };
    expect(log.runs[0]!.results.map((r) => [r.message.text, r.locations?.length])).toEqual([['a', 1]]);
    expect(log.runs[0]!.invocations).toEqual([{ executionSuccessful: true, toolExecutionNotifications: [{ level: 'warning', message: { text: 'b' }, associatedRule: { id: 'NPC140' } }] }]);
  });

  it('a result with no place of its own takes its first related location (baseline results)', () => {
    const text = renderResults(
      { name: 'netpol-ci', version: '0.1.0', informationUri: 'https://example.org' },
      [{ id: 'r', name: 'r', shortDescription: 's', fullDescription: 'f', level: 'error' }],
      [
        { ruleId: 'r', level: 'error', message: 'no place', fingerprint: '1' },
        { ruleId: 'r', level: 'error', message: 'the rule only', related: [{ file: 'rules.yaml', line: 4, message: 'the rule' }], fingerprint: '2' },
      ],
    );
    expect(errors(text)).toEqual([]);
    const run = (JSON.parse(text) as { runs: { results: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[]; invocations: { toolExecutionNotifications: { message: { text: string } }[] }[] }[] }).runs[0]!;
    expect(run.results.map((r) => [r.message.text, r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region?.startLine])).toEqual([['the rule only', 'rules.yaml', 4]]);
    expect(run.invocations[0]!.toolExecutionNotifications.map((n) => n.message.text)).toEqual(['no place']);
  });

  it('verify --format sarif (repo drift with findings)', () => {
    // the example app's own policies (outside --policies) are ignored; an empty policies folder misses every need
    const empty = tempDir();
    const r = runCli(['verify', 'fixtures/example-app/manifests', '--policies', empty, '--format', 'sarif', '-q']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as { runs: { results: { locations?: unknown[] }[]; invocations?: { toolExecutionNotifications: unknown[] }[] }[] };
    // with no policy at all every finding is an excess that no rule states (nothing isolates the pods): no
    // place to show it at, so each is a notification, and no result is left without a location
    const run = log.runs[0]!;
    expect(run.results.length + (run.invocations?.[0]?.toolExecutionNotifications.length ?? 0)).toBeGreaterThan(0);
    expect(run.results.every((x) => (x.locations?.length ?? 0) > 0)).toBe(true);
    expect(errors(r.stdout)).toEqual([]);
  });

  it('verify --cluster-export --format sarif (cluster drift)', () => {
    const live = tempDir();
    writeFileSync(path.join(live, 'all.yaml'), dump({ apiVersion: 'v1', kind: 'List', items: [namespace('shop'), ...deployment('shop', 'web', 8080), ...deployment('shop', 'db', 5432)] }));
    const policies = tempDir();
    writeFileSync(
      path.join(policies, 'db.yaml'),
      dump({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'db', namespace: 'shop' }, spec: { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'] } }),
    );
    const r = runCli(['verify', '--cluster-export', live, '--policies', policies, '--format', 'sarif', '-q']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as { runs: { results: { ruleId: string; locations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const results = log.runs[0]?.results ?? [];
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((x) => x.ruleId === 'NPC142')).toBe(true);
    expect(results[0]?.locations?.[0]?.physicalLocation.artifactLocation.uri).toBe(path.join(policies, 'db.yaml'));
    expect(errors(r.stdout)).toEqual([]);
  });
});
