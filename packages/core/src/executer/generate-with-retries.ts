import { ProviderError } from '../errors/provider-error.js';
import type { GenerateOptions, GenerateRequest, GenerateResponse, Provider } from '../ports/provider.js';
import { sleep } from './sleep.js';

export interface RetryPolicy {
  /** Retries after the first try. */
  retries: number;
  /** First backoff delay; doubled each retry. */
  baseDelayMs: number;
  /** No single wait is longer than this; a Retry-After beyond it gives up instead. */
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { retries: 3, baseDelayMs: 500, maxDelayMs: 30_000 };

/**
 * Calls the provider, retrying rate limits, outages and timeouts with exponential backoff that
 * honours Retry-After, bounded by the policy. Anything that is not a ProviderError is wrapped in
 * one, so callers always see a typed error.
 */
export async function generateWithRetries(
  provider: Provider,
  request: GenerateRequest,
  options: GenerateOptions,
  policy: RetryPolicy,
  onRetry?: (error: ProviderError, delayMs: number, retry: number) => void,
): Promise<GenerateResponse> {
  for (let retry = 0; ; retry++) {
    try {
      return await provider.generate(request, options);
    } catch (raw) {
      const error = toProviderError(raw, provider.name, options.signal);
      if (!error.isRetryable || retry >= policy.retries || options.signal?.aborted) throw error;
      const backoff = Math.min(policy.baseDelayMs * 2 ** retry, policy.maxDelayMs);
      const jitter = Math.random() * 0.2 * backoff;
      if (error.retryAfterMs !== undefined && error.retryAfterMs > policy.maxDelayMs) throw error;
      const delayMs = Math.round(error.retryAfterMs ?? backoff + jitter);
      onRetry?.(error, delayMs, retry + 1);
      if (!(await sleep(delayMs, options.signal))) {
        throw new ProviderError('aborted', 'the request was aborted', {
          provider: provider.name,
          cause: error,
        });
      }
    }
  }
}

function toProviderError(raw: unknown, provider: string, signal: AbortSignal | undefined): ProviderError {
  if (raw instanceof ProviderError) return raw;
  if (signal?.aborted)
    return new ProviderError('aborted', 'the request was aborted', { provider, cause: raw });
  const message = raw instanceof Error ? raw.message : String(raw);
  return new ProviderError('bad-response', `unexpected failure: ${message}`, { provider, cause: raw });
}
