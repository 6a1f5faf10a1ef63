import {
  defaultProviderTimeoutMs,
  ProviderSettingsBlock,
  type ProviderSettingsSource,
  resolveExplicitBaseUrl,
  resolveProviderApiKey,
} from '@executer/core';
import type { GeminiProviderModuleOptions } from './gemini-provider-module-options.js';
import type { GeminiProviderSettings } from './gemini-provider-settings.js';

export const geminiProviderName = 'gemini';
/** GEMINI_API_KEY first, as Google's own SDK documents; GOOGLE_API_KEY also works. */
export const geminiEnvironmentVariables: readonly string[] = ['GEMINI_API_KEY', 'GOOGLE_API_KEY'];
/** The seed's default. */
export const geminiDefaultModel = 'gemini-3-flash-preview';

/**
 * Resolves the Gemini provider's settings. Precedence: module options > --api-key / --base-url
 * (when gemini is the selected provider) > GEMINI_API_KEY, GOOGLE_API_KEY > config.json
 * (ai.api_key; providers.gemini: base_url, api_version, model, headers, timeout_ms) > defaults.
 * A missing key throws MissingApiKeyError naming both variables before any request.
 */
export function resolveGeminiProviderSettings(
  config: ProviderSettingsSource,
  options: GeminiProviderModuleOptions = {},
): GeminiProviderSettings {
  const apiKey =
    options.apiKey ?? resolveProviderApiKey(geminiProviderName, config, geminiEnvironmentVariables);
  const block = new ProviderSettingsBlock(geminiProviderName, config.providers[geminiProviderName]);
  const timeout = block.timeoutMs();
  const headers = block.headers();
  const baseUrl =
    resolveExplicitBaseUrl(geminiProviderName, config, options.baseUrl) ?? block.text('base_url');
  return {
    apiKey,
    baseUrl: baseUrl?.replace(/\/+$/, ''),
    apiVersion: block.text('api_version') ?? 'v1beta',
    defaultModel: options.defaultModel ?? block.text('model') ?? geminiDefaultModel,
    headers: { ...headers, ...options.headers },
    timeoutMs: options.timeoutMs ?? timeout ?? defaultProviderTimeoutMs,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
}
