import type { GenerateResponse } from '@executer/core';
import { convertOpenAIResponse } from './convert-openai-response.js';
import type { OpenAIUsageLike } from './convert-openai-usage.js';

interface ChatCompletionChunkLike {
  model?: string | null;
  choices?:
    | { delta?: { content?: string | null; refusal?: string | null } | null; finish_reason?: string | null }[]
    | null;
  usage?: OpenAIUsageLike | null;
}

/**
 * Folds chat completion chunks into one answer: text deltas in order, the first model named, the
 * last finish reason, and the usage chunk (stream_options.include_usage) when it comes.
 */
export class OpenAIStreamAccumulator {
  #text = '';
  #refusal = '';
  #model: string | undefined;
  #finishReason: string | null = null;
  #usage: ChatCompletionChunkLike['usage'];

  /** Adds one chunk; returns its text delta ('' when it has none). */
  add(chunk: ChatCompletionChunkLike): string {
    if (!this.#model && chunk.model) this.#model = chunk.model;
    if (chunk.usage) this.#usage = chunk.usage;
    const choice = chunk.choices?.[0];
    if (!choice) return '';
    if (choice.finish_reason) this.#finishReason = choice.finish_reason;
    if (choice.delta?.refusal) this.#refusal += choice.delta.refusal;
    const delta = choice.delta?.content ?? '';
    this.#text += delta;
    return delta;
  }

  /** Adds usage that arrives outside the standard field (Groq's x_groq.usage). */
  addUsage(usage: ChatCompletionChunkLike['usage']): void {
    if (usage) this.#usage = usage;
  }

  /** The whole answer, checked like a non-streamed one. */
  finish(requestedModel: string, provider: string): GenerateResponse {
    return convertOpenAIResponse(
      {
        model: this.#model,
        choices: [
          {
            message: { content: this.#text, refusal: this.#refusal || null },
            finish_reason: this.#finishReason,
          },
        ],
        usage: this.#usage,
      },
      requestedModel,
      provider,
    );
  }
}
