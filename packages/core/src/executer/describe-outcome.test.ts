import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../domain/run-outcome.js';
import { describeOutcome } from './describe-outcome.js';

const outcome = (partial: Partial<RunOutcome>): RunOutcome => ({
  status: 'error',
  exitCode: 1,
  stdout: '',
  stderr: '',
  violations: [],
  durationMs: 1,
  truncated: { stdout: false, stderr: false },
  ...partial,
});

describe('describeOutcome', () => {
  it('is empty for a success', () => {
    expect(describeOutcome(outcome({ status: 'success', exitCode: 0 }), 1000)).toBe('');
  });

  it('gives the traceback of an exception, trimmed to its tail', () => {
    const traceback = `Traceback (most recent call last):\n${'  frame\n'.repeat(1000)}ZeroDivisionError: division by zero`;
    const text = describeOutcome(
      outcome({ exception: { type: 'ZeroDivisionError', message: 'division by zero', traceback } }),
      1000,
    );
    expect(text.startsWith('...')).toBe(true);
    expect(text.endsWith('ZeroDivisionError: division by zero')).toBe(true);
    expect(text.length).toBeLessThan(2_100);
  });

  it('says what stopped the program', () => {
    expect(describeOutcome(outcome({ status: 'timeout', exitCode: null }), 2500)).toMatch(
      /^Timed out after 2.5 s/,
    );
    expect(describeOutcome(outcome({ exitCode: null, limitExceeded: 'output' }), 1000)).toMatch(/output cap/);
    expect(describeOutcome(outcome({ exitCode: null, limitExceeded: 'memory' }), 1000)).toMatch(
      /memory limit/,
    );
    expect(describeOutcome(outcome({ exitCode: null }), 1000)).toBe(
      'The program was killed before it finished.',
    );
    expect(describeOutcome(outcome({ exitCode: 3 }), 1000)).toBe('The program exited with code 3.');
  });

  it('lists runtime refusals', () => {
    const violations = [
      { rule: 'network', message: 'sockets are refused', line: 2, source: 'runtime' as const },
    ];
    expect(describeOutcome(outcome({ status: 'refused', violations }), 1000)).toContain(
      'line 2: sockets are refused [network]',
    );
  });
});
