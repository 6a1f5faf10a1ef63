export interface ExecuterErrorOptions {
  cause?: unknown;
  /** One line telling the user what to do about it. */
  hint?: string;
}

/**
 * The base of every error Executer throws. `code` is stable across versions (match on it, not on
 * the message); `hint` says how to fix it; subclasses add structured fields.
 */
export class ExecuterError extends Error {
  override readonly name: string = 'ExecuterError';
  readonly code: string;
  readonly hint: string | undefined;

  constructor(code: string, message: string, options: ExecuterErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
  }

  /** Whether trying the same thing again may succeed. */
  get isRetryable(): boolean {
    return false;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message, hint: this.hint };
  }
}

export function isExecuterError(error: unknown): error is ExecuterError {
  return error instanceof ExecuterError;
}
