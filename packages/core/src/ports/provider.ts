import type { ServiceIdentifier } from 'inversify';
import type { TokenUsage } from '../domain/token-usage.js';

/** One request for code (or any text) from a model. */
export interface GenerateRequest {
  /** The system prompt: role, rules, output format. */
  system: string;
  /** The user prompt: the instruction, context, and on a retry the previous code and error. */
  user: string;
  /** Model name as the provider knows it. */
  model: string;
  /** Sampling temperature. */
  temperature: number;
  /** Upper bound on the answer's length, when set. */
  maxOutputTokens?: number;
}

export interface GenerateOptions {
  /** Cancels the request; the provider rejects with a ProviderError of kind "aborted". */
  signal?: AbortSignal;
  /**
   * When given and the provider can stream, the answer's text is streamed and each piece is passed
   * here as it arrives. The promise still resolves with the whole answer.
   */
  onTextDelta?: (delta: string) => void;
}

/** A model's complete answer. */
export interface GenerateResponse {
  text: string;
  /** The model that actually answered (may differ from the one asked for, e.g. an alias). */
  model: string;
  /** Why the model stopped ("stop", "length", "content-filter"...), when the provider says. */
  finishReason?: string;
  usage?: TokenUsage;
  /** Settings the provider could not honour; not fatal. */
  warnings?: string[];
}

export interface ProviderCapabilities {
  /** Whether `onTextDelta` streams for real. */
  streaming: boolean;
}

/**
 * A language-model provider. Implementations map every SDK failure to a ProviderError (auth,
 * rate-limit, bad-request, unavailable, timeout, bad-response, aborted) and turn the SDK's own
 * retries off: the Executer owns retries.
 */
export interface Provider {
  /** The name it is registered under ("gemini", "openai", ...). */
  readonly name: string;
  /** The model used when the configuration names none. */
  readonly defaultModel: string;
  readonly capabilities: ProviderCapabilities;
  /** Sends one request and resolves with the whole answer. */
  generate(request: GenerateRequest, options?: GenerateOptions): Promise<GenerateResponse>;
}

export const Provider: ServiceIdentifier<Provider> = Symbol.for('@executer/core/Provider');
