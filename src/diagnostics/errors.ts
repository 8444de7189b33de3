/** Bad flags or bad usage: reported as a configuration error with exit code 2, never as a crash. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Exit codes (DESIGN.md): 0 ok; 1 the command found something (drift, a violated rule, a
 * non-empty diff with --exit-code); 2 bad input or usage; 3 an internal error (a bug in
 * netpol-ci, printed with its stack so that it can be reported).
 */
export const ExitCode = { ok: 0, findings: 1, badInput: 2, internal: 3 } as const;
