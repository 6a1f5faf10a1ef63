import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/config-error.js';
import { ProviderSettingsBlock } from './provider-settings-block.js';

const thrown = (run: () => unknown): ConfigError => {
  try {
    run();
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
};

describe('ProviderSettingsBlock', () => {
  it('reads trimmed text, headers and timeout_ms, and undefined for what is absent', () => {
    const block = new ProviderSettingsBlock('groq', {
      model: ' llama ',
      headers: { 'X-A': 'a' },
      timeout_ms: 5000,
    });
    expect([block.text('model'), block.headers(), block.timeoutMs()]).toEqual([
      'llama',
      { 'X-A': 'a' },
      5000,
    ]);
    const empty = new ProviderSettingsBlock('groq', undefined);
    expect([empty.text('model'), empty.headers(), empty.timeoutMs()]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('names the path of an invalid setting, and checks only the setting read', () => {
    const block = new ProviderSettingsBlock('gemini', { model: 7, headers: { 'X-A': 1 }, timeout_ms: 1.5 });
    expect(thrown(() => block.text('model'))).toBeInstanceOf(ConfigError);
    expect(thrown(() => block.text('model')).path).toBe('providers.gemini.model');
    expect(thrown(() => block.headers()).path).toBe('providers.gemini.headers');
    expect(thrown(() => block.timeoutMs()).path).toBe('providers.gemini.timeout_ms');
    expect(block.text('base_url')).toBeUndefined();
  });
});
