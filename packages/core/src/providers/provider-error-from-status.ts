import { ProviderError, type ProviderErrorKind } from '../errors/provider-error.js';
import { providerErrorKindForStatus } from './provider-error-kind-for-status.js';
import { redactSecret } from './redact-secret.js';

/** An HTTP error answer, as a provider's SDK reported it. */
export interface ProviderStatusFailure {
  provider: string;
  status: number;
  /** The vendor's name for the status, shown after the code (Gemini's "RESOURCE_EXHAUSTED"). */
  statusName?: string;
  /** The provider's own explanation, kept in the message. */
  providerMessage: string;
  /** Wins over the status table (Gemini reports an invalid key as 400). */
  kind?: ProviderErrorKind;
  /** Kept only for kinds that are retried after a wait (rate-limit, unavailable). */
  retryAfterMs?: number;
  /** Redacted from the message. */
  apiKey?: string;
  /** Named in the hint of an auth error. */
  environmentVariables?: readonly string[];
  cause?: unknown;
}

const statusWords: Partial<Record<ProviderErrorKind, string>> = {
  auth: 'the API key was refused',
  'rate-limit': 'rate limited',
  'bad-request': 'the request was refused',
  unavailable: 'the service is unavailable',
  timeout: 'the server timed out',
};

/** The ProviderError for an HTTP error status: kind by status, the provider's words, Retry-After, a key hint. */
export function providerErrorFromStatus(failure: ProviderStatusFailure): ProviderError {
  const { provider, status } = failure;
  const kind = failure.kind ?? providerErrorKindForStatus(status);
  const statusText = failure.statusName ? `${status} ${failure.statusName}` : `${status}`;
  const message = redactSecret(
    `${statusWords[kind] ?? 'the request failed'} (HTTP ${statusText}): ${failure.providerMessage}`,
    failure.apiKey,
  );
  const retryAfterMs = kind === 'rate-limit' || kind === 'unavailable' ? failure.retryAfterMs : undefined;
  const hint =
    kind === 'auth' && failure.environmentVariables?.length
      ? `Check the key in ${failure.environmentVariables.join(' or ')} (or --api-key), and that it has access to the model.`
      : undefined;
  return new ProviderError(kind, message, {
    provider,
    statusCode: status,
    cause: failure.cause,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(hint ? { hint } : {}),
  });
}
