/** Chat completions' finish reasons in the port's words ("content_filter" → "content-filter"). */
export function convertOpenAIFinishReason(reason: string | null | undefined): string | undefined {
  if (!reason) return undefined;
  return reason.replaceAll('_', '-');
}
