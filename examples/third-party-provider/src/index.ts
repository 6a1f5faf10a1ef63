// A third-party provider plugin for Executer, written the way any package outside this repository
// would be: it depends only on @executer/core's public API (the Provider port, bindProvider and
// the typed errors) and inversify, and Executer loads it by module specifier from config.json:
//   { "ai": { "provider": "plain-chat" }, "plugins": ["executer-provider-plain-chat"] }
// It speaks OpenAI-style chat completions with plain fetch (no SDK) to any server that offers them.
// One file with erasable types only, so Node runs it as it is.
import {
  bindProvider,
  ConfigError,
  type ExecuterConfig,
  type ExecuterPlugin,
  type GenerateOptions,
  type GenerateRequest,
  type GenerateResponse,
  type Provider,
  ProviderError,
  type ProviderErrorKind,
} from '@executer/core';
import { ContainerModule } from 'inversify';

const providerName = 'plain-chat';
const keyVariable = 'PLAIN_CHAT_API_KEY';

interface PlainChatSettings {
  baseUrl: string;
  apiKey: string | undefined;
  defaultModel: string;
  timeoutMs: number;
}

interface ChatAnswer {
  model?: string;
  choices?: {
    message?: { content?: string | null };
    delta?: { content?: string | null };
    finish_reason?: string | null;
  }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number } | null;
}

function kindForStatus(status: number): ProviderErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'rate-limit';
  if (status >= 500) return 'unavailable';
  return 'bad-request';
}

function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Reads settings when the provider is first used: ai.base_url (or providers.plain-chat.base_url), an optional key. */
function resolveSettings(config: ExecuterConfig): PlainChatSettings {
  const block = config.providers[providerName] ?? {};
  const baseUrl =
    (config.provider === providerName ? config.baseUrl : undefined) ?? (block.base_url as string | undefined);
  if (!baseUrl) {
    throw new ConfigError(`provider "${providerName}" needs the server's base URL`, {
      path: 'ai.base_url',
      allowed: 'an http(s) URL ending in /v1, e.g. http://127.0.0.1:11434/v1',
    });
  }
  const apiKey =
    (config.provider === providerName ? config.apiKey : undefined) ?? config.env[keyVariable] ?? undefined;
  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    apiKey,
    defaultModel: (block.model as string | undefined) ?? 'qwen2.5-coder:7b',
    timeoutMs: (block.timeout_ms as number | undefined) ?? 120_000,
  };
}

/** The Provider port over plain fetch. Every failure becomes a ProviderError; retries are core's. */
export class PlainChatProvider implements Provider {
  readonly name = providerName;
  readonly defaultModel: string;
  readonly capabilities = { streaming: true };
  readonly #settings: PlainChatSettings;

  constructor(settings: PlainChatSettings) {
    this.#settings = settings;
    this.defaultModel = settings.defaultModel;
  }

  async generate(request: GenerateRequest, options: GenerateOptions = {}): Promise<GenerateResponse> {
    const stream = options.onTextDelta !== undefined;
    const timeout = AbortSignal.timeout(this.#settings.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await fetch(`${this.#settings.baseUrl}/chat/completions`, {
        method: 'POST',
        signal,
        headers: {
          'content-type': 'application/json',
          ...(this.#settings.apiKey ? { authorization: `Bearer ${this.#settings.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: request.model,
          messages: [
            { role: 'system', content: request.system },
            { role: 'user', content: request.user },
          ],
          temperature: request.temperature,
          ...(request.maxOutputTokens ? { max_tokens: request.maxOutputTokens } : {}),
          ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}),
        }),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => undefined)) as
          | { error?: { message?: string } }
          | undefined;
        const said = body?.error?.message ?? response.statusText;
        throw new ProviderError(kindForStatus(response.status), `HTTP ${response.status}: ${said}`, {
          provider: this.name,
          statusCode: response.status,
          retryAfterMs: retryAfterMs(response.headers),
        });
      }
      const answer = stream
        ? await this.#readStream(response, options.onTextDelta)
        : ((await response.json()) as ChatAnswer);
      return this.#toResponse(answer, request.model);
    } catch (error) {
      if (error instanceof ProviderError) throw error;
      if (options.signal?.aborted)
        throw new ProviderError('aborted', 'the request was aborted', { provider: this.name, cause: error });
      if ((error as Error).name === 'TimeoutError')
        throw new ProviderError('timeout', 'the request timed out', { provider: this.name, cause: error });
      if (error instanceof TypeError) {
        throw new ProviderError('unavailable', `cannot reach ${this.#settings.baseUrl}`, {
          provider: this.name,
          cause: error,
        });
      }
      throw new ProviderError('bad-response', `the answer could not be read: ${(error as Error).message}`, {
        provider: this.name,
        cause: error,
      });
    }
  }

  /** Server-sent events: `data: {chunk}` lines, then `data: [DONE]`. */
  async #readStream(
    response: Response,
    onTextDelta: ((delta: string) => void) | undefined,
  ): Promise<ChatAnswer> {
    const whole: ChatAnswer = { choices: [{ message: { content: '' }, finish_reason: null }] };
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const bytes of response.body ?? []) {
      buffer += decoder.decode(bytes as Uint8Array, { stream: true });
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const data = line.startsWith('data:') ? line.slice(5).trim() : '';
        if (!data || data === '[DONE]') continue;
        const chunk = JSON.parse(data) as ChatAnswer;
        whole.model ??= chunk.model;
        if (chunk.usage) whole.usage = chunk.usage;
        const choice = chunk.choices?.[0];
        const delta = choice?.delta?.content ?? '';
        const target = whole.choices?.[0];
        if (target?.message && delta) {
          target.message.content += delta;
          onTextDelta?.(delta);
        }
        if (target && choice?.finish_reason) target.finish_reason = choice.finish_reason;
      }
    }
    return whole;
  }

  #toResponse(answer: ChatAnswer, requestedModel: string): GenerateResponse {
    const choice = answer.choices?.[0];
    const text = choice?.message?.content ?? '';
    if (!text.trim())
      throw new ProviderError('bad-response', 'the answer has no text', { provider: this.name });
    const usage = answer.usage;
    return {
      text,
      model: answer.model ?? requestedModel,
      ...(choice?.finish_reason ? { finishReason: choice.finish_reason.replaceAll('_', '-') } : {}),
      ...(usage
        ? {
            usage: {
              inputTokens: usage.prompt_tokens ?? 0,
              outputTokens: usage.completion_tokens ?? 0,
              totalTokens: usage.total_tokens ?? (usage.prompt_tokens ?? 0) + (usage.completion_tokens ?? 0),
            },
          }
        : {}),
    };
  }
}

/** The plugin: nothing binds until Executer loads the module into its container. */
const plugin: ExecuterPlugin = {
  name: 'executer-provider-plain-chat',
  module: new ContainerModule((options) => {
    bindProvider(options, providerName, (config) => new PlainChatProvider(resolveSettings(config)));
  }),
};

export default plugin;
