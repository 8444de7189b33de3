import { Command } from 'commander';
import { z } from 'zod';
import { runLint } from '../../pipeline/lint.js';
import { LINT_FORMATS, renderLintJson, renderLintMd, renderLintTxt } from '../../report/lint.js';
import { addCommonOptions, CommonOptions, parseOptions, readSettingsFrom } from '../common.js';
import type { CliContext } from '../context.js';
import { emit, exitCodeFor, printDiagnostics, progress } from '../output.js';

const Options = CommonOptions.extend({
  format: z.enum(LINT_FORMATS, { error: (i) => `expected one of ${LINT_FORMATS.join(', ')}, got ${JSON.stringify(i.input)}` }).default('txt'),
});

export function lintCommand(ctx: CliContext, done: (code: number) => void): Command {
  const cmd = new Command('lint')
    .description('policy sanity: policies selecting nothing, rules that never match, redundant and shadowed rules (exit 1 on findings)')
    .argument('<path...>', 'manifest files or folders (scanned recursively)')
    .option('-f, --format <format>', `output format: ${LINT_FORMATS.join('|')}`, 'txt');
  addCommonOptions(cmd).action((paths: string[], raw: unknown) => done(lint(ctx, paths, parseOptions(Options, raw))));
  return cmd;
}

function lint(ctx: CliContext, paths: string[], opts: z.infer<typeof Options>): number {
  const say = progress(ctx, opts);
  say(`reading and linting ${paths.length} path(s)…`);
  const r = runLint(ctx.io, paths, readSettingsFrom(ctx, opts));
  say('');
  const render = { txt: renderLintTxt, json: renderLintJson, md: renderLintMd };
  emit(ctx, render[opts.format](r.findings), opts.output);
  printDiagnostics(ctx, r.diagnostics, opts);
  return exitCodeFor(r.diagnostics, r.findings.length > 0);
}
