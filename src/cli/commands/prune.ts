import { Command } from 'commander';
import { z } from 'zod';
import { runPrune } from '../../pipeline/synthesize.js';
import { addCommonOptions, CommonOptions, parseOptions, readSettingsFrom } from '../common.js';
import type { CliContext } from '../context.js';
import { exitCodeFor, hasErrors, printDiagnostics, progress } from '../output.js';

const Options = CommonOptions.extend({
  policies: z.string({ error: '--policies DIR is required' }),
  write: z.boolean().default(false),
});

export function pruneCommand(ctx: CliContext, done: (code: number) => void): Command {
  const cmd = new Command('prune')
    .description('list (or, with --write, delete) the generated policies in a folder whose workload is no longer in the manifests; exit 1 when some are listed')
    .argument('<path...>', 'manifest files or folders (scanned recursively)')
    .option('--policies <dir>', 'the folder of policies netpol-ci generated (label app.kubernetes.io/managed-by: netpol-ci)')
    .option('--write', 'delete the stale policies from their files (a file left empty is removed)');
  addCommonOptions(cmd).action((paths: string[], raw: unknown) => done(prune(ctx, paths, parseOptions(Options, raw))));
  return cmd;
}

function prune(ctx: CliContext, paths: string[], opts: z.infer<typeof Options>): number {
  const say = progress(ctx, opts);
  say('reading the manifests and the policies…');
  const r = runPrune(ctx.io, { paths, policies: opts.policies, write: opts.write }, readSettingsFrom(ctx, opts));
  say('');
  for (const s of r.stale) ctx.stdout(`${s.file}:${s.line} [doc ${s.doc}] NetworkPolicy ${s.namespace}/${s.name}: ${s.reason}\n`);
  printDiagnostics(ctx, r.diagnostics, opts);
  if (hasErrors(r.diagnostics)) {
    if (opts.write && r.stale.length > 0) ctx.stderr('netpol-ci: the manifests have errors; nothing deleted\n');
    return exitCodeFor(r.diagnostics);
  }
  if (opts.write) {
    if (!opts.quiet) ctx.stderr(`removed ${r.stale.length} stale polic${r.stale.length === 1 ? 'y' : 'ies'} from ${r.changedFiles.length} file(s)\n`);
    return exitCodeFor(r.diagnostics);
  }
  if (r.stale.length > 0 && !opts.quiet) ctx.stderr(`${r.stale.length} stale polic${r.stale.length === 1 ? 'y' : 'ies'}; run with --write to delete\n`);
  return exitCodeFor(r.diagnostics, r.stale.length > 0);
}
