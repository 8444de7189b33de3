import { rmSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { z } from 'zod';
import { diffConnectivity } from '../../connectivity/diff.js';
import { PolicyEngine } from '../../connectivity/engine.js';
import { explainDiff } from '../../connectivity/explain.js';
import type { Diagnostic } from '../../diagnostics.js';
import { ParseCache } from '../../manifests/documents.js';
import { loadManifests } from '../../manifests/load.js';
import { DIFF_FORMATS, renderDiffCsv, renderDiffJson, renderDiffMd, renderDiffMermaid, renderDiffTxt, type DiffReport } from '../../report/diff.js';
import { addCommonOptions, CommonOptions, ipFamilies, parseOptions, renderOptionsFrom } from '../common.js';
import { ConfigError } from '../errors.js';
import { exportTree, pathExists, repoTop } from '../git.js';
import { readManifestFiles, type PathMapping } from '../inputs.js';
import { emit, exitCodeFor, printDiagnostics, progress } from '../output.js';

const Options = CommonOptions.extend({
  format: z.enum(DIFF_FORMATS, { error: (i) => `expected one of ${DIFF_FORMATS.join(', ')}, got ${JSON.stringify(i.input)}` }).default('txt'),
  exitCode: z.boolean().default(false),
  repo: z.string().optional(),
  base: z.string().optional(),
  head: z.string().optional(),
});

interface Side {
  readonly label: string;
  readonly engine: PolicyEngine;
  readonly diagnostics: Diagnostic[];
}

/** Loads one side from folders/files; `paths` maps a temporary tree back to the names the user knows. */
function loadSide(label: string, inputs: readonly string[], opts: z.infer<typeof Options>, cache: ParseCache, paths?: PathMapping): Side {
  const read = readManifestFiles(inputs, { maxFileBytes: opts.maxFileSize, render: renderOptionsFrom(opts), ...(paths ? { paths } : {}) });
  const load = loadManifests(read.files, cache);
  const engine = new PolicyEngine(load.cluster, { ipFamilies: ipFamilies(opts.ipFamily) });
  return { label, engine, diagnostics: [...read.diagnostics, ...load.diagnostics, ...engine.diagnostics] };
}

export function diffCommand(): Command {
  const cmd = new Command('diff')
    .description('the semantic connectivity diff between two configurations (two folders, or two git refs with --repo)')
    .argument('[paths...]', '<old-path> <new-path>; with --repo, optional paths inside the repository')
    .option('-f, --format <format>', `output format: ${DIFF_FORMATS.join('|')}`, 'txt')
    .option('--repo <dir>', 'a git repository: diff --base against --head without touching the working tree')
    .option('--base <ref>', 'with --repo: the old ref (e.g. origin/main)')
    .option('--head <ref>', 'with --repo: the new ref (e.g. HEAD)')
    .option('--exit-code', 'exit 1 when the diff is not empty (like git diff --exit-code)');
  addCommonOptions(cmd).action((paths: string[], raw: unknown) => {
    const opts = parseOptions(Options, raw);
    const say = progress(opts);
    let before: Side;
    let after: Side;
    const temps: string[] = [];
    // documents both sides share are parsed and validated once
    const cache = new ParseCache();
    try {
      if (opts.repo !== undefined || opts.base !== undefined || opts.head !== undefined) {
        if (!opts.repo || !opts.base || !opts.head) throw new ConfigError('--repo, --base and --head go together');
        const repo = opts.repo;
        const top = repoTop(repo);
        const sub = paths.length > 0 ? paths : ['.'];
        for (const p of sub) {
          if (!pathExists(repo, opts.base, p) && !pathExists(repo, opts.head, p)) throw new ConfigError(`${p} exists neither at ${opts.base} nor at ${opts.head} (paths are relative to the repository root)`);
        }
        const side = (ref: string): Side => {
          say(`reading ${ref}…`);
          const dir = exportTree(repo, ref, sub);
          temps.push(dir);
          const rel = (abs: string) => path.relative(dir, abs).split(path.sep).join('/');
          return loadSide(ref, [dir], opts, cache, { display: (abs) => `${ref}:${rel(abs) || '.'}`, logical: (abs) => path.join(top, rel(abs)) });
        };
        before = side(opts.base);
        after = side(opts.head);
      } else {
        if (paths.length !== 2) throw new ConfigError('diff takes <old-path> <new-path>, or --repo DIR --base REF --head REF [path...]');
        before = loadSide(paths[0] as string, [paths[0] as string], opts, cache);
        after = loadSide(paths[1] as string, [paths[1] as string], opts, cache);
      }
    } finally {
      for (const t of temps) rmSync(t, { recursive: true, force: true });
    }
    say('comparing…');
    const diff = diffConnectivity(before.engine.connectivity(), after.engine.connectivity());
    const needsWhy = opts.format === 'md' || opts.format === 'json';
    const explanations = needsWhy ? explainDiff(before.engine, after.engine, diff) : undefined;
    say('');
    const report: DiffReport = { diff, refs: { before: before.label, after: after.label }, ...(explanations ? { explanations } : {}) };
    const render = { txt: renderDiffTxt, json: renderDiffJson, csv: renderDiffCsv, md: renderDiffMd, mermaid: (r: DiffReport) => renderDiffMermaid(r) };
    const text = render[opts.format](report);
    emit(text, opts.output);
    const all = [...before.diagnostics, ...after.diagnostics];
    printDiagnostics(all, opts);
    process.exitCode = exitCodeFor(all, opts.exitCode && diff.entries.length > 0);
  });
  return cmd;
}
