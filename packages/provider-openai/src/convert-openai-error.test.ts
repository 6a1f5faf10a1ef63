import { ProviderError } from '@executer/core';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { describe, expect, it } from 'vitest';
import { convertOpenAIError } from './convert-openai-error.js';

const context = {
  provider: 'openai',
  apiKey: 'sk-secret-key-123',
  environmentVariables: ['OPENAI_API_KEY'],
  baseUrl: 'http://127.0.0.1:1/v1',
};
const statusError = (status: number, message: string, headers: Record<string, string> = {}) =>
  APIError.generate(
    status,
    { error: { message, type: 'invalid_request_error', code: null } },
    undefined,
    new Headers(headers),
  );

describe('convertOpenAIError', () => {
  it("keeps the provider's message, the status and Retry-After", () => {
    const error = convertOpenAIError(
      statusError(429, 'Rate limit reached for gpt-4.1', { 'retry-after': '2' }),
      context,
    );
    expect(error).toMatchObject({
      kind: 'rate-limit',
      statusCode: 429,
      retryAfterMs: 2000,
      provider: 'openai',
      isRetryable: true,
    });
    expect(error.message).toBe('openai: rate limited (HTTP 429): Rate limit reached for gpt-4.1');
  });

  it('names the key variables in an auth hint and never shows the key', () => {
    const error = convertOpenAIError(
      statusError(401, `Incorrect API key provided: ${context.apiKey}`),
      context,
    );
    expect(error).toMatchObject({ kind: 'auth', statusCode: 401, isRetryable: false });
    expect(error.hint).toContain('OPENAI_API_KEY');
    expect(error.message).toContain('[redacted]');
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(context.apiKey);
    expect(error.cause).toBeUndefined();
  });

  it('maps aborts, timeouts and connection failures', () => {
    expect(convertOpenAIError(new APIUserAbortError(), context).kind).toBe('aborted');
    expect(convertOpenAIError(new Error('anything'), { ...context, signal: AbortSignal.abort() }).kind).toBe(
      'aborted',
    );
    expect(convertOpenAIError(new APIConnectionTimeoutError(), context).kind).toBe('timeout');
    const unreachable = convertOpenAIError(
      new APIConnectionError({ cause: new Error('connect ECONNREFUSED 127.0.0.1:1') }),
      context,
    );
    expect(unreachable).toMatchObject({ kind: 'unavailable', isRetryable: true });
    expect(unreachable.message).toContain('http://127.0.0.1:1/v1');
    expect(unreachable.message).toContain('ECONNREFUSED');
  });

  it('maps anything else to bad-response, and passes ProviderErrors through', () => {
    const unreadable = convertOpenAIError(new SyntaxError('Unexpected token < in JSON'), context);
    expect(unreadable).toMatchObject({ kind: 'bad-response' });
    expect(unreadable.message).toContain('Unexpected token');
    const typed = new ProviderError('bad-response', 'no text', { provider: 'openai' });
    expect(convertOpenAIError(typed, context)).toBe(typed);
  });
});
