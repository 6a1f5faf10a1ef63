/** Shows that a secret is set without showing it: never print API keys, not even a part. */
export function maskSecret(value: string | undefined): string | undefined {
  return value === undefined ? undefined : '******** (set)';
}
