import type { Violation } from './violation.js';

/**
 * How a run ended. Every ending is an outcome, never a throw: a timeout, an abort, a non-zero
 * exit and a refusal by the runtime guard are all reported here.
 */
export type RunStatus =
  /** The code ran to the end and exited 0. */
  | 'success'
  /** The code raised, exited non-zero, or was stopped by a resource limit. */
  | 'error'
  /** The wall-clock timeout expired; the whole process tree was killed. */
  | 'timeout'
  /** The caller's AbortSignal fired; the whole process tree was killed. */
  | 'aborted'
  /** The runtime guard refused an operation (SAFE mode); see `violations`. */
  | 'refused';

/** An exception raised by the code, as the language runtime reported it. */
export interface RunException {
  /** e.g. "ZeroDivisionError". */
  type: string;
  message: string;
  /** The formatted traceback, trimmed to the frames of the user's code where possible. */
  traceback: string;
  /** 1-based line of the user's code where it was raised, when known. */
  line?: number;
}

/** A limit that stopped or trimmed the run. */
export type ResourceLimit = 'memory' | 'output' | 'pids';

export interface RunOutcome {
  status: RunStatus;
  /** The process exit code, or null when it was killed or never started. */
  exitCode: number | null;
  /** Everything the code printed on stdout (capped; see `truncated`). */
  stdout: string;
  /** Everything the code printed on stderr (capped; see `truncated`). */
  stderr: string;
  /** The uncaught exception, when there was one. */
  exception?: RunException;
  /** Operations the runtime guard refused; non-empty when `status` is "refused". */
  violations: Violation[];
  /** Wall-clock time of the run in milliseconds. */
  durationMs: number;
  /** Whether a stream hit the output cap (a visible marker is appended to it). */
  truncated: { stdout: boolean; stderr: boolean };
  /** The resource limit that was hit, when one was. */
  limitExceeded?: ResourceLimit;
}
