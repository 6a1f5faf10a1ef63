/**
 * Wraps text in a Markdown code fence longer than any run of backticks inside it, so that code or
 * an error message holding a fence of its own cannot close the block early.
 */
export function fence(text: unknown, info = ''): string {
  const body = String(text ?? '').replace(/\s+$/, '');
  const longestRun = Math.max(0, ...[...body.matchAll(/`+/g)].map((match) => match[0].length));
  const marker = '`'.repeat(Math.max(3, longestRun + 1));
  return `${marker}${info}\n${body}\n${marker}`;
}
