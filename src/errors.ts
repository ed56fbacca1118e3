// One error module. Domain code throws these; only src/cli/main.ts catches them and
// turns them into one line on stderr and a fixed exit code.

export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

export class FarleftError extends Error {
  readonly exitCode: number = EXIT.usage;
}

/** A command line that cannot be acted on (unknown option value, unknown license id...). */
export class UsageError extends FarleftError {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** `.farleft.yml` cannot be used: the message names the file and, when known, the key. */
export class ConfigError extends FarleftError {
  override readonly name = 'ConfigError';
  constructor(
    readonly file: string,
    readonly key: string | null,
    detail: string,
  ) {
    super(key ? `${file}: ${key}: ${detail}` : `${file}: ${detail}`);
  }
}

/** An input the user gave that cannot be used (missing root, a file where a folder was expected). */
export class InputError extends FarleftError {
  override readonly name = 'InputError';
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}`);
  }
}

/** A broken invariant inside farleft: exit 3 with a request to report it. */
export class InternalError extends FarleftError {
  override readonly name = 'InternalError';
  override readonly exitCode: number = EXIT.internal;
}
