import { describe, expect, it } from 'vitest';
import { MissingApiKeyError } from '../errors/missing-api-key-error.js';
import { providerSettingsSource } from '../test/provider-settings-source.js';
import type { ProviderSettingsSource } from './provider-settings-source.js';
import { resolveProviderApiKey } from './resolve-provider-api-key.js';

const config = (overrides: Partial<ProviderSettingsSource> = {}) => providerSettingsSource('groq', overrides);

describe('resolveProviderApiKey', () => {
  it('takes --api-key and ai.api_key only for the selected provider, the environment for any', () => {
    const layered = config({ apiKey: 'explicit', configApiKey: 'file', env: { GROQ_API_KEY: 'env' } });
    expect(resolveProviderApiKey('groq', layered, ['GROQ_API_KEY'])).toBe('explicit');
    expect(resolveProviderApiKey('groq', { ...layered, apiKey: undefined, env: {} }, ['GROQ_API_KEY'])).toBe(
      'file',
    );
    expect(resolveProviderApiKey('groq', { ...layered, provider: 'gemini' }, ['GROQ_API_KEY'])).toBe('env');
  });

  it('throws MissingApiKeyError naming the variables when no key belongs to the provider', () => {
    expect(() =>
      resolveProviderApiKey('groq', config({ provider: 'gemini', apiKey: 'gemini-key' }), ['GROQ_API_KEY']),
    ).toThrow(MissingApiKeyError);
  });
});
