import type {
  GenerateOptions,
  GenerateRequest,
  GenerateResponse,
  Provider,
  ProviderCapabilities,
} from '@executer/core';
import { accumulateTextStream, throwIfAborted } from '@executer/core';
import Groq from 'groq-sdk';
import { convertGroqError } from './convert-groq-error.js';
import { convertGroqResponse } from './convert-groq-response.js';
import { convertToGroqRequest } from './convert-to-groq-request.js';
import type { GroqProviderSettings } from './groq-provider-settings.js';
import { GroqStreamAccumulator } from './groq-stream-accumulator.js';
import { groqEnvironmentVariables } from './resolve-groq-provider-settings.js';

/**
 * The Provider port on groq-sdk. The SDK's retries are off (the Executer owns retries); each
 * request is bounded by the settings' timeout. The key lives only inside private fields.
 */
export class GroqProvider implements Provider {
  readonly name = 'groq';
  readonly defaultModel: string;
  readonly capabilities: ProviderCapabilities = { streaming: true };
  readonly baseUrl: string;
  readonly #client: Groq;
  readonly #apiKey: string;

  constructor(settings: GroqProviderSettings) {
    this.defaultModel = settings.defaultModel;
    this.baseUrl = settings.baseUrl;
    this.#apiKey = settings.apiKey;
    this.#client = new Groq({
      apiKey: settings.apiKey,
      baseURL: settings.baseUrl,
      maxRetries: 0,
      timeout: settings.timeoutMs,
      defaultHeaders: settings.headers,
      logLevel: 'off',
      ...(settings.fetch ? { fetch: settings.fetch } : {}),
    });
  }

  async generate(request: GenerateRequest, options: GenerateOptions = {}): Promise<GenerateResponse> {
    const { signal, onTextDelta } = options;
    throwIfAborted(signal, this.name);
    const body = convertToGroqRequest(request);
    try {
      if (!onTextDelta)
        return convertGroqResponse(
          await this.#client.chat.completions.create(body, { signal }),
          request.model,
        );
      const stream = await this.#client.chat.completions.create({ ...body, stream: true }, { signal });
      const accumulator = new GroqStreamAccumulator();
      await accumulateTextStream(stream, accumulator, onTextDelta, signal, this.name);
      return accumulator.finish(request.model);
    } catch (error) {
      throw convertGroqError(error, {
        provider: this.name,
        apiKey: this.#apiKey,
        environmentVariables: groqEnvironmentVariables,
        baseUrl: this.baseUrl,
        signal,
      });
    }
  }

  /** Keeps the client (and its key) out of JSON. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, defaultModel: this.defaultModel, baseUrl: this.baseUrl };
  }
}
