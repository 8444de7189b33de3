import { Command } from 'commander';
import { z } from 'zod';
import { ConfigError } from '../../diagnostics/errors.js';
import { runCheck, type CheckOutcome, type CheckRequest } from '../../pipeline/check.js';
import { DEFAULT_MAX_BYTES } from '../../report/check/budget.js';
import { renderCheckJson } from '../../report/check/json.js';
import { renderCheckMd } from '../../report/check/md.js';
import { renderCheckTxt } from '../../report/check/txt.js';
import { addCommonOptions, CommonOptions, parseOptions, readSettingsFrom } from '../common.js';
import type { CliContext } from '../context.js';
import { emit, exitCodeFor, printDiagnostics, progress } from '../output.js';

export const CHECK_FORMATS = ['md', 'txt', 'json'] as const;
/** What `--fail-on` can name: each makes the check exit 1 when the PR has one. */
export const FAIL_ON = ['diff', 'broken', 'gaps'] as const;
export type FailOn = (typeof FAIL_ON)[number];

const Options = CommonOptions.extend({
  format: z.enum(CHECK_FORMATS, { error: (i) => `expected one of ${CHECK_FORMATS.join(', ')}, got ${JSON.stringify(i.input)}` }).default('md'),
  repo: z.string().optional(),
  base: z.string({ error: 'is required' }).min(1),
  head: z.string({ error: 'is required' }).min(1),
  failOn: z
    .string()
    .default('')
    .transform((s, ctx) => {
      const items = s.split(',').map((x) => x.trim()).filter(Boolean);
      for (const x of items) if (!(FAIL_ON as readonly string[]).includes(x)) ctx.addIssue({ code: 'custom', message: `expected a comma-separated list of ${FAIL_ON.join(', ')}, got ${JSON.stringify(x)}` });
      return [...new Set(items)] as FailOn[];
    }),
  maxBytes: z.coerce.number().int().min(1024, { error: 'must be at least 1024' }).default(DEFAULT_MAX_BYTES),
  blobBase: z
    .string()
    .regex(/^https?:\/\/[^\s()<>]+$/, { error: 'expected a URL such as https://github.com/OWNER/REPO' })
    .optional(),
});

/** Whether the outcome has something `--fail-on` names: a connectivity change, a needed link the PR breaks, a gap the PR adds. */
export function failsOn(o: CheckOutcome, failOn: readonly FailOn[]): boolean {
  return failOn.some((f) => (f === 'diff' ? o.diff.entries.length > 0 : f === 'broken' ? o.broken.length > 0 : o.gaps.some((g) => g.introduced)));
}

export function checkCommand(ctx: CliContext, done: (code: number) => void): Command {
  const cmd = new Command('check')
    .description('the PR check: connectivity diff grouped by cause, needed links the PR breaks, gaps, as the Markdown a reviewer reads')
    .argument('[paths...]', 'with --repo: paths inside the repository (default: all of it)')
    .requiredOption('--base <ref|path>', 'the PR base: a folder, or a git ref with --repo')
    .requiredOption('--head <ref|path>', 'the PR head: a folder, or a git ref with --repo')
    .option('--repo <dir>', 'a git repository: --base and --head are refs, read without touching the working tree')
    .option('-f, --format <format>', `output format: ${CHECK_FORMATS.join('|')}`, 'md')
    .option('--fail-on <list>', `exit 1 when the PR has any of: ${FAIL_ON.join(',')} (default: only input errors fail, with 2)`)
    .option('--max-bytes <n>', `budget of the Markdown body in UTF-8 bytes (default ${DEFAULT_MAX_BYTES}; GitHub refuses bodies over 65,536 characters)`)
    .option('--blob-base <url>', 'https://github.com/OWNER/REPO: file references link to <url>/blob/<sha>/<path>#L<n> (with --repo)');
  addCommonOptions(cmd).action((paths: string[], raw: unknown) => done(check(ctx, paths, parseOptions(Options, raw))));
  return cmd;
}

function requestFrom(paths: string[], opts: z.infer<typeof Options>): CheckRequest {
  if (opts.repo !== undefined) return { kind: 'repo', repo: opts.repo, base: opts.base, head: opts.head, paths };
  if (paths.length > 0) throw new ConfigError('paths after the options go with --repo; without it, --base and --head are the two folders');
  return { kind: 'paths', base: opts.base, head: opts.head };
}

function check(ctx: CliContext, paths: string[], opts: z.infer<typeof Options>): number {
  const say = progress(ctx, opts);
  const request = requestFrom(paths, opts);
  say('checking base and head…');
  const o = runCheck(ctx.io, request, readSettingsFrom(ctx, opts));
  say('');
  const text =
    opts.format === 'md'
      ? renderCheckMd(o, { maxBytes: opts.maxBytes, ...(opts.blobBase ? { blobBase: opts.blobBase } : {}) })
      : opts.format === 'json'
        ? renderCheckJson(o)
        : renderCheckTxt(o);
  emit(ctx, text, opts.output);
  printDiagnostics(ctx, o.diagnostics, opts);
  // bad input in head (the PR's files) exits 2; base's problems are printed but are not the PR's
  return exitCodeFor(o.headDiagnostics, failsOn(o, opts.failOn));
}
