import { Command } from 'commander';
import { z } from 'zod';
import { ConfigError } from '../../diagnostics/errors.js';
import { runConnectivity, runExplain } from '../../pipeline/connectivity.js';
import { runLiveConnectivity } from '../../pipeline/live.js';
import {
  CONNECTIVITY_FORMATS,
  renderConnectivityCsv,
  renderConnectivityDot,
  renderConnectivityJson,
  renderConnectivityMd,
  renderConnectivityMermaid,
  renderConnectivityTxt,
} from '../../report/connectivity.js';
import { renderExplanationsJson, renderExplanationTxt } from '../../report/explain.js';
import { addCommonOptions, CommonOptions, parseOptions, readSettingsFrom } from '../common.js';
import { addClusterOptions, ClusterOptions, liveSourceFrom } from '../cluster-options.js';
import type { CliContext } from '../context.js';
import { emit, exitCodeFor, printDiagnostics, progress } from '../output.js';

const Options = CommonOptions.extend(ClusterOptions.shape).extend({
  explain: z.array(z.string()).length(2, { error: 'takes two peers: SRC DST' }).optional(),
  format: z.enum(CONNECTIVITY_FORMATS, { error: (i) => `expected one of ${CONNECTIVITY_FORMATS.join(', ')}, got ${JSON.stringify(i.input)}` }).default('txt'),
});

export function connectivityCommand(ctx: CliContext, done: (code: number) => void): Command {
  const cmd = new Command('connectivity')
    .description('the effective connectivity of the workloads and policies found under the paths')
    .argument('[path...]', 'manifest files or folders (scanned recursively); none with --cluster')
    .option('-f, --format <format>', `output format: ${CONNECTIVITY_FORMATS.join('|')}`, 'txt')
    .option('--explain <peer...>', 'explain one pair: SRC DST (ns/name[Kind], ns/name, an IP address, or {ingress-controller})');
  addClusterOptions(cmd);
  addCommonOptions(cmd).action((paths: string[], raw: unknown) => done(connectivity(ctx, paths, parseOptions(Options, raw))));
  return cmd;
}

function connectivity(ctx: CliContext, paths: string[], opts: z.infer<typeof Options>): number {
  const say = progress(ctx, opts);
  say(`reading and evaluating ${paths.length} path(s)…`);
  const settings = readSettingsFrom(ctx, opts);
  const live = liveSourceFrom(opts);
  if (live && paths.length > 0) throw new ConfigError('--cluster reads the cluster, not paths: give one or the other');
  if (!live && paths.length === 0) throw new ConfigError('connectivity takes manifest paths, or --cluster');
  if (live && opts.explain) throw new ConfigError('--explain reads manifests; it does not combine with --cluster');
  if (opts.explain) {
    const [src, dst] = opts.explain as [string, string];
    const r = runExplain(ctx.io, paths, settings, src, dst);
    say('');
    emit(ctx, opts.format === 'json' ? renderExplanationsJson(r.explanations) : r.explanations.map(renderExplanationTxt).join('\n'), opts.output);
    printDiagnostics(ctx, r.diagnostics, opts);
    return exitCodeFor(r.diagnostics);
  }
  const r = live ? runLiveConnectivity(ctx.io, live, settings) : runConnectivity(ctx.io, paths, settings);
  say('');
  const c = r.connectivity;
  const render: Record<(typeof CONNECTIVITY_FORMATS)[number], () => string> = {
    txt: () => renderConnectivityTxt(c),
    json: () => renderConnectivityJson(c),
    csv: () => renderConnectivityCsv(c),
    md: () => renderConnectivityMd(c),
    dot: () => renderConnectivityDot(c),
    mermaid: () => renderConnectivityMermaid(c),
    svg: () => ctx.io.dotToSvg(renderConnectivityDot(c)),
  };
  emit(ctx, render[opts.format](), opts.output);
  printDiagnostics(ctx, r.diagnostics, opts);
  return exitCodeFor(r.diagnostics);
}
