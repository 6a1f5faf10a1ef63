import { describe, expect, it } from 'vitest';
import { providerErrorFromStatus } from './provider-error-from-status.js';

describe('providerErrorFromStatus', () => {
  it("keeps the provider's message, the status and the retry delay of a retried kind", () => {
    const error = providerErrorFromStatus({
      provider: 'openai',
      status: 429,
      providerMessage: 'Rate limit reached for gpt-4.1',
      retryAfterMs: 2000,
    });
    expect(error).toMatchObject({
      kind: 'rate-limit',
      statusCode: 429,
      retryAfterMs: 2000,
      isRetryable: true,
    });
    expect(error.message).toBe('openai: rate limited (HTTP 429): Rate limit reached for gpt-4.1');
  });

  it('drops the retry delay of a kind that is not retried, and names the status', () => {
    const error = providerErrorFromStatus({
      provider: 'gemini',
      status: 400,
      statusName: 'INVALID_ARGUMENT',
      providerMessage: 'bad',
      retryAfterMs: 5,
    });
    expect(error).toMatchObject({ kind: 'bad-request', retryAfterMs: undefined });
    expect(error.message).toBe('gemini: the request was refused (HTTP 400 INVALID_ARGUMENT): bad');
  });

  it('redacts the key, names the variables in an auth hint, and takes a kind that overrides the table', () => {
    const error = providerErrorFromStatus({
      provider: 'gemini',
      status: 400,
      kind: 'auth',
      providerMessage: 'API key not valid: AIza-secret',
      apiKey: 'AIza-secret',
      environmentVariables: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
    });
    expect(error).toMatchObject({ kind: 'auth', statusCode: 400, isRetryable: false });
    expect(error.message).toBe('gemini: the API key was refused (HTTP 400): API key not valid: [redacted]');
    expect(error.hint).toBe(
      'Check the key in GEMINI_API_KEY or GOOGLE_API_KEY (or --api-key), and that it has access to the model.',
    );
  });
});
