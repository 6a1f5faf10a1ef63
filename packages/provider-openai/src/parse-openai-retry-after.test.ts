import { describe, expect, it } from 'vitest';
import { parseOpenAIRetryAfter } from './parse-openai-retry-after.js';

const now = Date.parse('2026-01-01T00:00:00Z');
const headers = (values: Record<string, string>) => new Headers(values);

describe('parseOpenAIRetryAfter', () => {
  it('reads seconds, fractions of seconds and HTTP dates', () => {
    expect(parseOpenAIRetryAfter(headers({ 'retry-after': '3' }), now)).toBe(3000);
    expect(parseOpenAIRetryAfter(headers({ 'retry-after': '0.25' }), now)).toBe(250);
    expect(parseOpenAIRetryAfter(headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:20 GMT' }), now)).toBe(
      20_000,
    );
    expect(parseOpenAIRetryAfter(headers({ 'retry-after': 'Wed, 31 Dec 2025 23:00:00 GMT' }), now)).toBe(0);
  });

  it('prefers retry-after-ms', () => {
    expect(parseOpenAIRetryAfter(headers({ 'retry-after-ms': '1500', 'retry-after': '9' }), now)).toBe(1500);
  });

  it('gives undefined when there is nothing readable', () => {
    expect(parseOpenAIRetryAfter(headers({}), now)).toBeUndefined();
    expect(parseOpenAIRetryAfter(headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(parseOpenAIRetryAfter(undefined, now)).toBeUndefined();
  });
});
