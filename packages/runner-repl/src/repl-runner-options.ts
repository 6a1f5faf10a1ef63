import type { PythonRuntimeOptions } from '@executer/python-runtime';

/**
 * How a warm worker runs a job:
 * - "fork": the worker forks a child per job (module state cannot leak between jobs, a timeout
 *   kills only that child, guarded and unguarded jobs share the pool);
 * - "inline": the job runs in the worker itself (fastest; a fresh namespace per job, but imported
 *   modules persist, and a worker that installed a guard only serves jobs with the same guard).
 */
export type ReplStrategy = 'fork' | 'inline';

export interface ReplRunnerOptions extends PythonRuntimeOptions {
  /** Number of warm workers (`runners.exec.pool_size`); default: the number of cores. */
  poolSize?: number;
  /** `runners.exec.strategy`; default "inline". */
  strategy?: ReplStrategy;
}
