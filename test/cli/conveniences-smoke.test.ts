import { describe, expect, it } from 'vitest';
import { lines, runBundledCli } from '../helpers/cli.js';

/** The bundled CLI (`npm run bundle` first) carries the new commands and flags. */
describe('dist/cli.js: lint, prune and the connectivity conveniences', () => {
  it('lint exits 1 with findings on the sanity fixture', () => {
    const r = runBundledCli(['lint', 'fixtures/lint/sanity', '-q']);
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toHaveLength(6);
  });
  it('prune and the new flags are in --help', () => {
    expect(runBundledCli(['prune', '--help']).stdout).toContain('--policies <dir>');
    const c = runBundledCli(['connectivity', '--help']).stdout;
    for (const flag of ['--exposure', '--timeout <duration>', '--pod-cidr <cidr>', '--service-cidr <cidr>']) expect(c).toContain(flag);
    const s = runBundledCli(['synthesize', '--help']).stdout;
    for (const flag of ['--existing <dir>', '--preset <spec>', '--no-ports', '--check-selectors']) expect(s).toContain(flag);
    const d = runBundledCli(['diff', '--help']).stdout;
    for (const flag of ['--label1 <name>', '--label2 <name>', '--workloads <path>']) expect(d).toContain(flag);
  });
});
