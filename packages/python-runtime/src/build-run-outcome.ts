import type { ResourceLimit, RunOutcome, RunStatus, Violation } from '@executer/core';
import type { CappedOutput } from './capped-output.js';
import type { GuardRefusal, HarnessResult } from './harness-messages.js';

export interface RunEnding {
  /** Set when the host decided the ending (timeout, abort); otherwise derived from the result. */
  status?: RunStatus;
  exitCode: number | null;
  /** The harness's report, when it managed to send one. */
  result: HarnessResult | undefined;
  stdout: CappedOutput;
  stderr: CappedOutput;
  durationMs: number;
  /** A limit the host saw (the output cap) or the harness could not report (a killed process). */
  limit?: ResourceLimit;
  /** Whether the run had a guard: then a missing report is a failure, not a success. */
  guarded: boolean;
}

export function refusalToViolation(refusal: GuardRefusal): Violation {
  const violation: Violation = {
    rule: String(refusal.rule),
    message: String(refusal.message),
    source: 'runtime',
  };
  if (typeof refusal.line === 'number') violation.line = refusal.line;
  return violation;
}

/** Turns what a run left behind into core's RunOutcome. */
export function buildRunOutcome(ending: RunEnding): RunOutcome {
  const { result } = ending;
  const violations = (result?.refusals ?? []).map(refusalToViolation);
  const limit: ResourceLimit | undefined =
    ending.limit ??
    (ending.stdout.truncated || ending.stderr.truncated ? 'output' : (result?.limit ?? undefined));
  let status: RunStatus;
  if (ending.status === 'timeout' || ending.status === 'aborted') status = ending.status;
  else if (violations.length > 0) status = 'refused';
  else if (ending.status) status = ending.status;
  else if (limit) status = 'error';
  else if (result === undefined && ending.guarded) status = 'error';
  else status = ending.exitCode === 0 ? 'success' : 'error';
  const outcome: RunOutcome = {
    status,
    exitCode: ending.exitCode,
    stdout: ending.stdout.finish(),
    stderr: ending.stderr.finish(),
    violations,
    durationMs: ending.durationMs,
    truncated: { stdout: ending.stdout.truncated, stderr: ending.stderr.truncated },
  };
  if (result?.exception) {
    const { type, message, traceback, line } = result.exception;
    outcome.exception = { type, message, traceback, ...(typeof line === 'number' ? { line } : {}) };
  } else if (result?.died && status === 'error') {
    outcome.exception = { type: 'ProcessDied', message: result.died, traceback: '' };
  } else if (result === undefined && ending.guarded && status === 'error' && ending.exitCode === 0) {
    outcome.exception = {
      type: 'HarnessNoReport',
      message:
        'the code ended the interpreter before the harness could report (os._exit?); a guarded run must end normally',
      traceback: '',
    };
  }
  if (limit) outcome.limitExceeded = limit;
  return outcome;
}

/** The outcome of a run aborted before its code started (the signal fired first, or while it queued). */
export function buildAbortedOutcome(
  ending: Pick<RunEnding, 'stdout' | 'stderr' | 'durationMs' | 'guarded'>,
): RunOutcome {
  return buildRunOutcome({ ...ending, status: 'aborted', exitCode: null, result: undefined });
}
