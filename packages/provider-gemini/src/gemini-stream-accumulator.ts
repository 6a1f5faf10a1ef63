import type { GenerateResponse } from '@executer/core';
import { convertGeminiResponse, type GeminiResponseLike, geminiText } from './convert-gemini-response.js';

/**
 * Folds streamGenerateContent chunks into one answer: the text of each chunk in order, the first
 * model version, the last finish reason and the last usage (the final chunk carries the totals).
 */
export class GeminiStreamAccumulator {
  #text = '';
  #model: string | undefined;
  #finishReason: string | undefined;
  #usage: GeminiResponseLike['usageMetadata'];
  #promptFeedback: GeminiResponseLike['promptFeedback'];
  #sawCandidate = false;

  /** Adds one chunk; returns its text delta ('' when it has none). */
  add(chunk: GeminiResponseLike): string {
    if (!this.#model && chunk.modelVersion) this.#model = chunk.modelVersion;
    if (chunk.usageMetadata) this.#usage = chunk.usageMetadata;
    if (chunk.promptFeedback) this.#promptFeedback = chunk.promptFeedback;
    const candidate = chunk.candidates?.[0];
    if (!candidate) return '';
    this.#sawCandidate = true;
    if (candidate.finishReason) this.#finishReason = candidate.finishReason;
    const delta = geminiText(chunk);
    this.#text += delta;
    return delta;
  }

  finish(requestedModel: string): GenerateResponse {
    return convertGeminiResponse(
      {
        candidates: this.#sawCandidate
          ? [{ content: { parts: [{ text: this.#text }] }, finishReason: this.#finishReason }]
          : [],
        modelVersion: this.#model,
        usageMetadata: this.#usage,
        promptFeedback: this.#promptFeedback,
      },
      requestedModel,
    );
  }
}
