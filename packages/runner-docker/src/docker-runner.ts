import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type {
  RunJob,
  Runner,
  RunnerCapabilities,
  RunOptions,
  RunOutcome,
  RunStatus,
  RuntimeGuard,
} from '@executer/core';
import {
  assertPythonJob,
  buildAbortedOutcome,
  buildChildEnvironment,
  buildRunOutcome,
  CappedOutput,
  type HarnessResult,
  harnessPath,
} from '@executer/python-runtime';
import Docker from 'dockerode';
import { buildContainerSpec } from './build-container-spec.js';
import { ContainerPool, PoolWaitAborted } from './container-pool.js';
import { describeDockerFailure } from './describe-docker-failure.js';
import { type DockerEngineAddress, resolveDockerEngineAddress } from './docker-engine-address.js';
import { DockerLabel, dockerRunnerLabelValue } from './docker-labels.js';
import type { DockerRunnerSettings } from './docker-runner-settings.js';
import { type GuardBundle, readGuardBundle } from './guard-files.js';
import { HarnessContainer } from './harness-container.js';
import { removeStaleContainers } from './remove-stale-containers.js';
import { resetContainerCode } from './reset-container-code.js';

/** How long the harness gets to report after a timeout or abort before its container is killed. */
const graceMs = 2_000;
const resetTimeoutMs = 5_000;

export interface DockerRunnerDependencies {
  /** A ready client; built from `settings.host` otherwise. */
  docker?: Docker;
  /** Where the allowlisted variables are read from. */
  hostEnvironment?: Record<string, string | undefined>;
}

/**
 * Runs Python in hardened containers through dockerode. A warm pool keeps containers running the
 * harness in serve mode, so a run costs about what exec mode costs; with `poolSize` 0 every run
 * gets a container of its own (created, started, run, removed). The SAFE guard is copied into the
 * container and installed by the harness before the code, with the container as the outer wall.
 */
export class DockerRunner implements Runner {
  readonly name = 'docker';
  readonly capabilities: RunnerCapabilities = {
    languages: ['python'],
    isolation: 'container',
    enforcesGuard: true,
  };
  readonly settings: DockerRunnerSettings;
  readonly engine: DockerEngineAddress;
  readonly docker: Docker;
  /** Label value naming this runner instance; every container it starts carries it. */
  readonly owner: string;
  readonly #pool: ContainerPool<HarnessContainer>;
  readonly #environment: Record<string, string>;
  readonly #guardBundles = new Map<string, Promise<GuardBundle>>();
  #prepared: Promise<void> | undefined;
  #nextId = 1;

  constructor(settings: DockerRunnerSettings, dependencies: DockerRunnerDependencies = {}) {
    this.settings = settings;
    this.engine = resolveDockerEngineAddress(settings.host, dependencies.hostEnvironment ?? process.env);
    this.docker = dependencies.docker ?? new Docker(this.engine.clientOptions);
    this.owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
    // The image's own PATH, HOME and LANG stay; only allowlisted host variables and configured ones go in.
    const allowlisted = buildChildEnvironment(
      settings.envAllowlist,
      dependencies.hostEnvironment ?? process.env,
    );
    for (const name of ['PATH', 'HOME', 'LANG', 'LC_ALL'])
      if (!settings.envAllowlist.includes(name)) delete allowlisted[name];
    this.#environment = { ...allowlisted, ...settings.env };
    this.#pool = new ContainerPool(settings, () => this.#startContainer());
  }

  /** Labels of this runner's containers (`docker ps --filter label=...` finds them). */
  get labels(): Record<string, string> {
    return {
      [DockerLabel.runner]: dockerRunnerLabelValue,
      [DockerLabel.owner]: this.owner,
      [DockerLabel.ownerHost]: hostname(),
      [DockerLabel.ownerPid]: String(process.pid),
    };
  }

  /** Starts the pool now (and checks the engine and image) instead of on the first run. */
  async warm(): Promise<void> {
    await this.#prepare();
    this.#pool.warm();
  }

  async run(job: RunJob, options: RunOptions = {}): Promise<RunOutcome> {
    assertPythonJob(job, this.name);
    const started = performance.now();
    const outputLimit = job.limits?.outputBytes ?? this.settings.outputLimitBytes;
    const stdout = new CappedOutput(outputLimit, options.onStdout);
    const stderr = new CappedOutput(outputLimit, options.onStderr);
    const guarded = job.guard !== null;
    const aborted = () =>
      buildAbortedOutcome({ stdout, stderr, durationMs: performance.now() - started, guarded });
    if (options.signal?.aborted) return aborted();
    await this.#prepare();
    const bundle = job.guard ? await this.#guardBundle(job.guard) : undefined;
    let container: HarnessContainer;
    try {
      container = await this.#pool.acquire(options.signal);
    } catch (error) {
      if (error instanceof PoolWaitAborted) return aborted();
      throw error;
    }
    let reusable = true;
    try {
      if (bundle) await container.installGuard(bundle);
      return await this.#runOn(container, job, options, {
        stdout,
        stderr,
        outputLimit,
        bundle,
        onUnfit: () => (reusable = false),
      });
    } catch (error) {
      reusable = false;
      throw error;
    } finally {
      this.#pool.release(container, reusable, (candidate) => this.#reset(candidate));
    }
  }

  /** Removes every container this runner started and waits until they are gone. Idempotent. */
  async dispose(): Promise<void> {
    await this.#pool.dispose();
  }

  /** Waits until containers being replaced in the background are removed (tests use it). */
  async settled(): Promise<void> {
    await this.#pool.settled();
  }

  async #runOn(
    container: HarnessContainer,
    job: RunJob,
    options: RunOptions,
    run: {
      stdout: CappedOutput;
      stderr: CappedOutput;
      outputLimit: number;
      bundle: GuardBundle | undefined;
      onUnfit: () => void;
    },
  ): Promise<RunOutcome> {
    const { stdout, stderr } = run;
    let hostStatus: RunStatus | undefined;
    let limit: 'output' | undefined;
    let backstop: NodeJS.Timeout | undefined;
    // The harness stops the job itself (timeout, cancel, output cap); the host kills the container only if it does not.
    const stop = (status: RunStatus | undefined) => {
      if (status && hostStatus === undefined) hostStatus = status;
      if (status === 'aborted') container.cancel();
      run.onUnfit();
      backstop ??= setTimeout(() => container.kill(), graceMs);
    };
    const onAbort = () => stop('aborted');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => stop('timeout'), job.timeoutMs + graceMs);
    const runStarted = performance.now();
    try {
      const ending = await container.run(
        {
          type: 'run',
          id: this.#nextId++,
          code: job.code,
          timeoutMs: job.timeoutMs,
          memoryBytes: job.limits?.memoryBytes ?? this.settings.runMemoryBytes,
          // One byte past the cap, so the host sees the overflow and marks the stream truncated.
          outputBytes: run.outputLimit + 1,
          guard:
            run.bundle && job.guard
              ? { modulePath: run.bundle.containerModulePath, settings: job.guard.settings }
              : null,
        },
        {
          onStdout: (chunk) => {
            if (!stdout.push(chunk) && limit === undefined) {
              limit = 'output';
              stop(undefined);
            }
          },
          onStderr: (chunk) => {
            if (!stderr.push(chunk) && limit === undefined) {
              limit = 'output';
              stop(undefined);
            }
          },
        },
      );
      let result: HarnessResult | undefined;
      let memory = false;
      if (ending.kind === 'result') {
        result = ending.result;
        if (result.died) {
          // Inside the container only the kernel's OOM killer sends SIGKILL to a run nobody stopped.
          memory = /signal 9\b/.test(result.died);
          run.onUnfit();
        }
      } else {
        run.onUnfit();
        if (hostStatus === undefined && limit === undefined) {
          memory = ending.oomKilled;
          result = {
            type: 'result',
            exitCode: null,
            durationMs: 0,
            exception: null,
            refusals: [],
            limit: null,
            died: `the container ${ending.reason}`,
          };
        }
      }
      const harnessStatus =
        result?.status === 'timeout' || result?.status === 'aborted' ? result.status : undefined;
      if (harnessStatus) run.onUnfit();
      const status = hostStatus ?? harnessStatus;
      return buildRunOutcome({
        ...(status ? { status } : {}),
        exitCode:
          status === 'timeout' || status === 'aborted' || result?.died ? null : (result?.exitCode ?? null),
        result,
        stdout,
        stderr,
        durationMs: performance.now() - runStarted,
        ...(limit ? { limit } : memory ? { limit: 'memory' as const } : {}),
        guarded: job.guard !== null,
      });
    } finally {
      clearTimeout(timer);
      if (backstop) clearTimeout(backstop);
      options.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Wipes what a run left in a warm container; false when the container should be replaced. */
  async #reset(container: HarnessContainer): Promise<boolean> {
    const timer = setTimeout(() => container.kill(), resetTimeoutMs);
    try {
      const ending = await container.run(
        { type: 'run', id: this.#nextId++, code: resetContainerCode, timeoutMs: resetTimeoutMs, guard: null },
        { onStdout: () => undefined, onStderr: () => undefined },
      );
      // The reset is bookkeeping, not a run: it does not count towards max_runs_per_container.
      container.runs -= 1;
      return ending.kind === 'result' && ending.result.exitCode === 0;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Once: checks the engine and the image, and sweeps containers left by a crashed host. */
  #prepare(): Promise<void> {
    this.#prepared ??= (async () => {
      const context = { address: this.engine.address, image: this.settings.image };
      try {
        await this.docker.ping();
      } catch (error) {
        throw describeDockerFailure('ping', error, context);
      }
      await removeStaleContainers(this.docker).catch(() => 0);
      await this.#ensureImage();
    })();
    this.#prepared.catch(() => {
      // A failed check is retried by the next run (the engine may have been started since).
      this.#prepared = undefined;
    });
    return this.#prepared;
  }

  async #ensureImage(): Promise<void> {
    const context = { address: this.engine.address, image: this.settings.image };
    try {
      await this.docker.getImage(this.settings.image).inspect();
      return;
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode !== 404)
        throw describeDockerFailure('image', error, context);
      if (this.settings.pull === 'never') throw describeDockerFailure('image', error, context);
    }
    try {
      const progress = await this.docker.pull(this.settings.image);
      await new Promise<void>((resolve, reject) =>
        this.docker.modem.followProgress(progress, (error: Error | null) =>
          error ? reject(error) : resolve(),
        ),
      );
    } catch (error) {
      throw describeDockerFailure('image', error, context);
    }
  }

  #startContainer(): Promise<HarnessContainer> {
    return HarnessContainer.start({
      docker: this.docker,
      spec: buildContainerSpec({
        settings: this.settings,
        labels: this.labels,
        environment: this.#environment,
      }),
      runtimeFiles: [{ name: 'harness.py', content: harnessSource() }],
      startTimeoutMs: this.settings.startTimeoutMs,
      context: { address: this.engine.address, image: this.settings.image },
    });
  }

  #guardBundle(guard: RuntimeGuard): Promise<GuardBundle> {
    let bundle = this.#guardBundles.get(guard.modulePath);
    if (!bundle) {
      bundle = readGuardBundle(guard);
      this.#guardBundles.set(guard.modulePath, bundle);
      bundle.catch(() => this.#guardBundles.delete(guard.modulePath));
    }
    return bundle;
  }
}

let harnessContent: Buffer | undefined;
function harnessSource(): Buffer {
  harnessContent ??= readFileSync(harnessPath);
  return harnessContent;
}
