import {
  ConfigError,
  defaultProviderTimeoutMs,
  MissingApiKeyError,
  type ProviderSettingsSource,
  resolveExplicitBaseUrl,
  resolveProviderApiKey,
} from '@executer/core';
import type { OpenAIProviderModuleOptions } from './openai-provider-module-options.js';
import type { OpenAIProviderName } from './openai-provider-name.js';
import { openAIProviderProfiles } from './openai-provider-profile.js';
import type { OpenAIProviderSettings } from './openai-provider-settings.js';
import { readOpenAIProviderBlock } from './read-openai-provider-block.js';

/** Sent when a local server needs no key: the SDK insists on one, and such servers ignore it. */
export const placeholderApiKey = 'not-needed';

/**
 * Resolves one provider's settings. Precedence: module options > the configuration's explicit
 * values (--api-key, --base-url: they belong to the selected provider) > environment >
 * config.json (ai.api_key, providers.<name>) > the profile's defaults. Throws MissingApiKeyError
 * (naming the variables) or ConfigError before any request is made.
 */
export function resolveOpenAIProviderSettings(
  name: OpenAIProviderName,
  config: ProviderSettingsSource,
  options: OpenAIProviderModuleOptions = {},
): OpenAIProviderSettings {
  const profile = openAIProviderProfiles[name];
  const block = readOpenAIProviderBlock(name, config.providers[name]);

  let apiKey = options.apiKey;
  if (!apiKey) {
    try {
      apiKey = resolveProviderApiKey(name, config, profile.environmentVariables);
    } catch (error) {
      if (!(error instanceof MissingApiKeyError) || profile.keyRequired) throw error;
      apiKey = placeholderApiKey;
    }
  }

  const baseUrl = resolveExplicitBaseUrl(name, config, options.baseUrl) ?? block.baseUrl ?? profile.baseUrl;
  if (!baseUrl) {
    throw new ConfigError(`provider "${name}" needs the server's base URL`, {
      path: 'ai.base_url',
      allowed:
        'an http(s) URL ending in /v1, e.g. http://127.0.0.1:11434/v1 (Ollama) or http://127.0.0.1:8000/v1 (vLLM)',
      hint: 'Pass --base-url, set EXECUTER_BASE_URL, or set ai.base_url in config.json.',
    });
  }

  const attribution: Record<string, string> =
    name === 'openrouter'
      ? { ...(block.appUrl ? { 'HTTP-Referer': block.appUrl } : {}), 'X-Title': block.appName ?? 'Executer' }
      : {};

  return {
    name,
    apiKey,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    defaultModel: options.defaultModel ?? block.model ?? profile.defaultModel,
    headers: { ...attribution, ...block.headers, ...options.headers },
    timeoutMs: options.timeoutMs ?? block.timeoutMs ?? defaultProviderTimeoutMs,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    environmentVariables: profile.environmentVariables,
    maxTokensField: profile.maxTokensField,
    dropsTemperatureForReasoningModels: profile.dropsTemperatureForReasoningModels,
  };
}
