import {
  defaultProviderTimeoutMs,
  ProviderSettingsBlock,
  type ProviderSettingsSource,
  resolveExplicitBaseUrl,
  resolveProviderApiKey,
} from '@executer/core';
import type { GroqProviderModuleOptions } from './groq-provider-module-options.js';
import type { GroqProviderSettings } from './groq-provider-settings.js';

export const groqProviderName = 'groq';
export const groqEnvironmentVariables: readonly string[] = ['GROQ_API_KEY'];
export const groqDefaultBaseUrl = 'https://api.groq.com';
/** A production model on Groq that writes good Python and takes a temperature. */
export const groqDefaultModel = 'llama-3.3-70b-versatile';

/**
 * Resolves the Groq provider's settings. Precedence: module options > --api-key / --base-url
 * (when groq is the selected provider) > GROQ_API_KEY > config.json (ai.api_key, providers.groq:
 * base_url, model, headers, timeout_ms) > defaults. A missing key throws MissingApiKeyError naming
 * GROQ_API_KEY before any request.
 */
export function resolveGroqProviderSettings(
  config: ProviderSettingsSource,
  options: GroqProviderModuleOptions = {},
): GroqProviderSettings {
  const apiKey = options.apiKey ?? resolveProviderApiKey(groqProviderName, config, groqEnvironmentVariables);
  const block = new ProviderSettingsBlock(groqProviderName, config.providers[groqProviderName]);
  const timeout = block.timeoutMs();
  const headers = block.headers();
  const baseUrl =
    resolveExplicitBaseUrl(groqProviderName, config, options.baseUrl) ??
    block.text('base_url') ??
    groqDefaultBaseUrl;
  return {
    apiKey,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    defaultModel: options.defaultModel ?? block.text('model') ?? groqDefaultModel,
    headers: { ...headers, ...options.headers },
    timeoutMs: options.timeoutMs ?? timeout ?? defaultProviderTimeoutMs,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
}
