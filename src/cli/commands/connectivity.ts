import { Command } from 'commander';
import { z } from 'zod';
import { analyzeConnectivity, PolicyEngine, type Peer } from '../../connectivity/engine.js';
import { explainPair, type PairExplanation } from '../../connectivity/explain.js';
import { formatRange, parseCidr } from '../../connectivity/ip.js';
import type { WorkloadRef } from '../../manifests/cluster.js';
import { renderExplanationsJson, renderExplanationTxt } from '../../report/explain.js';
import { ConfigError } from '../errors.js';
import {
  CONNECTIVITY_FORMATS,
  renderConnectivityCsv,
  renderConnectivityDot,
  renderConnectivityJson,
  renderConnectivityMd,
  renderConnectivityMermaid,
  renderConnectivityTxt,
} from '../../report/connectivity.js';
import { addCommonOptions, CommonOptions, dotToSvg, ipFamilies, loadPaths, parseOptions } from '../common.js';
import { emit, exitCodeFor, printDiagnostics, progress } from '../output.js';

const Options = CommonOptions.extend({
  explain: z.array(z.string()).length(2, { error: 'takes two peers: SRC DST' }).optional(),
  format: z.enum(CONNECTIVITY_FORMATS, { error: (i) => `expected one of ${CONNECTIVITY_FORMATS.join(', ')}, got ${JSON.stringify(i.input)}` }).default('txt'),
});

export function connectivityCommand(): Command {
  const cmd = new Command('connectivity')
    .description('the effective connectivity of the workloads and policies found under the paths')
    .argument('<path...>', 'manifest files or folders (scanned recursively)')
    .option('-f, --format <format>', `output format: ${CONNECTIVITY_FORMATS.join('|')}`, 'txt')
    .option('--explain <peer...>', 'explain one pair: SRC DST (ns/name[Kind], ns/name, an IP address, or {ingress-controller})');
  addCommonOptions(cmd).action((paths: string[], raw: unknown) => {
    const opts = parseOptions(Options, raw);
    const say = progress(opts);
    say(`reading ${paths.length} path(s)…`);
    const { load, diagnostics } = loadPaths(paths, opts);
    say(`evaluating ${load.cluster.workloads.length} workloads…`);
    if (opts.explain) {
      const engine = new PolicyEngine(load.cluster, { ipFamilies: ipFamilies(opts.ipFamily) });
      const [src, dst] = opts.explain.map((p) => parsePeer(p, load.cluster.workloads.map((w) => w.ref))) as [Peer, Peer];
      if (src.kind === 'external' && dst.kind === 'external') throw new ConfigError('--explain: one of SRC and DST must be a workload or {ingress-controller}');
      for (const p of [src, dst]) {
        if (p.kind === 'external' && !engine.families.includes(p.range.family)) {
          throw new ConfigError(`--explain: ${formatRange(p.range)} is IPv${p.range.family}, outside the analysed address space (use --ip-family ${p.range.family === 6 ? 'dual' : '4'})`);
        }
      }
      // an address range may cover addresses with different answers: explain each part separately
      const parts = (p: Peer): Peer[] => (p.kind === 'external' ? engine.atomsWithin(p.range).map((range) => ({ kind: 'external', range }) as Peer) : [p]);
      const xs = parts(src).flatMap((s) => parts(dst).map((d) => explainPair(engine, s, d)));
      if (xs.some((x) => !x)) throw new ConfigError(`cannot explain ${opts.explain.join(' -> ')}`);
      const explained = xs as PairExplanation[];
      say('');
      emit(opts.format === 'json' ? renderExplanationsJson(explained) : explained.map(renderExplanationTxt).join('\n'), opts.output);
      const all = [...diagnostics, ...engine.diagnostics];
      printDiagnostics(all, opts);
      process.exitCode = exitCodeFor(all);
      return;
    }
    const result = analyzeConnectivity(load.cluster, { ipFamilies: ipFamilies(opts.ipFamily) });
    say('');
    const all = [...diagnostics, ...result.diagnostics];
    const c = result.value;
    const render: Record<(typeof CONNECTIVITY_FORMATS)[number], () => string> = {
      txt: () => renderConnectivityTxt(c),
      json: () => renderConnectivityJson(c),
      csv: () => renderConnectivityCsv(c),
      md: () => renderConnectivityMd(c),
      dot: () => renderConnectivityDot(c),
      mermaid: () => renderConnectivityMermaid(c),
      svg: () => dotToSvg(renderConnectivityDot(c)),
    };
    const text = render[opts.format]();
    emit(text, opts.output);
    printDiagnostics(all, opts);
    process.exitCode = exitCodeFor(all);
  });
  return cmd;
}

/** `ns/name[Kind]`, `ns/name` (when unique), an IP address or CIDR, or `{ingress-controller}`. */
export function parsePeer(text: string, workloads: readonly WorkloadRef[]): Peer {
  if (text === '{ingress-controller}' || text === 'ingress-controller') return { kind: 'ingress-controller' };
  const bare = text.replace(/\[External\]$/, '');
  const range = parseCidr(bare);
  if (range) return { kind: 'external', range };
  if (/^[0-9.]+(\/\d+)?$/.test(bare) || (bare.includes(':') && /^[0-9a-f:.]+(\/\d+)?$/i.test(bare))) throw new ConfigError(`--explain: ${JSON.stringify(text)} is not a valid address or CIDR`);
  const m = /^([^/]+)\/([^[]+)(?:\[([A-Za-z]+)\])?$/.exec(text);
  if (!m) throw new ConfigError(`--explain: ${JSON.stringify(text)} is not ns/name[Kind], an IP address or {ingress-controller}`);
  const [, ns, name, kind] = m;
  const found = workloads.filter((w) => w.namespace === ns && w.name === name && (!kind || w.kind === kind));
  if (found.length === 0) throw new ConfigError(`--explain: no workload ${text}`);
  if (found.length > 1) throw new ConfigError(`--explain: ${text} is ambiguous: ${found.map((w) => `${w.namespace}/${w.name}[${w.kind}]`).join(', ')}`);
  return { kind: 'workload', ref: found[0] as WorkloadRef };
}
