/** Exit codes: 0 ok, 1 failure, 2 bad usage or bad input, 130 interrupted. */
export const ExitCode = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;

/** A user's mistake: printed as a message (never a stack trace), exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.usage,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The user interrupted a command (Ctrl-C, SIGTERM): nothing was written. */
export class Interrupted extends UsageError {
  constructor(message: string) {
    super(message, ExitCode.interrupted);
    this.name = 'Interrupted';
  }
}
