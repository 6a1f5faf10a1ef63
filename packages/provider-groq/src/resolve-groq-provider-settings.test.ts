import type { ProviderSettingsSource } from '@executer/core';
import { ConfigError, MissingApiKeyError } from '@executer/core';
import { providerSettingsSource } from '@executer/core/test';
import { describe, expect, it } from 'vitest';
import { convertToGroqRequest } from './convert-to-groq-request.js';
import { resolveGroqProviderSettings } from './resolve-groq-provider-settings.js';

const config = (overrides: Partial<ProviderSettingsSource> = {}) => providerSettingsSource('groq', overrides);

describe('resolveGroqProviderSettings', () => {
  it("uses GROQ_API_KEY, Groq's endpoint and the documented default model", () => {
    expect(resolveGroqProviderSettings(config({ env: { GROQ_API_KEY: 'gsk' } }))).toMatchObject({
      apiKey: 'gsk',
      baseUrl: 'https://api.groq.com',
      defaultModel: 'llama-3.3-70b-versatile',
      timeoutMs: 120_000,
    });
  });

  it('fails before any request without a key, and on bad providers.groq settings', () => {
    expect(() => resolveGroqProviderSettings(config())).toThrow(MissingApiKeyError);
    expect(() =>
      resolveGroqProviderSettings(config({ apiKey: 'k', providers: { groq: { model: 7 } } })),
    ).toThrow(ConfigError);
  });
});

describe('convertToGroqRequest', () => {
  it('sends system and user messages, temperature and max_completion_tokens', () => {
    expect(
      convertToGroqRequest({ system: 's', user: 'u', model: 'm', temperature: 0.2, maxOutputTokens: 50 }),
    ).toEqual({
      model: 'm',
      messages: [
        { role: 'system', content: 's' },
        { role: 'user', content: 'u' },
      ],
      temperature: 0.2,
      max_completion_tokens: 50,
    });
  });
});
