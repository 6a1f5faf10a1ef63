import type { RunOutcome } from '../domain/run-outcome.js';
import { formatViolations } from '../domain/violation.js';

const tailLength = 2_000;

function tail(text: string, length = tailLength): string {
  return text.length > length ? `...${text.slice(-length)}` : text;
}

/**
 * The error text of a failed run, as shown to the user and fed back to the model: the exception
 * and its traceback tail, the violations, or what stopped it. Empty for a success.
 */
export function describeOutcome(outcome: RunOutcome, timeoutMs: number): string {
  switch (outcome.status) {
    case 'success':
      return '';
    case 'timeout':
      return `Timed out after ${timeoutMs / 1000} s: the program was stopped. Make it finish faster (no infinite loops, no waiting for input).`;
    case 'aborted':
      return 'Aborted by the caller.';
    case 'refused':
      return `SAFE mode refused an operation while the code ran:\n${formatViolations(outcome.violations)}`;
    case 'error': {
      if (outcome.limitExceeded === 'memory') {
        return `The program exceeded its memory limit and was stopped. Use less memory (stream data, avoid huge lists).${outcome.stderr ? `\n${tail(outcome.stderr, 500)}` : ''}`;
      }
      if (outcome.limitExceeded === 'output') {
        return 'The program printed more than the output cap allows and was stopped. Print a summary instead of every item.';
      }
      if (outcome.limitExceeded === 'pids') {
        return 'The program started too many processes or threads and was stopped.';
      }
      if (outcome.exception) {
        const { type, message, traceback } = outcome.exception;
        return tail(traceback.trim() || `${type}: ${message}`);
      }
      const stderr = outcome.stderr.trim();
      if (stderr) return tail(stderr);
      return outcome.exitCode === null
        ? 'The program was killed before it finished.'
        : `The program exited with code ${outcome.exitCode}.`;
    }
  }
}
