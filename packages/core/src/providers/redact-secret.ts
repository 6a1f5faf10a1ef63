/** Replaces every occurrence of a secret (an API key) in a text, so that a server echoing it cannot leak it. */
export function redactSecret(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4) return text;
  return text.split(secret).join('[redacted]');
}
