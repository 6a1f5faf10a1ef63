import type { ProviderSettingsSource } from '@executer/core';
import { ConfigError, MissingApiKeyError } from '@executer/core';
import { providerSettingsSource } from '@executer/core/test';
import { describe, expect, it } from 'vitest';
import { placeholderApiKey, resolveOpenAIProviderSettings } from './resolve-openai-provider-settings.js';

const config = (overrides: Partial<ProviderSettingsSource> = {}) =>
  providerSettingsSource('openai', overrides);

const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('resolveOpenAIProviderSettings', () => {
  it("uses OpenAI's endpoint, default model and the key from OPENAI_API_KEY", () => {
    const settings = resolveOpenAIProviderSettings('openai', config({ env: { OPENAI_API_KEY: 'from-env' } }));
    expect(settings).toMatchObject({
      apiKey: 'from-env',
      baseUrl: 'https://api.openai.com/v1',
      defaultModel: 'gpt-4.1-mini',
      maxTokensField: 'max_completion_tokens',
      timeoutMs: 120_000,
      headers: {},
    });
  });

  it('fails with MissingApiKeyError naming the variable when no key is anywhere', () => {
    const error = thrown(() =>
      resolveOpenAIProviderSettings('openrouter', config({ provider: 'openrouter' })),
    );
    expect(error).toBeInstanceOf(MissingApiKeyError);
    expect((error as Error).message).toContain('OPENROUTER_API_KEY');
  });

  it('gives OpenRouter its endpoint and attribution headers', () => {
    const settings = resolveOpenAIProviderSettings(
      'openrouter',
      config({
        provider: 'openrouter',
        apiKey: 'k',
        providers: { openrouter: { app_url: 'https://example.org', app_name: 'Demo' } },
      }),
    );
    expect(settings).toMatchObject({
      baseUrl: 'https://openrouter.ai/api/v1',
      headers: { 'HTTP-Referer': 'https://example.org', 'X-Title': 'Demo' },
      maxTokensField: 'max_tokens',
    });
    expect(
      resolveOpenAIProviderSettings('openrouter', config({ provider: 'openrouter', apiKey: 'k' })).headers,
    ).toEqual({ 'X-Title': 'Executer' });
  });

  it('needs a base URL for openai-compatible, naming ai.base_url and --base-url', () => {
    const error = thrown(() =>
      resolveOpenAIProviderSettings('openai-compatible', config({ provider: 'openai-compatible' })),
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).path).toBe('ai.base_url');
    expect((error as ConfigError).hint).toContain('--base-url');
  });

  it('needs no key for openai-compatible, and sends a placeholder the SDK accepts', () => {
    const settings = resolveOpenAIProviderSettings(
      'openai-compatible',
      config({ provider: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434/v1/' }),
    );
    expect(settings).toMatchObject({
      apiKey: placeholderApiKey,
      baseUrl: 'http://127.0.0.1:11434/v1',
      defaultModel: 'qwen2.5-coder:7b',
    });
  });

  it('applies --api-key and --base-url only to the selected provider', () => {
    const other = config({
      provider: 'gemini',
      apiKey: 'gemini-key',
      baseUrl: 'http://gemini-proxy',
      env: { OPENAI_API_KEY: 'openai-key' },
    });
    expect(resolveOpenAIProviderSettings('openai', other)).toMatchObject({
      apiKey: 'openai-key',
      baseUrl: 'https://api.openai.com/v1',
    });
  });

  it('orders module options > explicit configuration > environment > config.json > defaults', () => {
    const layered = config({
      apiKey: 'explicit',
      configApiKey: 'file',
      baseUrl: 'http://explicit/v1',
      env: { OPENAI_API_KEY: 'env' },
      providers: {
        openai: {
          base_url: 'http://block/v1',
          model: 'block-model',
          timeout_ms: 5000,
          headers: { 'X-A': 'block' },
        },
      },
    });
    expect(resolveOpenAIProviderSettings('openai', layered)).toMatchObject({
      apiKey: 'explicit',
      baseUrl: 'http://explicit/v1',
      defaultModel: 'block-model',
      timeoutMs: 5000,
      headers: { 'X-A': 'block' },
    });
    expect(resolveOpenAIProviderSettings('openai', { ...layered, apiKey: undefined }).apiKey).toBe('env');
    expect(resolveOpenAIProviderSettings('openai', { ...layered, apiKey: undefined, env: {} }).apiKey).toBe(
      'file',
    );
    expect(
      resolveOpenAIProviderSettings('openai', layered, {
        apiKey: 'module',
        baseUrl: 'http://module/v1',
        defaultModel: 'module-model',
        timeoutMs: 9,
        headers: { 'X-A': 'module' },
      }),
    ).toMatchObject({
      apiKey: 'module',
      baseUrl: 'http://module/v1',
      defaultModel: 'module-model',
      timeoutMs: 9,
      headers: { 'X-A': 'module' },
    });
  });

  it('reports invalid providers.<name> settings by path', () => {
    const error = thrown(() =>
      resolveOpenAIProviderSettings(
        'openai',
        config({ apiKey: 'k', providers: { openai: { timeout_ms: 'soon' } } }),
      ),
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).path).toBe('providers.openai.timeout_ms');
  });
});
