import type { GenerateResponse } from '@executer/core';
import { convertGroqResponse, type GroqCompletionLike } from './convert-groq-response.js';

interface GroqChunkLike {
  model?: string | null;
  choices?: { delta?: { content?: string | null } | null; finish_reason?: string | null }[] | null;
  usage?: GroqCompletionLike['usage'];
  x_groq?: { usage?: GroqCompletionLike['usage'] } | null;
}

/** Folds Groq stream chunks into one answer; Groq sends the usage in the last chunk's x_groq.usage. */
export class GroqStreamAccumulator {
  #text = '';
  #model: string | undefined;
  #finishReason: string | null = null;
  #usage: GroqCompletionLike['usage'];

  /** Adds one chunk; returns its text delta ('' when it has none). */
  add(chunk: GroqChunkLike): string {
    if (!this.#model && chunk.model) this.#model = chunk.model;
    const usage = chunk.x_groq?.usage ?? chunk.usage;
    if (usage) this.#usage = usage;
    const choice = chunk.choices?.[0];
    if (!choice) return '';
    if (choice.finish_reason) this.#finishReason = choice.finish_reason;
    const delta = choice.delta?.content ?? '';
    this.#text += delta;
    return delta;
  }

  finish(requestedModel: string): GenerateResponse {
    return convertGroqResponse(
      {
        model: this.#model,
        choices: [{ message: { content: this.#text }, finish_reason: this.#finishReason }],
        usage: this.#usage,
      },
      requestedModel,
    );
  }
}
