import { ExecuterError, type ExecuterErrorOptions } from './executer-error.js';

export interface ConfigErrorDetails extends ExecuterErrorOptions {
  /** The file the value came from, when it came from one. */
  file?: string;
  /** Dotted path of the offending key, e.g. "execution.timeout". */
  path: string;
  /** The value that was given. */
  value?: unknown;
  /** What is allowed instead, in words. */
  allowed?: string;
}

/** A configuration file, option or environment variable holds something invalid. */
export class ConfigError extends ExecuterError {
  override readonly name = 'ConfigError';
  readonly file: string | undefined;
  readonly path: string;
  readonly value: unknown;
  readonly allowed: string | undefined;

  constructor(message: string, details: ConfigErrorDetails) {
    super('CONFIG_INVALID', ConfigError.compose(message, details), {
      ...details,
      hint: details.hint ?? (details.allowed ? `Use ${details.allowed}.` : undefined),
    });
    this.file = details.file;
    this.path = details.path;
    this.value = details.value;
    this.allowed = details.allowed;
  }

  private static compose(message: string, details: ConfigErrorDetails): string {
    const where = details.file ? `${details.file}: ` : '';
    const value = 'value' in details ? ` (got ${describeValue(details.value)})` : '';
    const allowed = details.allowed ? `; allowed: ${details.allowed}` : '';
    return `${where}${details.path}: ${message}${value}${allowed}`;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), file: this.file, path: this.path, value: this.value, allowed: this.allowed };
  }
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return String(value);
  }
}
