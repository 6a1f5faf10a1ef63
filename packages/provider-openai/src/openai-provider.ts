import type {
  GenerateOptions,
  GenerateRequest,
  GenerateResponse,
  Provider,
  ProviderCapabilities,
} from '@executer/core';
import { accumulateTextStream, throwIfAborted } from '@executer/core';
import OpenAI from 'openai';
import { convertOpenAIError } from './convert-openai-error.js';
import { convertOpenAIResponse } from './convert-openai-response.js';
import { convertToOpenAIRequest } from './convert-to-openai-request.js';
import type { OpenAIProviderName } from './openai-provider-name.js';
import type { OpenAIProviderSettings } from './openai-provider-settings.js';
import { OpenAIStreamAccumulator } from './openai-stream-accumulator.js';

/**
 * The Provider port on the openai SDK's chat completions: OpenAI, OpenRouter, and any
 * OpenAI-compatible server. The SDK's retries are off (the Executer owns retries); each request
 * is bounded by the settings' timeout. The key lives only inside private fields.
 */
export class OpenAIProvider implements Provider {
  readonly name: OpenAIProviderName;
  readonly defaultModel: string;
  readonly capabilities: ProviderCapabilities = { streaming: true };
  readonly baseUrl: string;
  readonly #client: OpenAI;
  readonly #settings: OpenAIProviderSettings;

  constructor(settings: OpenAIProviderSettings) {
    this.name = settings.name;
    this.defaultModel = settings.defaultModel;
    this.baseUrl = settings.baseUrl;
    this.#settings = settings;
    this.#client = new OpenAI({
      apiKey: settings.apiKey,
      baseURL: settings.baseUrl,
      maxRetries: 0,
      timeout: settings.timeoutMs,
      defaultHeaders: settings.headers,
      // The SDK would otherwise read OPENAI_ORG_ID / OPENAI_PROJECT_ID and send them to any server.
      organization: settings.name === 'openai' ? undefined : null,
      project: settings.name === 'openai' ? undefined : null,
      logLevel: 'off',
      ...(settings.fetch ? { fetch: settings.fetch } : {}),
    });
  }

  async generate(request: GenerateRequest, options: GenerateOptions = {}): Promise<GenerateResponse> {
    const { signal, onTextDelta } = options;
    throwIfAborted(signal, this.name);
    const { body, warnings } = convertToOpenAIRequest(request, this.#settings);
    try {
      const response = onTextDelta
        ? await this.#stream(body, request.model, onTextDelta, signal)
        : convertOpenAIResponse(
            await this.#client.chat.completions.create(body, { signal }),
            request.model,
            this.name,
          );
      return warnings.length > 0 ? { ...response, warnings } : response;
    } catch (error) {
      throw convertOpenAIError(error, {
        provider: this.name,
        apiKey: this.#settings.apiKey,
        environmentVariables: this.#settings.environmentVariables,
        baseUrl: this.baseUrl,
        signal,
      });
    }
  }

  async #stream(
    body: ReturnType<typeof convertToOpenAIRequest>['body'],
    requestedModel: string,
    onTextDelta: (delta: string) => void,
    signal: AbortSignal | undefined,
  ): Promise<GenerateResponse> {
    const stream = await this.#client.chat.completions.create(
      { ...body, stream: true, stream_options: { include_usage: true } },
      { signal },
    );
    const accumulator = new OpenAIStreamAccumulator();
    await accumulateTextStream(stream, accumulator, onTextDelta, signal, this.name);
    return accumulator.finish(requestedModel, this.name);
  }

  /** Keeps the client (and its key) out of JSON. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, defaultModel: this.defaultModel, baseUrl: this.baseUrl };
  }
}
