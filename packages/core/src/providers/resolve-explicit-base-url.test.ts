import { describe, expect, it } from 'vitest';
import { resolveExplicitBaseUrl } from './resolve-explicit-base-url.js';

const config = (provider: string) => ({
  provider,
  apiKey: undefined,
  configApiKey: undefined,
  baseUrl: 'http://explicit',
  env: {},
  providers: {},
});

describe('resolveExplicitBaseUrl', () => {
  it('prefers module options, then --base-url for the selected provider only', () => {
    expect(resolveExplicitBaseUrl('groq', config('groq'), 'http://module')).toBe('http://module');
    expect(resolveExplicitBaseUrl('groq', config('groq'), undefined)).toBe('http://explicit');
    expect(resolveExplicitBaseUrl('groq', config('gemini'), undefined)).toBeUndefined();
  });
});
