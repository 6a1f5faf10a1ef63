import { ProviderError, parseRetryAfter, providerErrorFromStatus, redactSecret } from '@executer/core';
import { geminiEnvironmentVariables } from './resolve-gemini-provider-settings.js';

interface HeadersLike {
  get(name: string): string | null;
}

export interface GeminiErrorContext {
  /** Redacted from every message. */
  apiKey?: string;
  baseUrl?: string;
  signal?: AbortSignal;
  /** The headers of the failed response, when the provider saw them (Retry-After). */
  responseHeaders?: HeadersLike;
}

/** The body of a Gemini API error: {"error": {"code", "message", "status", "details"}}. */
export interface GeminiErrorBody {
  code?: number;
  message?: string;
  status?: string;
  details?: { '@type'?: string; reason?: string; retryDelay?: string }[];
}

const provider = 'gemini';

/** @google/genai puts the whole error body, as JSON, in ApiError's message; this reads it back. */
export function parseGeminiErrorBody(message: string): GeminiErrorBody | undefined {
  const start = message.indexOf('{');
  if (start < 0) return undefined;
  try {
    const parsed = JSON.parse(message.slice(start)) as { error?: unknown };
    return typeof parsed.error === 'object' && parsed.error !== null
      ? (parsed.error as GeminiErrorBody)
      : undefined;
  } catch {
    return undefined;
  }
}

/** google.rpc.RetryInfo's retryDelay ("17s", "0.5s") in milliseconds. */
export function geminiRetryDelay(body: GeminiErrorBody | undefined): number | undefined {
  const info = body?.details?.find((detail) => detail['@type']?.endsWith('google.rpc.RetryInfo'));
  const match = /^(\d+(?:\.\d+)?)s$/.exec(info?.retryDelay ?? '');
  return match ? Math.round(Number(match[1]) * 1000) : undefined;
}

const connectionCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
]);

/**
 * Maps anything @google/genai throws to a ProviderError: ApiError by status (with Gemini's own
 * message, Retry-After or RetryInfo, and an invalid key reported as 400 treated as auth),
 * connection failures, timeouts, aborts, and anything else to bad-response. The key never appears.
 */
export function convertGeminiError(error: unknown, context: GeminiErrorContext = {}): ProviderError {
  if (error instanceof ProviderError) return error;
  const clean = (text: string) => redactSecret(text, context.apiKey);
  const name = (error as Error | undefined)?.name;
  const message = error instanceof Error ? error.message : String(error);
  const cause = context.apiKey && message.includes(context.apiKey) ? undefined : error;

  if (context.signal?.aborted)
    return new ProviderError('aborted', 'the request was aborted', { provider, cause });
  // The SDK aborts its own request when httpOptions.timeout passes.
  if (name === 'AbortError' || name === 'TimeoutError')
    return new ProviderError('timeout', 'the request timed out', { provider, cause });

  const status = (error as { status?: unknown } | undefined)?.status;
  if (name === 'ApiError' && typeof status === 'number') {
    const body = parseGeminiErrorBody(message);
    const invalidKey =
      body?.details?.some((detail) => detail.reason === 'API_KEY_INVALID') ||
      /API key not valid/i.test(body?.message ?? '');
    return providerErrorFromStatus({
      provider,
      status,
      statusName: body?.status,
      providerMessage: body?.message ?? message,
      kind: invalidKey ? 'auth' : undefined,
      retryAfterMs: parseRetryAfter(context.responseHeaders) ?? geminiRetryDelay(body),
      apiKey: context.apiKey,
      environmentVariables: geminiEnvironmentVariables,
      cause,
    });
  }

  const code = ((error as { cause?: { code?: unknown } } | undefined)?.cause?.code ??
    (error as { code?: unknown } | undefined)?.code) as string | undefined;
  if (
    (name === 'TypeError' && /fetch failed|terminated/i.test(message)) ||
    (code && connectionCodes.has(code))
  ) {
    const reason = (error as { cause?: { message?: string } }).cause?.message ?? message;
    const where = context.baseUrl ? ` ${context.baseUrl}` : ' the Gemini API';
    return new ProviderError('unavailable', clean(`cannot reach${where}: ${reason}`), { provider, cause });
  }
  return new ProviderError('bad-response', clean(`the answer could not be read: ${message}`), {
    provider,
    cause,
  });
}
