import { describe, expect, it } from 'vitest';
import { executionIdCandidate } from './execution-id-candidate.js';

describe('executionIdCandidate', () => {
  it('keeps the id itself first', () => {
    expect(executionIdCandidate('20260203_190708_059131', 0)).toBe('20260203_190708_059131');
  });

  it('moves a seed-style id on by microseconds, then appends a counter past the second', () => {
    expect(executionIdCandidate('20260203_190708_059131', 1)).toBe('20260203_190708_059132');
    expect(executionIdCandidate('20260203_190708_999998', 1)).toBe('20260203_190708_999999');
    expect(executionIdCandidate('20260203_190708_999998', 2)).toBe('20260203_190708_999998_2');
  });

  it('appends a counter to any other id', () => {
    expect(executionIdCandidate('abc12345', 3)).toBe('abc12345_3');
  });
});
