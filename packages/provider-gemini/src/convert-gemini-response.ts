import { type GenerateResponse, ProviderError, type TokenUsage } from '@executer/core';

export interface GeminiPartLike {
  text?: string;
  /** A thought summary, not part of the answer. */
  thought?: boolean;
}

export interface GeminiResponseLike {
  candidates?: { content?: { parts?: GeminiPartLike[] }; finishReason?: string }[];
  modelVersion?: string;
  promptFeedback?: { blockReason?: string; blockReasonMessage?: string };
  usageMetadata?: {
    promptTokenCount?: number;
    candidatesTokenCount?: number;
    thoughtsTokenCount?: number;
    totalTokenCount?: number;
  };
}

const contentFilterReasons = new Set([
  'SAFETY',
  'RECITATION',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
]);

/** Gemini's finish reasons in the port's words: STOP → stop, MAX_TOKENS → length, SAFETY... → content-filter. */
export function convertGeminiFinishReason(reason: string | undefined): string | undefined {
  if (!reason || reason === 'FINISH_REASON_UNSPECIFIED') return undefined;
  if (reason === 'STOP') return 'stop';
  if (reason === 'MAX_TOKENS') return 'length';
  if (contentFilterReasons.has(reason)) return 'content-filter';
  return reason.toLowerCase().replaceAll('_', '-');
}

/** usageMetadata in the port's words; thinking tokens count as output (they are billed so). */
export function convertGeminiUsage(usage: GeminiResponseLike['usageMetadata']): TokenUsage | undefined {
  if (!usage) return undefined;
  const inputTokens = usage.promptTokenCount ?? 0;
  const outputTokens = (usage.candidatesTokenCount ?? 0) + (usage.thoughtsTokenCount ?? 0);
  return { inputTokens, outputTokens, totalTokens: usage.totalTokenCount ?? inputTokens + outputTokens };
}

/** The answer's text: every text part of the first candidate, thoughts left out. */
export function geminiText(response: GeminiResponseLike): string {
  return (response.candidates?.[0]?.content?.parts ?? [])
    .filter((part) => !part.thought && typeof part.text === 'string')
    .map((part) => part.text)
    .join('');
}

/**
 * Reads a GenerateContentResponse into the port's response. No candidate, or no text, is a
 * bad-response error naming the block or finish reason when Gemini gave one.
 */
export function convertGeminiResponse(response: unknown, requestedModel: string): GenerateResponse {
  const provider = 'gemini';
  if (typeof response !== 'object' || response === null) {
    throw new ProviderError('bad-response', 'the answer is not a GenerateContentResponse', { provider });
  }
  const typed = response as GeminiResponseLike;
  const candidate = typed.candidates?.[0];
  if (!candidate) {
    const blocked = typed.promptFeedback?.blockReason;
    throw new ProviderError(
      'bad-response',
      blocked ? `the prompt was blocked (${blocked})` : 'the answer has no candidates',
      { provider },
    );
  }
  const text = geminiText(typed);
  const finishReason = convertGeminiFinishReason(candidate.finishReason);
  if (text.trim() === '') {
    throw new ProviderError(
      'bad-response',
      `the answer has no text (finish reason ${candidate.finishReason ?? 'unknown'})`,
      { provider },
    );
  }
  const usage = convertGeminiUsage(typed.usageMetadata);
  return {
    text,
    model: typed.modelVersion || requestedModel,
    ...(finishReason ? { finishReason } : {}),
    ...(usage ? { usage } : {}),
  };
}
