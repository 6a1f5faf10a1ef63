import type { RuntimeGuard } from '@executer/core';

/** Host → harness: run one piece of code. */
export interface HarnessRunRequest {
  type: 'run';
  id: number;
  code: string;
  /** Wall-clock limit, enforced by the harness in fork strategy (the host keeps a backstop). */
  timeoutMs: number;
  /** RLIMIT_AS of the run (fork strategy; inline workers use the limit they started with). */
  memoryBytes?: number;
  /** Per-stream cap; past it the harness stops the run (fork strategy). */
  outputBytes?: number;
  guard: Pick<RuntimeGuard, 'modulePath' | 'settings'> | null;
}

/** Host → harness: stop the running job (fork strategy answers with status "aborted"). */
export interface HarnessCancelRequest {
  type: 'cancel';
}

/** Host → harness: exit. Closing the harness's stdin does the same. */
export interface HarnessShutdownRequest {
  type: 'shutdown';
}

export type HarnessRequest = HarnessRunRequest | HarnessCancelRequest | HarnessShutdownRequest;

/** Harness → host, once at start-up. */
export interface HarnessReady {
  type: 'ready';
  pid: number;
  strategy: 'fork' | 'inline';
  python: string;
}

/** One refusal as the guard's `report()` lists it. */
export interface GuardRefusal {
  rule: string;
  message: string;
  line?: number | null;
}

/** Harness → host, after the code ended (its output frames all came before). */
export interface HarnessResult {
  type: 'result';
  id?: number;
  /** Serve mode only: success | error | timeout | aborted (refusals are judged by the host). */
  status?: 'success' | 'error' | 'timeout' | 'aborted';
  exitCode: number | null;
  durationMs: number;
  exception: { type: string; message: string; traceback: string; line: number | null } | null;
  refusals: GuardRefusal[];
  limit: 'memory' | 'output' | null;
  /** Set when the run's process died without reporting (a signal). */
  died?: string;
}

export type HarnessMessage = HarnessReady | HarnessResult;
