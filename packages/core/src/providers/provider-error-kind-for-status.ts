import type { ProviderErrorKind } from '../errors/provider-error.js';

/** What an HTTP status means for retrying: the same table for every provider. */
export function providerErrorKindForStatus(status: number): ProviderErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate-limit';
  if (status === 409 || status >= 500) return 'unavailable';
  return 'bad-request';
}
