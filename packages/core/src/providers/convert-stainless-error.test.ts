import { describe, expect, it } from 'vitest';
import { ProviderError } from '../errors/provider-error.js';
import { convertStainlessError } from './convert-stainless-error.js';
import type { StainlessErrorClasses } from './stainless-error-classes.js';

// Stand-ins with the shapes of the openai / groq-sdk classes; the provider packages test the real ones.
class APIError extends Error {
  constructor(
    readonly status: number | undefined,
    readonly error: unknown,
    message: string,
    readonly headers: Headers | undefined,
  ) {
    super(message);
  }
}
class APIUserAbortError extends APIError {
  constructor() {
    super(undefined, undefined, 'Request was aborted.', undefined);
  }
}
class APIConnectionError extends APIError {
  constructor(options: { cause?: Error }) {
    super(undefined, undefined, 'Connection error.', undefined);
    this.cause = options.cause;
  }
}
class APIConnectionTimeoutError extends APIConnectionError {
  constructor() {
    super({});
  }
}
const classes: StainlessErrorClasses = {
  APIError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
};
const context = {
  provider: 'groq',
  apiKey: 'gsk_secret_123',
  environmentVariables: ['GROQ_API_KEY'],
  baseUrl: 'http://127.0.0.1:1',
};
const statusError = (status: number, message: string, headers: Record<string, string> = {}) =>
  new APIError(status, { message }, `${status} ${message}`, new Headers(headers));

describe('convertStainlessError', () => {
  it("maps an HTTP error by status, with the body's message, Retry-After and a key hint", () => {
    expect(
      convertStainlessError(statusError(503, 'overloaded', { 'retry-after': '3' }), classes, context),
    ).toMatchObject({
      kind: 'unavailable',
      statusCode: 503,
      retryAfterMs: 3000,
      message: 'groq: the service is unavailable (HTTP 503): overloaded',
    });
    const auth = convertStainlessError(statusError(401, 'Invalid API Key gsk_secret_123'), classes, context);
    expect(auth).toMatchObject({ kind: 'auth', statusCode: 401 });
    expect(auth.hint).toContain('GROQ_API_KEY');
    expect(auth.message).toContain('[redacted]');
    expect(auth.cause).toBeUndefined();
  });

  it('maps aborts, timeouts and connection failures', () => {
    expect(convertStainlessError(new APIUserAbortError(), classes, context).kind).toBe('aborted');
    expect(
      convertStainlessError(new Error('x'), classes, { ...context, signal: AbortSignal.abort() }).kind,
    ).toBe('aborted');
    expect(convertStainlessError(new APIConnectionTimeoutError(), classes, context).kind).toBe('timeout');
    const unreachable = convertStainlessError(
      new APIConnectionError({ cause: new Error('connect ECONNREFUSED') }),
      classes,
      context,
    );
    expect(unreachable).toMatchObject({
      kind: 'unavailable',
      message: 'groq: cannot reach http://127.0.0.1:1: connect ECONNREFUSED',
    });
  });

  it('maps anything else to bad-response, and passes ProviderErrors through', () => {
    const unreadable = convertStainlessError(new SyntaxError('Unexpected token <'), classes, context);
    expect(unreadable).toMatchObject({
      kind: 'bad-response',
      message: 'groq: the answer could not be read: Unexpected token <',
    });
    const typed = new ProviderError('bad-response', 'no text', { provider: 'groq' });
    expect(convertStainlessError(typed, classes, context)).toBe(typed);
  });
});
