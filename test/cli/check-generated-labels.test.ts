import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makePr, replace, type Pr } from '../helpers/pr.js';

/**
 * A CronJob's pods carry labels the API server sets whose values no manifest knows (controller-uid,
 * and the job-name of each run): the engine holds them as present with a value no selector can
 * name. A reviewer reads the labels the manifests set; that placeholder never reaches a report.
 */
const prs: Pr[] = [];
afterAll(() => prs.forEach((p) => p.dispose()));

describe('a CronJob whose template labels change', () => {
  it('the cause names the labels the manifests set (and job-name values it knows), never the placeholder of an unknown value', () => {
    const pr = makePr('fixtures/check/cronjob-labels', { 'app.yaml': replace('labels: {app: backup}', 'labels: {app: backup2}') });
    prs.push(pr);
    for (const format of ['md', 'txt', 'json']) {
      const r = runCli(['check', '--base', pr.base, '--head', pr.head, '-f', format]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('backup2');
      expect(r.stdout).not.toContain('(unknown)');
      expect(r.stdout).not.toContain('controller-uid');
    }
  });
});
