import { Command } from 'commander';
import { z } from 'zod';
import { runLinksMerge, runLinksValidate } from '../../pipeline/links.js';
import { renderScanJson, renderScanYaml } from '../../report/scan.js';
import { addCommonOptions, CommonOptions, parseOptions, readSettingsFrom } from '../common.js';
import type { CliContext } from '../context.js';
import { emit, exitCodeFor, hasErrors, printDiagnostics } from '../output.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

const MergeOptions = CommonOptions.extend({
  format: z.enum(['yaml', 'json'], { error: (i) => `expected yaml or json, got ${JSON.stringify(i.input)}` }).optional(),
  manifests: z.array(z.string()).default([]),
});

const ValidateOptions = CommonOptions.extend({ manifests: z.array(z.string()).default([]) });

/** `links merge A B... -o OUT` and `links validate FILE [--manifests PATH...]`: reviewed, hand-edited link lists (intent files). */
export function linksCommand(ctx: CliContext, done: (code: number) => void): Command {
  const links = new Command('links').description('reviewed link lists (intent files): merge several, validate one');
  const mergeCmd = new Command('merge')
    .description('merge link lists (scan --format json|yaml output, reviewed files) into one: one link per source and destination, all provenance kept')
    .argument('<file...>', 'link lists to merge')
    .option('-f, --format <format>', 'yaml|json (default: from the -o extension, else yaml)')
    .option('--manifests <path>', 'manifests whose workloads resolve `ns/name` written without its kind (repeatable)', collect);
  addCommonOptions(mergeCmd).action((files: string[], raw: unknown) => done(merge(ctx, files, parseOptions(MergeOptions, raw))));
  links.addCommand(mergeCmd);
  const validate = new Command('validate')
    .description('check a reviewed link list: peers, connection sets, duplicates, and (with --manifests) that every workload exists')
    .argument('<file>', 'the link list')
    .option('--manifests <path>', 'manifest file or folder whose workloads the links must name (repeatable)', collect);
  addCommonOptions(validate).action((file: string, raw: unknown) => done(validateLinks(ctx, file, parseOptions(ValidateOptions, raw))));
  links.addCommand(validate);
  for (const c of links.commands) c.exitOverride().configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  return links;
}

function merge(ctx: CliContext, files: string[], opts: z.infer<typeof MergeOptions>): number {
  const r = runLinksMerge(ctx.io, files, opts.manifests, readSettingsFrom(ctx, opts));
  printDiagnostics(ctx, r.diagnostics, opts);
  // a merged list built from files with errors would silently lose links
  if (hasErrors(r.diagnostics)) {
    ctx.stderr('netpol-ci: the link lists have errors; nothing written\n');
    return exitCodeFor(r.diagnostics);
  }
  const format = opts.format ?? (opts.output?.endsWith('.json') ? 'json' : 'yaml');
  const topology = { links: r.links, unresolved: [] };
  emit(ctx, format === 'json' ? renderScanJson(topology) : renderScanYaml(topology), opts.output);
  if (!opts.quiet && opts.output && opts.output !== '-') ctx.stderr(`merged ${files.length} file(s): ${r.links.length} links\n`);
  return exitCodeFor(r.diagnostics);
}

function validateLinks(ctx: CliContext, file: string, opts: z.infer<typeof ValidateOptions>): number {
  const r = runLinksValidate(ctx.io, file, opts.manifests, readSettingsFrom(ctx, opts));
  printDiagnostics(ctx, r.diagnostics, opts);
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  if (!opts.quiet) ctx.stdout(`${file}: ${r.links.length} links, ${errors === 0 ? 'valid' : `${errors} error(s)`}\n`);
  return exitCodeFor(r.diagnostics);
}
