import { APIConnectionError, APIError, APIUserAbortError } from 'groq-sdk';
import { describe, expect, it } from 'vitest';
import { convertGroqError } from './convert-groq-error.js';

const context = { provider: 'groq', apiKey: 'gsk_secret_123', environmentVariables: ['GROQ_API_KEY'] };
const statusError = (status: number, message: string, headers: Record<string, string> = {}) =>
  APIError.generate(
    status,
    { error: { message, type: 'invalid_request_error', code: null } },
    undefined,
    new Headers(headers),
  );

describe('convertGroqError', () => {
  it('maps statuses with the message, Retry-After and a key hint', () => {
    expect(
      convertGroqError(statusError(429, 'Rate limit reached', { 'retry-after': '3' }), context),
    ).toMatchObject({ kind: 'rate-limit', retryAfterMs: 3000 });
    const auth = convertGroqError(statusError(401, 'Invalid API Key gsk_secret_123'), context);
    expect(auth).toMatchObject({ kind: 'auth', statusCode: 401 });
    expect(auth.hint).toContain('GROQ_API_KEY');
    expect(auth.message).not.toContain('gsk_secret_123');
    expect(convertGroqError(statusError(400, 'model `x` does not exist'), context).message).toContain(
      'model `x` does not exist',
    );
    expect(convertGroqError(statusError(503, 'Service Unavailable'), context).kind).toBe('unavailable');
  });

  it('maps aborts and connection failures', () => {
    expect(convertGroqError(new APIUserAbortError(), context).kind).toBe('aborted');
    expect(
      convertGroqError(new APIConnectionError({ cause: new Error('socket hang up') }), context).kind,
    ).toBe('unavailable');
  });
});
