import { describe, expect, it } from 'vitest';
import { MissingApiKeyError } from '../errors/missing-api-key-error.js';
import { resolveApiKey } from './resolve-api-key.js';

describe('resolveApiKey', () => {
  const variables = ['GEMINI_API_KEY', 'GOOGLE_API_KEY'];

  it('prefers an explicit key, then the environment in order, then config.json', () => {
    expect(
      resolveApiKey({ apiKey: 'a', configApiKey: 'c', env: { GEMINI_API_KEY: 'e' } }, 'gemini', variables),
    ).toBe('a');
    expect(
      resolveApiKey(
        { apiKey: undefined, configApiKey: 'c', env: { GOOGLE_API_KEY: 'g', GEMINI_API_KEY: 'e' } },
        'gemini',
        variables,
      ),
    ).toBe('e');
    expect(
      resolveApiKey(
        { apiKey: undefined, configApiKey: 'c', env: { GOOGLE_API_KEY: 'g' } },
        'gemini',
        variables,
      ),
    ).toBe('g');
    expect(resolveApiKey({ apiKey: undefined, configApiKey: 'c', env: {} }, 'gemini', variables)).toBe('c');
  });

  it('names every variable to set when there is no key', () => {
    const attempt = () =>
      resolveApiKey(
        { apiKey: undefined, configApiKey: undefined, env: { GEMINI_API_KEY: ' ' } },
        'gemini',
        variables,
      );
    expect(attempt).toThrow(MissingApiKeyError);
    expect(attempt).toThrow(/GEMINI_API_KEY or GOOGLE_API_KEY/);
  });
});
