// Typed errors that mean "exit 2 with a one-line reason". Anything else that
// reaches run() is a bug in tvly-guard and is reported as such.

/** Base class: the message is the one line the user sees. Never put a key in it. */
export class GuardError extends Error {
  override readonly name: string = "GuardError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Bad command line: unknown flag, missing argument, bad value. */
export class UsageError extends GuardError {
  override readonly name = "UsageError";
}

/** A path, file or stream that cannot be read. */
export class InputError extends GuardError {
  override readonly name = "InputError";
}

/** git failed or the repository cannot give what was asked (shallow, missing base). */
export class GitError extends GuardError {
  override readonly name = "GitError";
}

/** Config, rule or baseline file that is not valid. */
export class ConfigError extends GuardError {
  override readonly name = "ConfigError";
}

/** Exit codes, as documented in --help and the README. */
export const ExitCode = { clean: 0, findings: 1, error: 2 } as const;
