/** Tokens a provider reports for one request (or the sum over several). */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
}

export const emptyUsage = (): TokenUsage => ({ inputTokens: 0, outputTokens: 0, totalTokens: 0 });

export function addUsage(total: TokenUsage, more: TokenUsage | undefined): TokenUsage {
  if (!more) return total;
  return {
    inputTokens: total.inputTokens + more.inputTokens,
    outputTokens: total.outputTokens + more.outputTokens,
    totalTokens: total.totalTokens + more.totalTokens,
  };
}
