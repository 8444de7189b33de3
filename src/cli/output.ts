import { compareDiagnostics, formatDiagnostic, uniqueDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ExitCode } from '../diagnostics/errors.js';
import type { CliContext } from './context.js';

export interface OutputOptions {
  readonly verbose?: boolean;
  readonly quiet?: boolean;
}

/**
 * Diagnostics go to stderr, sorted: errors and warnings always (warnings not with --quiet), info
 * with --verbose. A line is printed once: a file read twice (a rule file inside a scanned folder,
 * read as rules and as a manifest) says its problem once.
 */
export function printDiagnostics(ctx: CliContext, diagnostics: readonly Diagnostic[], opts: OutputOptions): void {
  const shown = uniqueDiagnostics(diagnostics)
    .filter((d) => d.severity === 'error' || (d.severity === 'warning' && !opts.quiet) || (d.severity === 'info' && opts.verbose))
    .sort(compareDiagnostics);
  for (const d of shown) ctx.stderr(`${formatDiagnostic(d)}\n`);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Writes a report rendered in pieces to a file (`-o FILE`) or stdout, piece by piece: it is never one string. */
export function emitChunks(ctx: CliContext, chunks: Iterable<string>, file: string | undefined): void {
  if (file && file !== '-') ctx.io.writeFiles(new Map([[file, { chunks }]]));
  else for (const chunk of chunks) ctx.stdout(chunk);
}

/** Writes the report to a file (`-o FILE`) or stdout. */
export function emit(ctx: CliContext, text: string, file: string | undefined): void {
  if (file && file !== '-') ctx.io.writeFiles(new Map([[file, text]]));
  else ctx.stdout(text);
}

/** The one place outcomes become exit codes: 2 when the input had errors, else 1 when the command found something, else 0. */
export function exitCodeFor(diagnostics: readonly Diagnostic[], findings = false): number {
  if (hasErrors(diagnostics)) return ExitCode.badInput;
  return findings ? ExitCode.findings : ExitCode.ok;
}

/** Progress on stderr, only when stderr is a terminal and not in CI or --quiet. */
export function progress(ctx: CliContext, opts: OutputOptions): (message: string) => void {
  const enabled = ctx.interactive && !opts.quiet && !ctx.env.CI;
  if (!enabled) return () => {};
  return (message: string) => ctx.stderr(`\r\u001b[2K${message}`);
}
