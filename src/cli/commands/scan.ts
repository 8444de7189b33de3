import { Command } from 'commander';
import { z } from 'zod';
import { ConfigError, ExitCode } from '../../diagnostics/errors.js';
import { exportHeuristics, runLiveScan } from '../../pipeline/live.js';
import { runScan } from '../../pipeline/scan.js';
import { renderScanJson, renderScanMd, renderScanTxt, renderScanYaml, SCAN_FORMATS } from '../../report/scan.js';
import { addCommonOptions, CommonOptions, parseOptions, readSettingsFrom } from '../common.js';
import { addClusterOptions, ClusterOptions, liveSourceFrom } from '../cluster-options.js';
import type { CliContext } from '../context.js';
import { emit, exitCodeFor, printDiagnostics, progress } from '../output.js';
import { addTrafficOptions, TrafficOptions, trafficRequestFrom } from '../traffic-options.js';

const Options = CommonOptions.extend(ClusterOptions.shape).extend(TrafficOptions.shape).extend({
  heuristics: z.string().optional(),
  exportHeuristics: z.boolean().default(false),
  format: z.enum(SCAN_FORMATS, { error: (i) => `expected one of ${SCAN_FORMATS.join(', ')}, got ${JSON.stringify(i.input)}` }).default('txt'),
});

export function scanCommand(ctx: CliContext, done: (code: number) => void): Command {
  const cmd = new Command('scan')
    .description('the connections the application needs, read from its manifests, each with its provenance')
    .argument('[path...]', 'manifest files or folders (scanned recursively); none with --cluster')
    .option('-f, --format <format>', `output format: ${SCAN_FORMATS.join('|')}`, 'txt');
  addTrafficOptions(cmd);
  addClusterOptions(cmd)
    .option('--heuristics <file>', 'with --cluster: well-known components (names, images, ports) from this file instead of the built-in list')
    .option('--export-heuristics', 'print the built-in heuristics (YAML, to edit and pass to --heuristics) and exit');
  addCommonOptions(cmd).action((paths: string[], raw: unknown) => done(scan(ctx, paths, parseOptions(Options, raw))));
  return cmd;
}

function scan(ctx: CliContext, paths: string[], opts: z.infer<typeof Options>): number {
  if (opts.exportHeuristics) {
    emit(ctx, exportHeuristics(), opts.output);
    return ExitCode.ok;
  }
  const live = liveSourceFrom(opts);
  if (live && paths.length > 0) throw new ConfigError('--cluster reads the cluster, not paths: give one or the other');
  if (!live && paths.length === 0) throw new ConfigError('scan takes manifest paths, or --cluster');
  if (!live && opts.heuristics !== undefined) throw new ConfigError('--heuristics needs --cluster (manifests are scanned exactly, without heuristics)');
  const say = progress(ctx, opts);
  say('reading and scanning…');
  // with --cluster the live cluster is also the trace's snapshot (pod and Service addresses)
  const traffic = trafficRequestFrom(opts, live?.kind === 'kubectl' ? live : undefined);
  const r = live ? runLiveScan(ctx.io, live, readSettingsFrom(ctx, opts), opts.heuristics, traffic) : runScan(ctx.io, paths, readSettingsFrom(ctx, opts), traffic ? { traffic } : {});
  say('');
  const render = { json: renderScanJson, yaml: renderScanYaml, txt: renderScanTxt, md: renderScanMd }[opts.format];
  emit(ctx, render(r.topology, 'gaps' in r ? r.gaps : undefined, 'traffic' in r ? r.traffic : undefined), opts.output);
  printDiagnostics(ctx, r.diagnostics, opts);
  return exitCodeFor(r.diagnostics);
}
