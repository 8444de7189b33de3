import { Command } from 'commander';
import { z } from 'zod';
import { ConfigError } from '../../diagnostics/errors.js';
import { runDiff, type DiffRequest } from '../../pipeline/diff.js';
import { DIFF_FORMATS, renderDiffCsv, renderDiffJson, renderDiffMd, renderDiffMermaid, renderDiffTxt, type DiffReport } from '../../report/diff.js';
import { addCommonOptions, CommonOptions, parseOptions, readSettingsFrom } from '../common.js';
import type { CliContext } from '../context.js';
import { emit, exitCodeFor, printDiagnostics, progress } from '../output.js';

const Options = CommonOptions.extend({
  format: z.enum(DIFF_FORMATS, { error: (i) => `expected one of ${DIFF_FORMATS.join(', ')}, got ${JSON.stringify(i.input)}` }).default('txt'),
  exitCode: z.boolean().default(false),
  repo: z.string().optional(),
  base: z.string().optional(),
  head: z.string().optional(),
  label1: z.string().min(1).optional(),
  label2: z.string().min(1).optional(),
  workloads: z.string().optional(),
});

export function diffCommand(ctx: CliContext, done: (code: number) => void): Command {
  const cmd = new Command('diff')
    .description('the semantic connectivity diff between two configurations (two folders, or two git refs with --repo)')
    .argument('[paths...]', '<old-path> <new-path>; with --repo, optional paths inside the repository')
    .option('-f, --format <format>', `output format: ${DIFF_FORMATS.join('|')}`, 'txt')
    .option('--repo <dir>', 'a git repository: diff --base against --head without touching the working tree')
    .option('--base <ref>', 'with --repo: the old ref (e.g. origin/main)')
    .option('--head <ref>', 'with --repo: the new ref (e.g. HEAD)')
    .option('--exit-code', 'exit 1 when the diff is not empty (like git diff --exit-code)')
    .option('--label1 <name>', 'name of the old side in every format (default: its path or ref)')
    .option('--label2 <name>', 'name of the new side in every format (default: its path or ref)')
    .option('--workloads <path>', 'the two paths hold policies only: evaluate both over the workloads (Namespaces, Services, ...) under PATH');
  addCommonOptions(cmd).action((paths: string[], raw: unknown) => done(diff(ctx, paths, parseOptions(Options, raw))));
  return cmd;
}

/** The request the arguments describe: two paths, or --repo with --base and --head. */
function requestFrom(paths: string[], opts: z.infer<typeof Options>): DiffRequest {
  if (opts.repo !== undefined || opts.base !== undefined || opts.head !== undefined) {
    if (!opts.repo || !opts.base || !opts.head) throw new ConfigError('--repo, --base and --head go together');
    if (opts.workloads !== undefined) throw new ConfigError('--workloads takes two policy paths, not --repo');
    return { kind: 'repo', repo: opts.repo, base: opts.base, head: opts.head, paths };
  }
  if (paths.length !== 2) throw new ConfigError('diff takes <old-path> <new-path>, or --repo DIR --base REF --head REF [path...]');
  return { kind: 'paths', before: paths[0] as string, after: paths[1] as string, ...(opts.workloads !== undefined ? { workloads: opts.workloads } : {}) };
}

function diff(ctx: CliContext, paths: string[], opts: z.infer<typeof Options>): number {
  const say = progress(ctx, opts);
  const request = requestFrom(paths, opts);
  say('reading both sides…');
  const r = runDiff(ctx.io, request, readSettingsFrom(ctx, opts), { explain: opts.format === 'md' || opts.format === 'json' });
  say('');
  const named = opts.label1 !== undefined || opts.label2 !== undefined;
  const refs = { before: opts.label1 ?? r.refs.before, after: opts.label2 ?? r.refs.after };
  const report: DiffReport = { diff: r.diff, refs, ...(named ? { named } : {}), ...(r.explanations ? { explanations: r.explanations } : {}) };
  const render = { txt: renderDiffTxt, json: renderDiffJson, csv: renderDiffCsv, md: renderDiffMd, mermaid: (x: DiffReport) => renderDiffMermaid(x) };
  emit(ctx, render[opts.format](report), opts.output);
  printDiagnostics(ctx, r.diagnostics, opts);
  return exitCodeFor(r.diagnostics, opts.exitCode && r.diff.entries.length > 0);
}
