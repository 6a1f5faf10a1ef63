import type { RuntimeGuard } from '@executer/core';

export interface RunnerConformanceOptions {
  /** The guard for the guard-contract tests, as the runner can load it (default: the fixture on this host). */
  guard?: RuntimeGuard;
  /**
   * Whether the runner's processes are descendants of this process (true for the Python runners;
   * false for a container engine's). When true, the suite proves none of them outlives dispose().
   */
  hostDescendants?: boolean;
  /** Wall-clock limit of ordinary runs (ms); slow runners raise it. */
  timeoutMs?: number;
}
