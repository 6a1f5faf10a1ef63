import { type GenerateResponse, ProviderError, type TokenUsage } from '@executer/core';

interface GroqUsageLike {
  prompt_tokens?: number | null;
  completion_tokens?: number | null;
  total_tokens?: number | null;
}

export interface GroqCompletionLike {
  model?: string | null;
  choices?: { message?: { content?: string | null } | null; finish_reason?: string | null }[] | null;
  usage?: GroqUsageLike | null;
  x_groq?: { usage?: GroqUsageLike | null } | null;
}

/** Groq's usage (top level, or x_groq.usage in a stream) in the port's words. */
export function convertGroqUsage(usage: GroqUsageLike | null | undefined): TokenUsage | undefined {
  if (!usage) return undefined;
  const inputTokens = usage.prompt_tokens ?? 0;
  const outputTokens = usage.completion_tokens ?? 0;
  return { inputTokens, outputTokens, totalTokens: usage.total_tokens ?? inputTokens + outputTokens };
}

/** Reads a Groq chat completion; no choice or no text is a bad-response error. */
export function convertGroqResponse(completion: unknown, requestedModel: string): GenerateResponse {
  const provider = 'groq';
  if (typeof completion !== 'object' || completion === null) {
    throw new ProviderError('bad-response', 'the answer is not a chat completion object', { provider });
  }
  const { model, choices, usage, x_groq: extra } = completion as GroqCompletionLike;
  const choice = Array.isArray(choices) ? choices[0] : undefined;
  if (!choice) throw new ProviderError('bad-response', 'the answer has no choices', { provider });
  const text = choice.message?.content ?? '';
  const finishReason = choice.finish_reason ? choice.finish_reason.replaceAll('_', '-') : undefined;
  if (text.trim() === '') {
    throw new ProviderError(
      'bad-response',
      `the answer has no text (finish reason ${finishReason ?? 'unknown'})`,
      { provider },
    );
  }
  const converted = convertGroqUsage(usage ?? extra?.usage);
  return {
    text,
    model: model || requestedModel,
    ...(finishReason ? { finishReason } : {}),
    ...(converted ? { usage: converted } : {}),
  };
}
