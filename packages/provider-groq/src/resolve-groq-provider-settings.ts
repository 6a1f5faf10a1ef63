import { ConfigError, type ExecuterConfig, resolveApiKey } from '@executer/core';
import type { GroqProviderModuleOptions } from './groq-provider-module-options.js';
import type { GroqProviderSettings } from './groq-provider-settings.js';

export const groqProviderName = 'groq';
export const groqEnvironmentVariables: readonly string[] = ['GROQ_API_KEY'];
export const groqDefaultBaseUrl = 'https://api.groq.com';
/** A production model on Groq that writes good Python and takes a temperature. */
export const groqDefaultModel = 'llama-3.3-70b-versatile';

const defaultTimeoutMs = 120_000;

/**
 * Resolves the Groq provider's settings. Precedence: module options > --api-key / --base-url
 * (when groq is the selected provider) > GROQ_API_KEY > config.json (ai.api_key, providers.groq:
 * base_url, model, headers, timeout_ms) > defaults. A missing key throws MissingApiKeyError naming
 * GROQ_API_KEY before any request.
 */
export function resolveGroqProviderSettings(
  config: Pick<ExecuterConfig, 'provider' | 'apiKey' | 'configApiKey' | 'baseUrl' | 'env' | 'providers'>,
  options: GroqProviderModuleOptions = {},
): GroqProviderSettings {
  const selected = config.provider === groqProviderName;
  const block = config.providers[groqProviderName] ?? {};
  const apiKey =
    options.apiKey ??
    resolveApiKey(
      {
        apiKey: selected ? config.apiKey : undefined,
        configApiKey: selected ? config.configApiKey : undefined,
        env: config.env,
      },
      groqProviderName,
      groqEnvironmentVariables,
    );
  const text = (key: string): string | undefined => {
    const value = block[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      throw new ConfigError('must be a non-empty string', {
        path: `providers.groq.${key}`,
        value,
        allowed: 'a non-empty string',
      });
    }
    return value.trim();
  };
  const timeout = block.timeout_ms;
  if (timeout !== undefined && (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout <= 0)) {
    throw new ConfigError('must be a whole number of milliseconds above 0', {
      path: 'providers.groq.timeout_ms',
      value: timeout,
      allowed: 'e.g. 120000',
    });
  }
  const headers = block.headers;
  if (
    headers !== undefined &&
    (typeof headers !== 'object' ||
      headers === null ||
      Object.values(headers).some((value) => typeof value !== 'string'))
  ) {
    throw new ConfigError('must be an object of header names to strings', {
      path: 'providers.groq.headers',
      value: headers,
    });
  }
  const baseUrl =
    options.baseUrl ?? (selected ? config.baseUrl : undefined) ?? text('base_url') ?? groqDefaultBaseUrl;
  return {
    apiKey,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    defaultModel: options.defaultModel ?? text('model') ?? groqDefaultModel,
    headers: { ...(headers as Record<string, string> | undefined), ...options.headers },
    timeoutMs: options.timeoutMs ?? (timeout as number | undefined) ?? defaultTimeoutMs,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
}
