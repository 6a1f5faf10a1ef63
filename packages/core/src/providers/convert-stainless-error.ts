import { ProviderError } from '../errors/provider-error.js';
import { parseRetryAfter } from './parse-retry-after.js';
import type { ProviderErrorContext } from './provider-error-context.js';
import { providerErrorFromStatus } from './provider-error-from-status.js';
import { redactSecret } from './redact-secret.js';
import type { StainlessErrorClasses } from './stainless-error-classes.js';

/**
 * Maps anything a Stainless-generated SDK (openai, groq-sdk) throws to a ProviderError: HTTP
 * errors by status (with the provider's own message and Retry-After), connection failures,
 * timeouts, aborts, and anything else (a malformed answer) to bad-response. The key never
 * appears in the result.
 */
export function convertStainlessError(
  error: unknown,
  classes: StainlessErrorClasses,
  context: ProviderErrorContext,
): ProviderError {
  if (error instanceof ProviderError) return error;
  const { provider } = context;
  const clean = (text: string) => redactSecret(text, context.apiKey);
  const safeCause = causeWithoutKey(error, classes, context.apiKey);

  if (
    error instanceof classes.APIUserAbortError ||
    context.signal?.aborted ||
    (error as Error | undefined)?.name === 'AbortError'
  ) {
    return new ProviderError('aborted', 'the request was aborted', { provider, cause: safeCause });
  }
  if (error instanceof classes.APIConnectionTimeoutError) {
    return new ProviderError('timeout', 'the request timed out', { provider, cause: safeCause });
  }
  if (error instanceof classes.APIConnectionError) {
    const reason = error.cause instanceof Error ? `: ${clean(error.cause.message)}` : '';
    const where = context.baseUrl ? ` ${context.baseUrl}` : '';
    return new ProviderError('unavailable', `cannot reach${where}${reason}`, { provider, cause: safeCause });
  }
  if (error instanceof classes.APIError && typeof error.status === 'number') {
    const body = error.error as { message?: unknown } | undefined;
    return providerErrorFromStatus({
      provider,
      status: error.status,
      providerMessage:
        typeof body?.message === 'string' && body.message.trim() !== '' ? body.message : error.message,
      retryAfterMs: parseRetryAfter(error.headers),
      apiKey: context.apiKey,
      environmentVariables: context.environmentVariables,
      cause: safeCause,
    });
  }
  const text = error instanceof Error ? error.message : String(error);
  return new ProviderError('bad-response', clean(`the answer could not be read: ${text}`), {
    provider,
    cause: safeCause,
  });
}

/** Keeps the SDK error as the cause only when nothing in it spells the key. */
function causeWithoutKey(
  error: unknown,
  classes: StainlessErrorClasses,
  apiKey: string | undefined,
): unknown {
  if (!apiKey) return error;
  const body = error instanceof classes.APIError ? safeStringify(error.error) : '';
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
