import { Command } from 'commander';
import { z } from 'zod';
import { runBaseline } from '../../pipeline/baseline.js';
import { BASELINE_FORMATS, renderBaselineJson, renderBaselineMd, renderBaselineSarif, renderBaselineTxt } from '../../report/baseline.js';
import { addCommonOptions, CommonOptions, parseOptions, readSettingsFrom } from '../common.js';
import type { CliContext } from '../context.js';
import { emit, exitCodeFor, printDiagnostics, progress } from '../output.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

const Options = CommonOptions.extend({
  baseline: z.array(z.string(), { error: 'at least one rule file is needed: --baseline FILE' }).min(1, { error: 'at least one rule file is needed: --baseline FILE' }),
  engine: z.enum(['builtin', 'nca', 'both'], { error: (i) => `expected builtin, nca or both, got ${JSON.stringify(i.input)}` }).optional(),
  format: z.enum(BASELINE_FORMATS, { error: (i) => `expected one of ${BASELINE_FORMATS.join(', ')}, got ${JSON.stringify(i.input)}` }).default('txt'),
  ncaTimeout: z.coerce.number({ error: 'expected a number of seconds' }).positive({ error: 'expected a positive number of seconds' }).default(300),
});

export function baselineCommand(ctx: CliContext, done: (code: number) => void, version: string): Command {
  const cmd = new Command('baseline')
    .description('check baseline rules (np-guard baseline-rules or netalchemy format) with the built-in engine and/or IBM nca')
    .argument('<path...>', 'manifest files or folders (scanned recursively)')
    .option('--baseline <file>', 'a baseline rule file (repeatable)', collect)
    .option('--engine <engine>', 'builtin, nca or both (default: both when nca is installed, else builtin)')
    .option('-f, --format <format>', `output format: ${BASELINE_FORMATS.join('|')}`, 'txt')
    .option('--nca-timeout <seconds>', 'time budget of the nca process (default 300); rules it cannot finish are reported and decided by the built-in engine');
  addCommonOptions(cmd).action((paths: string[], raw: unknown) => done(baseline(ctx, paths, parseOptions(Options, raw), version)));
  return cmd;
}

function baseline(ctx: CliContext, paths: string[], opts: z.infer<typeof Options>, version: string): number {
  const say = progress(ctx, opts);
  say('checking baseline rules…');
  const o = runBaseline(ctx.io, { paths, ruleFiles: opts.baseline, ...(opts.engine ? { engine: opts.engine } : {}), ncaTimeoutMs: opts.ncaTimeout * 1000 }, readSettingsFrom(ctx, opts));
  say('');
  const render = { txt: renderBaselineTxt, md: renderBaselineMd, json: renderBaselineJson, sarif: (x: typeof o) => renderBaselineSarif(x, version) };
  emit(ctx, render[opts.format](o), opts.output);
  // the one-line note on installing nca, also on stderr when the report goes elsewhere
  if (!opts.quiet) for (const n of o.engineNotes) if (!n.rule && opts.format !== 'txt') ctx.stderr(`note (${n.engine}): ${n.message}\n`);
  printDiagnostics(ctx, o.diagnostics, opts);
  return exitCodeFor(o.diagnostics, o.violations.length > 0 || o.disagreements.length > 0);
}
