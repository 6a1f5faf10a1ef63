import type { TokenUsage } from '@executer/core';

export interface OpenAIUsageLike {
  prompt_tokens?: number | null;
  completion_tokens?: number | null;
  total_tokens?: number | null;
}

/** Chat completions' usage block in the port's words; undefined when the server sent none. */
export function convertOpenAIUsage(usage: OpenAIUsageLike | null | undefined): TokenUsage | undefined {
  if (!usage) return undefined;
  const inputTokens = usage.prompt_tokens ?? 0;
  const outputTokens = usage.completion_tokens ?? 0;
  return { inputTokens, outputTokens, totalTokens: usage.total_tokens ?? inputTokens + outputTokens };
}
