import { ConfigError, type ExecuterConfig, resolveApiKey } from '@executer/core';
import type { GeminiProviderModuleOptions } from './gemini-provider-module-options.js';
import type { GeminiProviderSettings } from './gemini-provider-settings.js';

export const geminiProviderName = 'gemini';
/** GEMINI_API_KEY first, as Google's own SDK documents; GOOGLE_API_KEY also works. */
export const geminiEnvironmentVariables: readonly string[] = ['GEMINI_API_KEY', 'GOOGLE_API_KEY'];
/** The seed's default. */
export const geminiDefaultModel = 'gemini-3-flash-preview';

const defaultTimeoutMs = 120_000;

/**
 * Resolves the Gemini provider's settings. Precedence: module options > --api-key / --base-url
 * (when gemini is the selected provider) > GEMINI_API_KEY, GOOGLE_API_KEY > config.json
 * (ai.api_key; providers.gemini: base_url, api_version, model, headers, timeout_ms) > defaults.
 * A missing key throws MissingApiKeyError naming both variables before any request.
 */
export function resolveGeminiProviderSettings(
  config: Pick<ExecuterConfig, 'provider' | 'apiKey' | 'configApiKey' | 'baseUrl' | 'env' | 'providers'>,
  options: GeminiProviderModuleOptions = {},
): GeminiProviderSettings {
  const selected = config.provider === geminiProviderName;
  const block = config.providers[geminiProviderName] ?? {};
  const apiKey =
    options.apiKey ??
    resolveApiKey(
      {
        apiKey: selected ? config.apiKey : undefined,
        configApiKey: selected ? config.configApiKey : undefined,
        env: config.env,
      },
      geminiProviderName,
      geminiEnvironmentVariables,
    );
  const text = (key: string): string | undefined => {
    const value = block[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      throw new ConfigError('must be a non-empty string', {
        path: `providers.gemini.${key}`,
        value,
        allowed: 'a non-empty string',
      });
    }
    return value.trim();
  };
  const timeout = block.timeout_ms;
  if (timeout !== undefined && (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout <= 0)) {
    throw new ConfigError('must be a whole number of milliseconds above 0', {
      path: 'providers.gemini.timeout_ms',
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
      path: 'providers.gemini.headers',
      value: headers,
    });
  }
  const baseUrl = options.baseUrl ?? (selected ? config.baseUrl : undefined) ?? text('base_url');
  return {
    apiKey,
    baseUrl: baseUrl?.replace(/\/+$/, ''),
    apiVersion: text('api_version') ?? 'v1beta',
    defaultModel: options.defaultModel ?? text('model') ?? geminiDefaultModel,
    headers: { ...(headers as Record<string, string> | undefined), ...options.headers },
    timeoutMs: options.timeoutMs ?? (timeout as number | undefined) ?? defaultTimeoutMs,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
}
