import type {
  GenerateOptions,
  GenerateRequest,
  GenerateResponse,
  Provider,
  ProviderCapabilities,
} from '@executer/core';
import { accumulateTextStream, throwIfAborted } from '@executer/core';
import { GoogleGenAI } from '@google/genai';
import { convertGeminiError } from './convert-gemini-error.js';
import { convertGeminiResponse } from './convert-gemini-response.js';
import { convertToGeminiRequest } from './convert-to-gemini-request.js';
import type { GeminiProviderSettings } from './gemini-provider-settings.js';
import { GeminiStreamAccumulator } from './gemini-stream-accumulator.js';

/**
 * The Provider port on @google/genai (the Gemini API, not Vertex). The SDK's retries are off (the
 * Executer owns retries); each request is bounded by the settings' timeout. The key lives only
 * inside private fields.
 */
export class GeminiProvider implements Provider {
  readonly name = 'gemini';
  readonly defaultModel: string;
  readonly capabilities: ProviderCapabilities = { streaming: true };
  readonly baseUrl: string | undefined;
  readonly #client: GoogleGenAI;
  readonly #apiKey: string;
  readonly #fetch: typeof globalThis.fetch | undefined;

  constructor(settings: GeminiProviderSettings) {
    this.defaultModel = settings.defaultModel;
    this.baseUrl = settings.baseUrl;
    this.#apiKey = settings.apiKey;
    this.#fetch = settings.fetch;
    this.#client = new GoogleGenAI({
      apiKey: settings.apiKey,
      // Explicit, so that GOOGLE_GENAI_USE_VERTEXAI in the environment cannot switch backends.
      vertexai: false,
      apiVersion: settings.apiVersion,
      httpOptions: {
        ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
        headers: settings.headers,
        timeout: settings.timeoutMs,
        retryOptions: { attempts: 1 },
      },
    });
  }

  async generate(request: GenerateRequest, options: GenerateOptions = {}): Promise<GenerateResponse> {
    const { signal, onTextDelta } = options;
    throwIfAborted(signal, this.name);
    // ApiError keeps no headers, so this request's fetch remembers them for Retry-After.
    let responseHeaders: Headers | undefined;
    const baseFetch = this.#fetch ?? globalThis.fetch;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const response = await baseFetch(input, init);
      responseHeaders = response.headers;
      return response;
    };
    const parameters = convertToGeminiRequest(request);
    parameters.config = {
      ...parameters.config,
      ...(signal ? { abortSignal: signal } : {}),
      httpOptions: { fetch },
    };
    try {
      if (!onTextDelta)
        return convertGeminiResponse(await this.#client.models.generateContent(parameters), request.model);
      const stream = await this.#client.models.generateContentStream(parameters);
      const accumulator = new GeminiStreamAccumulator();
      await accumulateTextStream(stream, accumulator, onTextDelta, signal, this.name);
      return accumulator.finish(request.model);
    } catch (error) {
      throw convertGeminiError(error, {
        apiKey: this.#apiKey,
        ...(this.baseUrl ? { baseUrl: this.baseUrl } : {}),
        ...(signal ? { signal } : {}),
        ...(responseHeaders ? { responseHeaders } : {}),
      });
    }
  }

  /** Keeps the client (and its key) out of JSON. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, defaultModel: this.defaultModel, baseUrl: this.baseUrl };
  }
}
