import { describe, expect, it } from 'vitest';
import { redactSecret } from './redact-secret.js';

describe('redactSecret', () => {
  it('replaces every occurrence of the secret', () => {
    expect(redactSecret('key sk-123456 and again sk-123456.', 'sk-123456')).toBe(
      'key [redacted] and again [redacted].',
    );
  });

  it('leaves the text alone without a secret, or with one too short to redact safely', () => {
    expect(redactSecret('nothing to hide', undefined)).toBe('nothing to hide');
    expect(redactSecret('a b c', 'a')).toBe('a b c');
  });
});
