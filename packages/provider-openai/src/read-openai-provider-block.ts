import { ConfigError } from '@executer/core';

/** The `providers.<name>` settings this package understands, checked. */
export interface OpenAIProviderBlock {
  baseUrl?: string;
  model?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** OpenRouter attribution: your app's URL (HTTP-Referer) and name (X-Title). */
  appUrl?: string;
  appName?: string;
}

/** Reads and checks `providers.<name>` from config.json: base_url, model, headers, timeout_ms, app_url, app_name. */
export function readOpenAIProviderBlock(
  name: string,
  block: Record<string, unknown> | undefined,
): OpenAIProviderBlock {
  if (!block) return {};
  const text = (key: string): string | undefined => {
    const value = block[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      throw new ConfigError('must be a non-empty string', {
        path: `providers.${name}.${key}`,
        value,
        allowed: 'a non-empty string',
      });
    }
    return value.trim();
  };
  const headers = block.headers;
  if (
    headers !== undefined &&
    (typeof headers !== 'object' ||
      headers === null ||
      Object.values(headers).some((value) => typeof value !== 'string'))
  ) {
    throw new ConfigError('must be an object of header names to strings', {
      path: `providers.${name}.headers`,
      value: headers,
      allowed: 'an object such as {"X-Proxy-Team": "data"}',
    });
  }
  const timeout = block.timeout_ms;
  if (timeout !== undefined && (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout <= 0)) {
    throw new ConfigError('must be a whole number of milliseconds above 0', {
      path: `providers.${name}.timeout_ms`,
      value: timeout,
      allowed: 'e.g. 120000',
    });
  }
  const baseUrl = text('base_url');
  if (baseUrl !== undefined && !URL.canParse(baseUrl)) {
    throw new ConfigError('is not a URL', {
      path: `providers.${name}.base_url`,
      value: baseUrl,
      allowed: 'an http(s) URL such as http://127.0.0.1:11434/v1',
    });
  }
  const model = text('model');
  const appUrl = text('app_url');
  const appName = text('app_name');
  return {
    ...(baseUrl !== undefined ? { baseUrl } : {}),
    ...(model !== undefined ? { model } : {}),
    ...(headers !== undefined ? { headers: headers as Record<string, string> } : {}),
    ...(timeout !== undefined ? { timeoutMs: timeout as number } : {}),
    ...(appUrl !== undefined ? { appUrl } : {}),
    ...(appName !== undefined ? { appName } : {}),
  };
}
