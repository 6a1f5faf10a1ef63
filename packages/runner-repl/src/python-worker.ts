import { type ChildProcess, spawn } from 'node:child_process';
import { RunnerUnavailableError } from '@executer/core';
import {
  encodeJsonFrame,
  FrameDecoder,
  FrameKind,
  type HarnessReady,
  type HarnessRequest,
  type HarnessResult,
  type HarnessRunRequest,
  killProcessGroup,
} from '@executer/python-runtime';

/** How to start one worker (already wrapped for isolation). */
export interface WorkerCommand {
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
}

export interface WorkerRunCallbacks {
  onStdout: (chunk: Buffer) => void;
  onStderr: (chunk: Buffer) => void;
}

/** How a job on a worker ended: the harness's result, or the worker's death. */
export type WorkerRunEnding = { kind: 'result'; result: HarnessResult } | { kind: 'died'; reason: string };

const diagnosticsBytes = 4096;

/**
 * One long-lived harness in serve mode, speaking frames over its stdin/stdout, in its own process
 * group. It exits by itself when its stdin closes, so it cannot outlive the host.
 */
export class PythonWorker {
  /** The guard this worker has installed (inline strategy): undefined = none yet, null = runs unguarded. */
  guardKey: string | null | undefined;
  readonly ready: Promise<HarnessReady>;
  readonly #child: ChildProcess;
  readonly #decoder = new FrameDecoder();
  #diagnostics = '';
  #alive = true;
  #current: { callbacks: WorkerRunCallbacks; resolve: (ending: WorkerRunEnding) => void } | undefined;
  #resolveReady!: (ready: HarnessReady) => void;
  #rejectReady!: (reason: Error) => void;

  constructor(command: WorkerCommand) {
    this.ready = new Promise<HarnessReady>((resolve, reject) => {
      this.#resolveReady = resolve;
      this.#rejectReady = reject;
    });
    this.ready.catch(() => undefined);
    this.#child = spawn(command.file, command.args, {
      cwd: command.cwd,
      env: command.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    this.#child.stdout?.on('data', (chunk: Buffer) => this.#receive(chunk));
    this.#child.stderr?.on('data', (chunk: Buffer) => {
      this.#diagnostics = (this.#diagnostics + chunk.toString('utf8')).slice(-diagnosticsBytes);
    });
    this.#child.stdin?.on('error', () => undefined);
    this.#child.on('error', (error) => this.#die(`could not start: ${error.message}`));
    // Output still in the pipe may follow 'exit'; 'close' comes after it. A grandchild left in
    // the group would hold the pipe open, so 'exit' kills the group; the delay is only a fallback
    // for one that left the group, and is long enough that a busy event loop still drains the pipe
    // first (a short one lost a crashed run's last output on a loaded machine).
    this.#child.on('close', (code, signal) => this.#die(`exited (${signal ?? `code ${code}`})`));
    this.#child.on('exit', (code, signal) => {
      killProcessGroup(this.#child.pid);
      setTimeout(() => this.#die(`exited (${signal ?? `code ${code}`})`), 2000).unref();
    });
    this.#setReferenced(false);
  }

  get alive(): boolean {
    return this.#alive;
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  /** What the worker wrote on its own stderr (harness diagnostics), last 4 KiB. */
  get diagnostics(): string {
    return this.#diagnostics;
  }

  run(request: HarnessRunRequest, callbacks: WorkerRunCallbacks): Promise<WorkerRunEnding> {
    if (!this.#alive) return Promise.resolve({ kind: 'died', reason: 'the worker is not running' });
    return new Promise<WorkerRunEnding>((resolve) => {
      this.#current = { callbacks, resolve };
      this.#setReferenced(true);
      this.#send(request);
    });
  }

  cancel(): void {
    this.#send({ type: 'cancel' });
  }

  /** Kills the worker and everything it started. */
  kill(): void {
    killProcessGroup(this.#child.pid);
    this.#child.stdin?.destroy();
    this.#die('killed');
  }

  #send(request: HarnessRequest): void {
    if (this.#alive) this.#child.stdin?.write(encodeJsonFrame(request));
  }

  #receive(chunk: Buffer): void {
    let frames: ReturnType<FrameDecoder['push']>;
    try {
      frames = this.#decoder.push(chunk);
    } catch (error) {
      this.kill();
      this.#finish({ kind: 'died', reason: `protocol error: ${(error as Error).message}` });
      return;
    }
    for (const frame of frames) {
      if (frame.kind === FrameKind.stdout) this.#current?.callbacks.onStdout(frame.payload);
      else if (frame.kind === FrameKind.stderr) this.#current?.callbacks.onStderr(frame.payload);
      else this.#message(frame.payload);
    }
  }

  #message(payload: Buffer): void {
    let message: HarnessReady | HarnessResult;
    try {
      message = JSON.parse(payload.toString('utf8')) as HarnessReady | HarnessResult;
    } catch {
      this.kill();
      this.#finish({ kind: 'died', reason: 'protocol error: a message that is not JSON' });
      return;
    }
    if (message.type === 'ready') this.#resolveReady(message);
    else if (message.type === 'result') this.#finish({ kind: 'result', result: message });
  }

  #finish(ending: WorkerRunEnding): void {
    const current = this.#current;
    this.#current = undefined;
    this.#setReferenced(false);
    current?.resolve(ending);
  }

  #die(reason: string): void {
    if (!this.#alive) return;
    this.#alive = false;
    const detail = this.#diagnostics.trim() ? `${reason}: ${this.#diagnostics.trim()}` : reason;
    this.#rejectReady(new RunnerUnavailableError('exec', `the Python worker ${detail}`));
    this.#finish({ kind: 'died', reason: detail });
  }

  /** An idle worker must not keep the host's event loop alive; a running one must. */
  #setReferenced(referenced: boolean): void {
    const handles = [this.#child, this.#child.stdout, this.#child.stderr, this.#child.stdin] as Array<{
      ref?: () => void;
      unref?: () => void;
      destroyed?: boolean;
    } | null>;
    for (const handle of handles) {
      // A destroyed socket would queue the call until a 'connect' that never comes.
      if (handle?.destroyed) continue;
      if (referenced) handle?.ref?.();
      else handle?.unref?.();
    }
  }
}
