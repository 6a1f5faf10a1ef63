import type { ProviderSettingsSource } from '@executer/core';
import { MissingApiKeyError } from '@executer/core';
import { providerSettingsSource } from '@executer/core/test';
import { describe, expect, it } from 'vitest';
import { convertToGeminiRequest } from './convert-to-gemini-request.js';
import { resolveGeminiProviderSettings } from './resolve-gemini-provider-settings.js';

const config = (overrides: Partial<ProviderSettingsSource> = {}) =>
  providerSettingsSource('gemini', overrides);

describe('resolveGeminiProviderSettings', () => {
  it('takes GEMINI_API_KEY before GOOGLE_API_KEY, with the seed default model', () => {
    expect(
      resolveGeminiProviderSettings(config({ env: { GOOGLE_API_KEY: 'google', GEMINI_API_KEY: 'gemini' } })),
    ).toMatchObject({
      apiKey: 'gemini',
      defaultModel: 'gemini-3-flash-preview',
      baseUrl: undefined,
      apiVersion: 'v1beta',
    });
    expect(resolveGeminiProviderSettings(config({ env: { GOOGLE_API_KEY: 'google' } })).apiKey).toBe(
      'google',
    );
  });

  it('names both variables when there is no key', () => {
    let error: unknown;
    try {
      resolveGeminiProviderSettings(config());
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MissingApiKeyError);
    expect((error as MissingApiKeyError).environmentVariables).toEqual(['GEMINI_API_KEY', 'GOOGLE_API_KEY']);
  });

  it('takes the base URL from options, --base-url, then providers.gemini.base_url', () => {
    const layered = config({
      apiKey: 'k',
      baseUrl: 'http://explicit/',
      providers: { gemini: { base_url: 'http://block' } },
    });
    expect(resolveGeminiProviderSettings(layered).baseUrl).toBe('http://explicit');
    expect(resolveGeminiProviderSettings({ ...layered, baseUrl: undefined }).baseUrl).toBe('http://block');
    expect(resolveGeminiProviderSettings(layered, { baseUrl: 'http://module' }).baseUrl).toBe(
      'http://module',
    );
  });
});

describe('convertToGeminiRequest', () => {
  it('puts the system prompt in systemInstruction and the settings in the config', () => {
    expect(
      convertToGeminiRequest({
        system: 'sys',
        user: 'usr',
        model: 'm',
        temperature: 0.2,
        maxOutputTokens: 64,
      }),
    ).toEqual({
      model: 'm',
      contents: [{ role: 'user', parts: [{ text: 'usr' }] }],
      config: { systemInstruction: 'sys', temperature: 0.2, maxOutputTokens: 64 },
    });
  });
});
