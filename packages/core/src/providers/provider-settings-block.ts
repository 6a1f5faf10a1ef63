import { ConfigError } from '../errors/config-error.js';

/**
 * A provider's `providers.<name>` block of config.json, read one setting at a time: each reader
 * checks its value and throws a ConfigError naming `providers.<name>.<key>`, and reads nothing
 * else, so a setting that module options override is never looked at.
 */
export class ProviderSettingsBlock {
  readonly #name: string;
  readonly #block: Record<string, unknown>;

  constructor(name: string, block: Record<string, unknown> | undefined) {
    this.#name = name;
    this.#block = block ?? {};
  }

  /** A non-empty string setting, trimmed; undefined when absent. */
  text(key: string): string | undefined {
    const value = this.#block[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      throw new ConfigError('must be a non-empty string', {
        path: this.#path(key),
        value,
        allowed: 'a non-empty string',
      });
    }
    return value.trim();
  }

  /** `headers`: an object of header names to strings. */
  headers(): Record<string, string> | undefined {
    const headers = this.#block.headers;
    if (
      headers !== undefined &&
      (typeof headers !== 'object' ||
        headers === null ||
        Object.values(headers).some((value) => typeof value !== 'string'))
    ) {
      throw new ConfigError('must be an object of header names to strings', {
        path: this.#path('headers'),
        value: headers,
        allowed: 'an object such as {"X-Proxy-Team": "data"}',
      });
    }
    return headers as Record<string, string> | undefined;
  }

  /** `timeout_ms`: a whole number of milliseconds above 0. */
  timeoutMs(): number | undefined {
    const timeout = this.#block.timeout_ms;
    if (
      timeout !== undefined &&
      (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout <= 0)
    ) {
      throw new ConfigError('must be a whole number of milliseconds above 0', {
        path: this.#path('timeout_ms'),
        value: timeout,
        allowed: 'e.g. 120000',
      });
    }
    return timeout as number | undefined;
  }

  #path(key: string): string {
    return `providers.${this.#name}.${key}`;
  }
}
