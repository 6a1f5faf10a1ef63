import { ApiError } from '@google/genai';
import { describe, expect, it } from 'vitest';
import { convertGeminiError, geminiRetryDelay, parseGeminiErrorBody } from './convert-gemini-error.js';

const apiError = (status: number, error: Record<string, unknown>) =>
  new ApiError({ status, message: JSON.stringify({ error: { code: status, ...error } }) });

describe('convertGeminiError', () => {
  it("maps ApiError by status with Gemini's message", () => {
    const cases = [
      [400, 'bad-request'],
      [403, 'auth'],
      [404, 'bad-request'],
      [429, 'rate-limit'],
      [500, 'internal'],
      [503, 'unavailable'],
    ] as const;
    for (const [status, expected] of cases) {
      const error = convertGeminiError(apiError(status, { message: `said ${status}`, status: 'X' }));
      expect(error.kind).toBe(expected === 'internal' ? 'unavailable' : expected);
      expect(error.statusCode).toBe(status);
      expect(error.message).toContain(`said ${status}`);
    }
  });

  it('prefers the Retry-After header, then RetryInfo', () => {
    const limited = apiError(429, {
      message: 'quota',
      details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '2.5s' }],
    });
    expect(convertGeminiError(limited).retryAfterMs).toBe(2500);
    expect(
      convertGeminiError(limited, { responseHeaders: new Headers({ 'retry-after': '4' }) }).retryAfterMs,
    ).toBe(4000);
  });

  it('reads an error chunk thrown in the middle of a stream', () => {
    const chunk = new ApiError({
      status: 503,
      message:
        'got status: UNAVAILABLE. {"error":{"code":503,"message":"overloaded","status":"UNAVAILABLE"}}',
    });
    expect(convertGeminiError(chunk)).toMatchObject({
      kind: 'unavailable',
      message: 'gemini: the service is unavailable (HTTP 503 UNAVAILABLE): overloaded',
    });
  });

  it('tells caller aborts from SDK timeouts, and maps connection failures and the rest', () => {
    const abort = new DOMException('This operation was aborted', 'AbortError');
    expect(convertGeminiError(abort, { signal: AbortSignal.abort() }).kind).toBe('aborted');
    expect(convertGeminiError(abort).kind).toBe('timeout');
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    });
    expect(convertGeminiError(refused, { baseUrl: 'http://127.0.0.1:9' })).toMatchObject({
      kind: 'unavailable',
      message: 'gemini: cannot reach http://127.0.0.1:9: connect ECONNREFUSED',
    });
    expect(convertGeminiError(new SyntaxError('Unexpected end of JSON input')).kind).toBe('bad-response');
  });

  it('never shows the key, and drops a cause that holds it', () => {
    const error = convertGeminiError(apiError(401, { message: 'bad key AIza-secret-999' }), {
      apiKey: 'AIza-secret-999',
    });
    expect(error.message).not.toContain('AIza-secret-999');
    expect(error.cause).toBeUndefined();
  });

  it('parses error bodies and retry delays defensively', () => {
    expect(parseGeminiErrorBody('not json')).toBeUndefined();
    expect(parseGeminiErrorBody('{"error": {"message": "m"}}')).toEqual({ message: 'm' });
    expect(
      geminiRetryDelay({ details: [{ '@type': 'google.rpc.RetryInfo', retryDelay: 'soon' }] }),
    ).toBeUndefined();
  });
});
