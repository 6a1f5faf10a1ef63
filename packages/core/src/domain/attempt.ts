import type { RunOutcome } from './run-outcome.js';
import type { TokenUsage } from './token-usage.js';
import type { Violation } from './violation.js';

/** Why one attempt ended the way it did. */
export type AttemptStatus =
  | RunOutcome['status']
  /** The static check found violations; the code was not run. */
  | 'violations'
  /** The model's answer held no code. */
  | 'no-code';

/** One generate-check-run cycle of a `run`. Attempt 1 is the first; retries follow. */
export interface Attempt {
  number: number;
  status: AttemptStatus;
  code: string;
  output: string;
  /** What went wrong, as it is fed back to the model on the next attempt; empty on success. */
  error: string;
  violations: Violation[];
  exitCode: number | null;
  durationMs: number;
  /** Tokens the model spent producing this attempt's code. */
  usage?: TokenUsage;
}
