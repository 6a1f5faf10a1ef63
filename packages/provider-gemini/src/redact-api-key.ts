/** Replaces every occurrence of the key in a text, so that a server echoing it cannot leak it. */
export function redactApiKey(text: string, apiKey: string | undefined): string {
  if (!apiKey || apiKey.length < 4) return text;
  return text.split(apiKey).join('[redacted]');
}
