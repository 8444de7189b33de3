/** Bad flags or bad usage: reported as a configuration error with exit code 2, never as a crash. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export const ExitCode = { ok: 0, findings: 1, badInput: 2 } as const;
