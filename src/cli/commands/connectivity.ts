import { Command } from 'commander';
import { z } from 'zod';
import { analyzeConnectivity } from '../../connectivity/engine.js';
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
  format: z.enum(CONNECTIVITY_FORMATS, { error: (i) => `expected one of ${CONNECTIVITY_FORMATS.join(', ')}, got ${JSON.stringify(i.input)}` }).default('txt'),
});

export function connectivityCommand(): Command {
  const cmd = new Command('connectivity')
    .description('the effective connectivity of the workloads and policies found under the paths')
    .argument('<path...>', 'manifest files or folders (scanned recursively)')
    .option('-f, --format <format>', `output format: ${CONNECTIVITY_FORMATS.join('|')}`, 'txt');
  addCommonOptions(cmd).action((paths: string[], raw: unknown) => {
    const opts = parseOptions(Options, raw);
    const say = progress(opts);
    say(`reading ${paths.length} path(s)…`);
    const { load, diagnostics } = loadPaths(paths, opts.maxFileSize);
    say(`evaluating ${load.cluster.workloads.length} workloads…`);
    const result = analyzeConnectivity(load.cluster, { ipFamilies: ipFamilies(opts.ipFamily) });
    say('');
    const all = [...diagnostics, ...result.diagnostics];
    const c = result.value;
    const text =
      opts.format === 'txt'
        ? renderConnectivityTxt(c)
        : opts.format === 'json'
          ? renderConnectivityJson(c)
          : opts.format === 'csv'
            ? renderConnectivityCsv(c)
            : opts.format === 'md'
              ? renderConnectivityMd(c)
              : opts.format === 'dot'
                ? renderConnectivityDot(c)
                : opts.format === 'mermaid'
                  ? renderConnectivityMermaid(c)
                  : dotToSvg(renderConnectivityDot(c));
    emit(text, opts.output);
    printDiagnostics(all, opts);
    process.exitCode = exitCodeFor(all);
  });
  return cmd;
}
