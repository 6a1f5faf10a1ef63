import { dirname } from 'node:path';
import type { RunJob, Runner, RunnerCapabilities, RunOptions, RunOutcome, RunStatus } from '@executer/core';
import {
  assertPythonJob,
  buildAbortedOutcome,
  buildChildEnvironment,
  buildRunOutcome,
  CappedOutput,
  type HarnessResult,
  harnessPath,
  type IsolationPlan,
  type PythonInterpreter,
  resolveIsolation,
  resolvePythonInterpreter,
  toHarnessGuard,
  wrapCommand,
} from '@executer/python-runtime';
import { PythonWorker } from './python-worker.js';
import type { ReplRunnerSettings } from './repl-runner-settings.js';
import { WorkerPool } from './worker-pool.js';

const mebibyte = 1024 * 1024;
/** How long a fork-strategy worker gets to report a timeout or a cancel before it is killed. */
const graceMs = 2000;

/**
 * The seed's exec mode, done safely: a pool of warm Python workers speaking the harness protocol.
 * A timeout, a crash, an out-of-memory or a protocol error costs at most that worker, which is
 * replaced; the pool stays healthy.
 */
export class ReplRunner implements Runner {
  readonly name = 'exec';
  readonly capabilities: RunnerCapabilities;
  readonly settings: ReplRunnerSettings;
  readonly #isolation: IsolationPlan;
  readonly #environment: Record<string, string>;
  #interpreter: Promise<PythonInterpreter> | undefined;
  #resolvedInterpreter: PythonInterpreter | undefined;
  readonly #pool: WorkerPool;
  #nextId = 1;

  constructor(settings: ReplRunnerSettings) {
    this.settings = settings;
    this.#isolation = resolveIsolation(settings.isolation, this.name);
    this.#environment = buildChildEnvironment(settings.envAllowlist, settings.hostEnvironment);
    this.#pool = new WorkerPool(settings.poolSize, () => this.#spawnWorker(), settings.strategy === 'inline');
    this.capabilities = {
      languages: ['python'],
      isolation: this.#isolation.kind === 'bubblewrap' ? 'namespace' : 'process',
      enforcesGuard: true,
    };
  }

  /** The live workers (for tests and diagnostics). */
  get workers(): readonly PythonWorker[] {
    return this.#pool.workers;
  }

  /** Starts the pool now instead of on the first run. */
  async warm(): Promise<void> {
    await this.#ensureInterpreter();
    this.#pool.warm();
    await Promise.all(this.#pool.workers.map((worker) => worker.ready.catch(() => undefined)));
  }

  async run(job: RunJob, options: RunOptions = {}): Promise<RunOutcome> {
    assertPythonJob(job, this.name);
    await this.#ensureInterpreter();
    const started = performance.now();
    const outputLimit = job.limits?.outputBytes ?? this.settings.outputLimitBytes;
    const stdout = new CappedOutput(outputLimit, options.onStdout);
    const stderr = new CappedOutput(outputLimit, options.onStderr);
    const guarded = job.guard !== null;
    if (options.signal?.aborted) return buildAbortedOutcome({ stdout, stderr, durationMs: 0, guarded });
    // Workers are told apart by the guard they installed (path and settings); the request carries
    // the guard's source, so it loads even where its file is hidden from a sandboxed worker.
    const guard = job.guard ? toHarnessGuard(job.guard, this.name) : null;
    const worker = await this.#pool.acquire(
      job.guard ? JSON.stringify({ modulePath: job.guard.modulePath, settings: job.guard.settings }) : null,
    );
    if (options.signal?.aborted) {
      // Aborted while it waited for a free worker.
      this.#pool.release(worker);
      return buildAbortedOutcome({ stdout, stderr, durationMs: performance.now() - started, guarded });
    }
    const inline = this.settings.strategy === 'inline';
    let ending: RunStatus | undefined;
    let limit: 'output' | undefined;
    let backstop: NodeJS.Timeout | undefined;
    const kill = (status?: RunStatus) => {
      if (status && ending === undefined) ending = status;
      worker.kill();
    };
    // Fork workers stop the job themselves and survive; inline workers are killed and replaced.
    const stop = (status: RunStatus) => {
      if (inline) return kill(status);
      if (ending === undefined) ending = status;
      if (status === 'aborted') worker.cancel();
      backstop ??= setTimeout(() => kill(), graceMs);
    };
    // Past the cap a fork worker has already stopped the job; an inline worker must go.
    const stopAtCap = () => {
      if (limit !== undefined) return;
      limit = 'output';
      if (inline) kill();
      else backstop ??= setTimeout(() => kill(), graceMs);
    };
    const onAbort = () => stop('aborted');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => stop('timeout'), job.timeoutMs);
    try {
      await worker.ready;
      const runStarted = performance.now();
      const workerEnding = await worker.run(
        {
          type: 'run',
          id: this.#nextId++,
          code: job.code,
          timeoutMs: job.timeoutMs,
          memoryBytes: job.limits?.memoryBytes ?? this.settings.memoryLimitMb * mebibyte,
          outputBytes: outputLimit,
          guard,
        },
        {
          onStdout: (chunk) => {
            if (!stdout.push(chunk)) stopAtCap();
          },
          onStderr: (chunk) => {
            if (!stderr.push(chunk)) stopAtCap();
          },
        },
      );
      let result: HarnessResult | undefined;
      if (workerEnding.kind === 'result') {
        result = workerEnding.result;
      } else if (ending === undefined && limit === undefined) {
        result = {
          type: 'result',
          exitCode: null,
          durationMs: 0,
          exception: null,
          refusals: [],
          limit: null,
          died: `the Python worker ${workerEnding.reason}`,
        };
      }
      const harnessStatus =
        result?.status === 'timeout' || result?.status === 'aborted' ? result.status : undefined;
      const status = ending ?? harnessStatus;
      if (inline && result?.limit) this.#pool.retire(worker);
      return buildRunOutcome({
        ...(status ? { status } : {}),
        exitCode: status === 'timeout' || status === 'aborted' ? null : (result?.exitCode ?? null),
        result,
        stdout,
        stderr,
        durationMs:
          workerEnding.kind === 'result' && !status
            ? performance.now() - runStarted
            : performance.now() - started,
        ...(limit ? { limit } : {}),
        guarded,
      });
    } finally {
      clearTimeout(timer);
      if (backstop) clearTimeout(backstop);
      options.signal?.removeEventListener('abort', onAbort);
      this.#pool.release(worker);
    }
  }

  /** Ends every worker (and whatever they started). Idempotent; a later run starts a new pool. */
  async dispose(): Promise<void> {
    await this.#pool.dispose();
  }

  async #ensureInterpreter(): Promise<void> {
    if (this.#resolvedInterpreter) return;
    this.#interpreter ??= resolvePythonInterpreter(this.settings.python, this.name);
    try {
      this.#resolvedInterpreter = await this.#interpreter;
    } catch (error) {
      this.#interpreter = undefined;
      throw error;
    }
  }

  #spawnWorker(): PythonWorker {
    const interpreter = this.#resolvedInterpreter as PythonInterpreter;
    const command = wrapCommand(
      this.#isolation,
      interpreter.path,
      [
        '-I',
        '-B',
        '-u',
        harnessPath,
        'serve',
        String(this.settings.memoryLimitMb * mebibyte),
        this.settings.strategy,
      ],
      { workingDirectory: this.settings.workingDirectory, readOnlyPaths: [dirname(harnessPath)] },
    );
    return new PythonWorker({ ...command, cwd: this.settings.workingDirectory, env: this.#environment });
  }
}
