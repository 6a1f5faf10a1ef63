import { ProviderError, type ProviderErrorKind } from '@executer/core';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'groq-sdk';
import { parseGroqRetryAfter } from './parse-groq-retry-after.js';
import { redactApiKey } from './redact-api-key.js';

export interface GroqErrorContext {
  provider: string;
  /** Redacted from every message. */
  apiKey?: string;
  /** Named in the hint of an auth error. */
  environmentVariables?: readonly string[];
  baseUrl?: string;
  signal?: AbortSignal;
}

/** What an HTTP status means for retrying: the same table for every provider. */
export function groqErrorKindForStatus(status: number): ProviderErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate-limit';
  if (status === 409 || status >= 500) return 'unavailable';
  return 'bad-request';
}

const statusWords: Partial<Record<ProviderErrorKind, string>> = {
  auth: 'the API key was refused',
  'rate-limit': 'rate limited',
  'bad-request': 'the request was refused',
  unavailable: 'the service is unavailable',
  timeout: 'the server timed out',
};

/**
 * Maps anything groq-sdk throws to a ProviderError: HTTP errors by status (with the
 * provider's own message and Retry-After), connection failures, timeouts, aborts, and anything
 * else (a malformed answer) to bad-response. The key never appears in the result.
 */
export function convertGroqError(error: unknown, context: GroqErrorContext): ProviderError {
  if (error instanceof ProviderError) return error;
  const { provider } = context;
  const clean = (text: string) => redactApiKey(text, context.apiKey);
  const safeCause = causeWithoutKey(error, context.apiKey);

  if (
    error instanceof APIUserAbortError ||
    context.signal?.aborted ||
    (error as Error | undefined)?.name === 'AbortError'
  ) {
    return new ProviderError('aborted', 'the request was aborted', { provider, cause: safeCause });
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new ProviderError('timeout', 'the request timed out', { provider, cause: safeCause });
  }
  if (error instanceof APIConnectionError) {
    const reason = error.cause instanceof Error ? `: ${clean(error.cause.message)}` : '';
    const where = context.baseUrl ? ` ${context.baseUrl}` : '';
    return new ProviderError('unavailable', `cannot reach${where}${reason}`, { provider, cause: safeCause });
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const kind = groqErrorKindForStatus(error.status);
    const body = error.error as { message?: unknown } | undefined;
    const said =
      typeof body?.message === 'string' && body.message.trim() !== '' ? body.message : error.message;
    const message = clean(`${statusWords[kind] ?? 'the request failed'} (HTTP ${error.status}): ${said}`);
    const retryAfterMs =
      kind === 'rate-limit' || kind === 'unavailable' ? parseGroqRetryAfter(error.headers) : undefined;
    const hint =
      kind === 'auth' && context.environmentVariables?.length
        ? `Check the key in ${context.environmentVariables.join(' or ')} (or --api-key), and that it has access to the model.`
        : undefined;
    return new ProviderError(kind, message, {
      provider,
      statusCode: error.status,
      cause: safeCause,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      ...(hint ? { hint } : {}),
    });
  }
  const text = error instanceof Error ? error.message : String(error);
  return new ProviderError('bad-response', clean(`the answer could not be read: ${text}`), {
    provider,
    cause: safeCause,
  });
}

/** Keeps the SDK error as the cause only when nothing in it spells the key. */
function causeWithoutKey(error: unknown, apiKey: string | undefined): unknown {
  if (!apiKey) return error;
  const body = error instanceof APIError ? safeStringify(error.error) : '';
  const message = error instanceof Error ? error.message : String(error);
  return message.includes(apiKey) || body.includes(apiKey) ? undefined : error;
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}
