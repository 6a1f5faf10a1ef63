import { dirname } from 'node:path';
import type { RunJob, Runner, RunnerCapabilities, RunOptions, RunOutcome, RunStatus } from '@executer/core';
import {
  assertPythonJob,
  buildAbortedOutcome,
  buildChildEnvironment,
  buildRunOutcome,
  CappedOutput,
  FrameDecoder,
  FrameKind,
  type HarnessResult,
  harnessEntry,
  type IsolationPlan,
  killProcessGroup,
  type PythonInterpreter,
  type PythonRuntimeSettings,
  resolveIsolation,
  resolvePythonInterpreter,
  toHarnessGuard,
  wrapCommand,
} from '@executer/python-runtime';
import { execa } from 'execa';

const mebibyte = 1024 * 1024;
/** The harness's result frame is small; anything bigger is not the harness talking. */
const maxResultBytes = 8 * mebibyte;

/**
 * One Python process per run: isolated quiet flags, an environment allowlist, its own process
 * group (a timeout or an abort kills every grandchild), RLIMIT_AS, output caps, and bubblewrap
 * namespaces where available.
 */
export class SubprocessRunner implements Runner {
  readonly name = 'subprocess';
  readonly capabilities: RunnerCapabilities;
  readonly settings: PythonRuntimeSettings;
  readonly #isolation: IsolationPlan;
  readonly #environment: Record<string, string>;
  #interpreter: Promise<PythonInterpreter> | undefined;
  readonly #running = new Set<number>();

  constructor(settings: PythonRuntimeSettings) {
    this.settings = settings;
    this.#isolation = resolveIsolation(settings.isolation, this.name);
    this.#environment = buildChildEnvironment(settings.envAllowlist, settings.hostEnvironment);
    this.capabilities = {
      languages: ['python'],
      isolation: this.#isolation.kind === 'bubblewrap' ? 'namespace' : 'process',
      enforcesGuard: true,
    };
  }

  async run(job: RunJob, options: RunOptions = {}): Promise<RunOutcome> {
    assertPythonJob(job, this.name);
    this.#interpreter ??= resolvePythonInterpreter(this.settings.python, this.name);
    this.#interpreter.catch(() => {
      this.#interpreter = undefined;
    });
    const interpreter = await this.#interpreter;
    const harness = await harnessEntry(interpreter, this.settings.bytecodeDirectory);
    const started = performance.now();
    const stdout = new CappedOutput(
      job.limits?.outputBytes ?? this.settings.outputLimitBytes,
      options.onStdout,
    );
    const stderr = new CappedOutput(
      job.limits?.outputBytes ?? this.settings.outputLimitBytes,
      options.onStderr,
    );
    if (options.signal?.aborted) {
      return buildAbortedOutcome({ stdout, stderr, durationMs: 0, guarded: job.guard !== null });
    }
    const memoryBytes = job.limits?.memoryBytes ?? this.settings.memoryLimitMb * mebibyte;
    const guard = job.guard ? toHarnessGuard(job.guard, this.name) : null;
    const input = guard ? `${JSON.stringify(guard)}\n${job.code}` : job.code;
    const command = wrapCommand(
      this.#isolation,
      interpreter.path,
      ['-I', '-B', '-u', harness, 'once', String(memoryBytes), guard ? '1' : '0'],
      {
        workingDirectory: this.settings.workingDirectory,
        // The harness must stay visible even when it lies under the sandbox's private /tmp.
        readOnlyPaths: [dirname(harness)],
      },
    );
    const child = execa(command.file, command.args, {
      cwd: this.settings.workingDirectory,
      env: this.#environment,
      extendEnv: false,
      input,
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
      buffer: false,
      encoding: 'buffer',
      reject: false,
      stripFinalNewline: false,
      // Its own process group, so that one kill reaches every grandchild.
      detached: true,
    });
    const pid = child.pid;
    if (pid !== undefined) this.#running.add(pid);

    let ending: RunStatus | undefined;
    let limit: 'output' | undefined;
    const stop = (status?: RunStatus) => {
      if (status && ending === undefined) ending = status;
      killProcessGroup(pid);
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      if (!stdout.push(chunk)) {
        limit = 'output';
        stop();
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      if (!stderr.push(chunk)) {
        limit = 'output';
        stop();
      }
    });
    const decoder = new FrameDecoder(maxResultBytes);
    let result: HarnessResult | undefined;
    child.stdio[3]?.on('data', (chunk: Buffer) => {
      try {
        for (const frame of decoder.push(chunk)) {
          if (frame.kind === FrameKind.json)
            result = JSON.parse(frame.payload.toString('utf8')) as HarnessResult;
        }
      } catch {
        result = undefined;
        stop();
      }
    });
    // A grandchild may hold the pipes open after the child exits: the group dies with the child.
    child.nodeChildProcess.once('exit', () => killProcessGroup(pid));
    const timer = setTimeout(() => stop('timeout'), job.timeoutMs);
    const onAbort = () => stop('aborted');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const finished = await child;
      const exitCode = typeof finished.exitCode === 'number' ? finished.exitCode : null;
      if (result === undefined && ending === undefined && limit === undefined && finished.signal) {
        result = {
          type: 'result',
          exitCode,
          durationMs: 0,
          exception: null,
          refusals: [],
          limit: null,
          died: `the Python process died (${finished.signal})`,
        };
      }
      return buildRunOutcome({
        ...(ending ? { status: ending } : {}),
        exitCode,
        result,
        stdout,
        stderr,
        durationMs: performance.now() - started,
        ...(limit ? { limit } : {}),
        guarded: guard !== null,
      });
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (pid !== undefined) this.#running.delete(pid);
    }
  }

  /** Kills every run still going. */
  async dispose(): Promise<void> {
    for (const pid of this.#running) killProcessGroup(pid);
    this.#running.clear();
  }
}
