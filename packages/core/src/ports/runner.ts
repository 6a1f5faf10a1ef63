import type { ServiceIdentifier } from 'inversify';
import type { Language } from '../domain/language.js';
import type { RunOutcome } from '../domain/run-outcome.js';
import type { RuntimeGuard } from './security-policy.js';

/** Resource limits for one run. Runners apply their own defaults for what is left out. */
export interface RunLimits {
  /** Address-space / container memory limit in bytes. */
  memoryBytes?: number;
  /** Cap per output stream in bytes; past it the stream is cut with a visible marker. */
  outputBytes?: number;
}

/** One piece of code to run. */
export interface RunJob {
  code: string;
  language: Language;
  /** Wall-clock limit; on expiry the whole process tree is killed and the status is "timeout". */
  timeoutMs: number;
  limits?: RunLimits;
  /** The runtime guard to install before the code, or null for none (PERMISSIVE). */
  guard: RuntimeGuard | null;
}

export interface RunOptions {
  /** Aborting kills the whole process tree; the status is "aborted". */
  signal?: AbortSignal;
  /** Called with stdout text as it arrives (also returned whole in the outcome). */
  onStdout?: (chunk: string) => void;
  /** Called with stderr text as it arrives. */
  onStderr?: (chunk: string) => void;
}

/** What a runner can do, so the Executer can refuse what it cannot. */
export interface RunnerCapabilities {
  languages: readonly Language[];
  /** How strongly runs are separated from the host. */
  isolation: 'none' | 'process' | 'namespace' | 'container' | 'vm';
  /** Whether it installs a RuntimeGuard; SAFE mode is refused on a runner that cannot. */
  enforcesGuard: boolean;
  /** Why it cannot enforce the guard, when it cannot (shown to the user). */
  guardUnsupportedReason?: string;
}

/**
 * Runs code. Timeouts, aborts, non-zero exits and guard refusals are outcomes, never throws; a
 * runner throws only when it cannot run at all (RunnerUnavailableError).
 */
export interface Runner {
  /** The name it is registered under (the execution mode). */
  readonly name: string;
  readonly capabilities: RunnerCapabilities;
  run(job: RunJob, options?: RunOptions): Promise<RunOutcome>;
  /** Stops every process or container the runner owns. Idempotent. */
  dispose(): Promise<void>;
}

/** Runners are bound by name: the execution mode ("subprocess", "exec", "docker", ...). */
export const Runner: ServiceIdentifier<Runner> = Symbol.for('@executer/core/Runner');
