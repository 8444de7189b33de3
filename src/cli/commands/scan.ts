import { Command } from 'commander';
import { z } from 'zod';
import { runScan } from '../../pipeline/scan.js';
import { renderScanJson, renderScanMd, renderScanTxt, renderScanYaml, SCAN_FORMATS } from '../../report/scan.js';
import { addCommonOptions, CommonOptions, parseOptions, readSettingsFrom } from '../common.js';
import type { CliContext } from '../context.js';
import { emit, exitCodeFor, printDiagnostics, progress } from '../output.js';
import { addTrafficOptions, TrafficOptions, trafficRequestFrom } from '../traffic-options.js';

const Options = CommonOptions.extend(TrafficOptions.shape).extend({
  format: z.enum(SCAN_FORMATS, { error: (i) => `expected one of ${SCAN_FORMATS.join(', ')}, got ${JSON.stringify(i.input)}` }).default('txt'),
});

export function scanCommand(ctx: CliContext, done: (code: number) => void): Command {
  const cmd = new Command('scan')
    .description('the connections the application needs, read from its manifests, each with its provenance')
    .argument('<path...>', 'manifest files or folders (scanned recursively)')
    .option('-f, --format <format>', `output format: ${SCAN_FORMATS.join('|')}`, 'txt');
  addTrafficOptions(cmd);
  addCommonOptions(cmd).action((paths: string[], raw: unknown) => done(scan(ctx, paths, parseOptions(Options, raw))));
  return cmd;
}

function scan(ctx: CliContext, paths: string[], opts: z.infer<typeof Options>): number {
  const say = progress(ctx, opts);
  say('reading and scanning manifests…');
  const traffic = trafficRequestFrom(opts);
  const r = runScan(ctx.io, paths, readSettingsFrom(ctx, opts), traffic ? { traffic } : {});
  say('');
  const render = { json: renderScanJson, yaml: renderScanYaml, txt: renderScanTxt, md: renderScanMd }[opts.format];
  emit(ctx, render(r.topology, r.traffic), opts.output);
  printDiagnostics(ctx, r.diagnostics, opts);
  return exitCodeFor(r.diagnostics);
}
