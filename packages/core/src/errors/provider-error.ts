import { ExecuterError, type ExecuterErrorOptions } from './executer-error.js';

export type ProviderErrorKind =
  /** 401/403: the key is wrong or lacks access. Not retried. */
  | 'auth'
  /** 429: too many requests. Retried with backoff honouring `retryAfterMs`. */
  | 'rate-limit'
  /** 400/404/422: the request was refused; `message` carries the provider's reason. Not retried. */
  | 'bad-request'
  /** 5xx, connection resets: the service is down or overloaded. Retried, bounded. */
  | 'unavailable'
  /** The request took too long. Retried, bounded. */
  | 'timeout'
  /** The answer was malformed or empty. Not retried. */
  | 'bad-response'
  /** The caller aborted. Not retried. */
  | 'aborted';

const retryableKinds: ReadonlySet<ProviderErrorKind> = new Set(['rate-limit', 'unavailable', 'timeout']);

export interface ProviderErrorDetails extends ExecuterErrorOptions {
  provider: string;
  statusCode?: number;
  /** How long the provider asked us to wait (Retry-After), in milliseconds. */
  retryAfterMs?: number;
}

/** A model provider failed. Providers map every SDK error to this, never to a bare Error. */
export class ProviderError extends ExecuterError {
  override readonly name = 'ProviderError';
  readonly kind: ProviderErrorKind;
  readonly provider: string;
  readonly statusCode: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(kind: ProviderErrorKind, message: string, details: ProviderErrorDetails) {
    super(`PROVIDER_${kind.toUpperCase().replace('-', '_')}`, `${details.provider}: ${message}`, {
      cause: details.cause,
      hint: details.hint ?? defaultHint(kind),
    });
    this.kind = kind;
    this.provider = details.provider;
    this.statusCode = details.statusCode;
    this.retryAfterMs = details.retryAfterMs;
  }

  override get isRetryable(): boolean {
    return retryableKinds.has(this.kind);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), kind: this.kind, provider: this.provider, statusCode: this.statusCode };
  }
}

function defaultHint(kind: ProviderErrorKind): string | undefined {
  switch (kind) {
    case 'auth':
      return 'Check the API key (and that it has access to the model).';
    case 'rate-limit':
      return 'Wait a little, or lower the request rate.';
    case 'unavailable':
      return 'The provider is unreachable or overloaded; try again later or check --base-url.';
    case 'bad-request':
      return 'Check the model name and options.';
    default:
      return undefined;
  }
}
