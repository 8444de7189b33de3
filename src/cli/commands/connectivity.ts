import { Command } from 'commander';
import { z } from 'zod';
import { ConfigError } from '../../diagnostics/errors.js';
import { runConnectivity, runExplain } from '../../pipeline/connectivity.js';
import { runLiveConnectivity } from '../../pipeline/live.js';
import {
  CONNECTIVITY_FORMATS,
  connectivityCsvChunks,
  connectivityJsonChunks,
  connectivityTxtChunks,
  renderConnectivityDot,
  renderConnectivityJson,
  renderConnectivityMd,
  renderConnectivityMermaid,
} from '../../report/connectivity.js';
import { renderExplanationsJson, renderExplanationTxt } from '../../report/explain.js';
import { exposureJson, renderExposureMd, renderExposureTxt } from '../../report/exposure.js';
import { renderConnectivityTree } from '../../report/tree.js';
import { addCommonOptions, CommonOptions, execLimits, parseOptions, readSettingsFrom } from '../common.js';
import { addClusterOptions, ClusterOptions, liveSourceFrom } from '../cluster-options.js';
import { ingressControllerPlace, labelList } from '../label-options.js';
import type { CliContext } from '../context.js';
import { emit, emitChunks, exitCodeFor, printDiagnostics, progress } from '../output.js';

const Options = CommonOptions.extend(ClusterOptions.shape).extend({
  explain: z.array(z.string()).length(2, { error: 'takes two peers: SRC DST' }).optional(),
  exposure: z.boolean().default(false),
  format: z.enum(CONNECTIVITY_FORMATS, { error: (i) => `expected one of ${CONNECTIVITY_FORMATS.join(', ')}, got ${JSON.stringify(i.input)}` }).default('txt'),
  ingressController: labelList.optional(),
});

export function connectivityCommand(ctx: CliContext, done: (code: number) => void): Command {
  const cmd = new Command('connectivity')
    .description('the effective connectivity of the workloads and policies found under the paths')
    .argument('[path...]', 'manifest files or folders (scanned recursively); none with --cluster')
    .option('-f, --format <format>', `output format: ${CONNECTIVITY_FORMATS.join('|')}`, 'txt')
    .option('--exposure', 'also list who reaches, or is reached from, peers outside the manifests: any namespace (entire-cluster), pods rules could match, any address (txt, json, md)')
    .option('--explain <peer...>', 'explain one pair: SRC DST (ns/name[Kind], ns/name, an IP address, or {ingress-controller})')
    .option('--ingress-controller <selector>', 'where the ingress controller runs, e.g. namespace=ingress-nginx,app.kubernetes.io/name=ingress-nginx: {ingress-controller} is evaluated as a pod there (default: a namespace of its own)');
  addClusterOptions(cmd);
  addCommonOptions(cmd).action((paths: string[], raw: unknown) => done(connectivity(ctx, paths, parseOptions(Options, raw))));
  return cmd;
}

function connectivity(ctx: CliContext, paths: string[], opts: z.infer<typeof Options>): number {
  const say = progress(ctx, opts);
  say(`reading and evaluating ${paths.length} path(s)…`);
  // where the controller runs, as synthesize wrote its rules for it (drift-options.ts)
  const settings = { ...readSettingsFrom(ctx, opts), ...ingressControllerPlace(opts.ingressController) };
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
  if (live && opts.exposure) throw new ConfigError('--exposure is computed from manifest paths, not with --cluster');
  if (opts.exposure && !['txt', 'json', 'md'].includes(opts.format)) throw new ConfigError(`--exposure works with --format txt, json or md, not ${opts.format}`);
  if (opts.format === 'png' && !(opts.output && opts.output !== '-') && !ctx.stdoutBytes) throw new ConfigError('--format png needs -o FILE');
  const r = live ? runLiveConnectivity(ctx.io, live, settings) : runConnectivity(ctx.io, paths, settings, { exposure: opts.exposure });
  say('');
  const c = r.connectivity;
  const x = 'exposure' in r ? r.exposure : undefined;
  // txt, json and csv are written in pieces as they are rendered (a large cluster's report is never one string)
  const render: Record<Exclude<(typeof CONNECTIVITY_FORMATS)[number], 'png'>, () => string | Iterable<string>> = {
    txt: () => (x ? followedBy(connectivityTxtChunks(c), () => renderExposureTxt(x)) : connectivityTxtChunks(c)),
    json: () => (x ? `${JSON.stringify({ connections: JSON.parse(renderConnectivityJson(c)) as unknown, exposure: exposureJson(x) }, null, 2)}\n` : connectivityJsonChunks(c)),
    csv: () => connectivityCsvChunks(c),
    md: () => renderConnectivityMd(c) + (x ? `\n${renderExposureMd(x)}` : ''),
    dot: () => renderConnectivityDot(c),
    mermaid: () => renderConnectivityMermaid(c),
    svg: () => ctx.io.dotToSvg(renderConnectivityDot(c), execLimits(settings)),
    tree: () => renderConnectivityTree(c, { color: !opts.output && ctx.stdoutTerminal === true && !ctx.env.NO_COLOR }),
  };
  if (opts.format === 'png') {
    const png = ctx.io.dotToPng(renderConnectivityDot(c), execLimits(settings));
    if (opts.output && opts.output !== '-') ctx.io.writeFiles(new Map([[opts.output, png]]));
    else ctx.stdoutBytes?.(png);
  } else {
    const out = render[opts.format]();
    if (typeof out === 'string') emit(ctx, out, opts.output);
    else emitChunks(ctx, out, opts.output);
  }
  printDiagnostics(ctx, r.diagnostics, opts);
  return exitCodeFor(r.diagnostics);
}

/** The pieces, then one more rendered only when they are written. */
function* followedBy(pieces: Iterable<string>, last: () => string): Generator<string> {
  yield* pieces;
  yield last();
}
