import { ProviderError } from '../errors/provider-error.js';

/** Throws the aborted ProviderError once the caller has aborted. */
export function throwIfAborted(signal: AbortSignal | undefined, provider: string): void {
  if (signal?.aborted) throw new ProviderError('aborted', 'the request was aborted', { provider });
}
