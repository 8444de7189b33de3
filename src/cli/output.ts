import { writeFileSync } from 'node:fs';
import { compareDiagnostics, formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { ConfigError, ExitCode } from './errors.js';

export interface OutputOptions {
  readonly verbose?: boolean;
  readonly quiet?: boolean;
}

/** Diagnostics go to stderr, sorted: errors and warnings always (warnings not with --quiet), info with --verbose. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], opts: OutputOptions): void {
  const shown = [...diagnostics]
    .filter((d) => d.severity === 'error' || (d.severity === 'warning' && !opts.quiet) || (d.severity === 'info' && opts.verbose))
    .sort(compareDiagnostics);
  for (const d of shown) process.stderr.write(`${formatDiagnostic(d)}\n`);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Writes the report to a file or stdout. */
export function emit(text: string, file: string | undefined): void {
  if (file && file !== '-') {
    try {
      writeFileSync(file, text);
    } catch (e) {
      throw new ConfigError(`-o ${file}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  } else process.stdout.write(text);
}

/** 2 when the input had errors, else 1 when the command found something, else 0. */
export function exitCodeFor(diagnostics: readonly Diagnostic[], findings = false): number {
  if (hasErrors(diagnostics)) return ExitCode.badInput;
  return findings ? ExitCode.findings : ExitCode.ok;
}

/** Progress on stderr, only when stderr is a terminal and not in CI or --quiet. */
export function progress(opts: OutputOptions): (message: string) => void {
  const enabled = Boolean(process.stderr.isTTY) && !opts.quiet && !process.env.CI;
  if (!enabled) return () => {};
  return (message: string) => process.stderr.write(`\r\u001b[2K${message}`);
}
