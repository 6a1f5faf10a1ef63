import { type ChildProcess, spawn } from 'node:child_process';
import {
  type HarnessReady,
  type HarnessRunCallbacks,
  type HarnessRunEnding,
  type HarnessRunRequest,
  HarnessSession,
  killProcessGroup,
} from '@executer/python-runtime';

/** How to start one worker (already wrapped for isolation). */
export interface WorkerCommand {
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
}

export type WorkerRunCallbacks = HarnessRunCallbacks;

/** How a job on a worker ended: the harness's result, or the worker's death. */
export type WorkerRunEnding = HarnessRunEnding;

/**
 * One long-lived harness in serve mode, speaking frames over its stdin/stdout, in its own process
 * group. It exits by itself when its stdin closes, so it cannot outlive the host.
 */
export class PythonWorker {
  /** The guard this worker has installed (inline strategy): undefined = none yet, null = runs unguarded. */
  guardKey: string | null | undefined;
  readonly #child: ChildProcess;
  readonly #session: HarnessSession;

  constructor(command: WorkerCommand) {
    this.#session = new HarnessSession({
      runner: 'exec',
      describeUnready: (detail) => `the Python worker ${detail}`,
      write: (frame) => this.#child.stdin?.write(frame),
      onProtocolError: () => this.kill(),
      onBusy: (busy) => this.#setReferenced(busy),
      notRunning: { reason: 'the worker is not running' },
      deathDetails: () => ({}),
    });
    this.#child = spawn(command.file, command.args, {
      cwd: command.cwd,
      env: command.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    this.#child.stdout?.on('data', (chunk: Buffer) => this.#session.push(chunk));
    this.#child.stderr?.on('data', (chunk: Buffer) => this.#session.pushDiagnostics(chunk));
    this.#child.stdin?.on('error', () => undefined);
    this.#child.on('error', (error) => this.#session.end(`could not start: ${error.message}`));
    // Output still in the pipe may follow 'exit'; 'close' comes after it. A grandchild left in
    // the group would hold the pipe open, so 'exit' kills the group; the delay is only a fallback
    // for one that left the group, and is long enough that a busy event loop still drains the pipe
    // first (a short one lost a crashed run's last output on a loaded machine).
    this.#child.on('close', (code, signal) => this.#session.end(`exited (${signal ?? `code ${code}`})`));
    this.#child.on('exit', (code, signal) => {
      killProcessGroup(this.#child.pid);
      setTimeout(() => this.#session.end(`exited (${signal ?? `code ${code}`})`), 2000).unref();
    });
    this.#setReferenced(false);
  }

  get ready(): Promise<HarnessReady> {
    return this.#session.ready;
  }

  get alive(): boolean {
    return this.#session.alive;
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  /** What the worker wrote on its own stderr (harness diagnostics), last 4 KiB. */
  get diagnostics(): string {
    return this.#session.diagnostics;
  }

  run(request: HarnessRunRequest, callbacks: WorkerRunCallbacks): Promise<WorkerRunEnding> {
    return this.#session.run(request, callbacks);
  }

  cancel(): void {
    this.#session.cancel();
  }

  /** Kills the worker and everything it started. */
  kill(): void {
    killProcessGroup(this.#child.pid);
    this.#child.stdin?.destroy();
    this.#session.end('killed');
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
