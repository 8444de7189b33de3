import { Command } from 'commander';
import { z } from 'zod';
import { renderScanJson, renderScanMd, renderScanTxt, renderScanYaml, SCAN_FORMATS } from '../../report/scan.js';
import { scanTopology } from '../../topology/scan.js';
import { addCommonOptions, CommonOptions, loadPaths, parseOptions } from '../common.js';
import { emit, exitCodeFor, printDiagnostics, progress } from '../output.js';

const Options = CommonOptions.extend({
  format: z.enum(SCAN_FORMATS, { error: (i) => `expected one of ${SCAN_FORMATS.join(', ')}, got ${JSON.stringify(i.input)}` }).default('txt'),
});

export function scanCommand(): Command {
  const cmd = new Command('scan')
    .description('the connections the application needs, read from its manifests, each with its provenance')
    .argument('<path...>', 'manifest files or folders (scanned recursively)')
    .option('-f, --format <format>', `output format: ${SCAN_FORMATS.join('|')}`, 'txt');
  addCommonOptions(cmd).action((paths: string[], raw: unknown) => {
    const opts = parseOptions(Options, raw);
    const say = progress(opts);
    say('reading manifests…');
    const { load, diagnostics, values } = loadPaths(paths, opts);
    say('scanning…');
    const result = scanTopology(load.cluster, { values });
    say('');
    const t = result.value;
    const render = { json: renderScanJson, yaml: renderScanYaml, txt: renderScanTxt, md: renderScanMd }[opts.format];
    emit(render(t), opts.output);
    const all = [...diagnostics, ...result.diagnostics];
    printDiagnostics(all, opts);
    process.exitCode = exitCodeFor(all);
  });
  return cmd;
}
