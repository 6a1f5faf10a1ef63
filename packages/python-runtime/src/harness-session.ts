import { RunnerUnavailableError } from '@executer/core';
import { encodeJsonFrame, FrameKind } from './frame.js';
import { FrameDecoder } from './frame-decoder.js';
import type { HarnessReady, HarnessRequest, HarnessResult, HarnessRunRequest } from './harness-messages.js';
import { HarnessProtocolError } from './harness-protocol-error.js';
import type { HarnessRunCallbacks, HarnessRunEnding } from './harness-run-ending.js';

export interface HarnessSessionOptions<Death extends object> {
  /** The runner named by the readiness rejection (RunnerUnavailableError). */
  runner: string;
  /** The readiness rejection's message, given why the harness died (its diagnostics appended). */
  describeUnready: (detail: string) => string;
  /** Sends one encoded frame to the harness; only called while the session is alive. */
  write: (frame: Buffer) => void;
  /**
   * The session ended itself on bytes that are not the protocol: the transport must now kill its
   * process or container (its own `end` call that follows changes nothing).
   */
  onProtocolError: (error: HarnessProtocolError) => void;
  /** True when a run starts, false when it ends: only a busy harness may keep the host's event loop alive. */
  onBusy: (busy: boolean) => void;
  /** The ending of a run asked of a session that has already ended. */
  notRunning: { reason: string } & Death;
  /**
   * The extra fields of a death that interrupts a run. May be asynchronous (Docker asks the engine
   * whether the OOM killer struck): the run's ending waits for it. Must not reject.
   */
  deathDetails: () => Death | Promise<Death>;
}

const diagnosticsBytes = 4096;

/**
 * One session of the harness protocol in serve mode, whatever carries the bytes (a worker's pipes,
 * a container's attach stream): requests out through `write`, the harness's frames in through
 * `push`, its own stderr through `pushDiagnostics`, and the transport's death through `end`.
 * One run at a time.
 */
export class HarnessSession<Death extends object = Record<never, never>> {
  readonly ready: Promise<HarnessReady>;
  readonly #options: HarnessSessionOptions<Death>;
  readonly #decoder = new FrameDecoder();
  #diagnostics = '';
  #alive = true;
  /** After a protocol error the decoder's state is garbage: later bytes are dropped. */
  #broken = false;
  #current:
    | { callbacks: HarnessRunCallbacks; resolve: (ending: HarnessRunEnding<Death>) => void }
    | undefined;
  #resolveReady!: (ready: HarnessReady) => void;
  #rejectReady!: (reason: Error) => void;

  constructor(options: HarnessSessionOptions<Death>) {
    this.#options = options;
    this.ready = new Promise<HarnessReady>((resolve, reject) => {
      this.#resolveReady = resolve;
      this.#rejectReady = reject;
    });
    // A harness that dies before anyone awaits readiness is not an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  get alive(): boolean {
    return this.#alive;
  }

  /** Whether a run is in progress (its ending not yet reported). */
  get busy(): boolean {
    return this.#current !== undefined;
  }

  /** What the harness wrote on its own stderr, last 4 KiB. */
  get diagnostics(): string {
    return this.#diagnostics;
  }

  /** Runs one request; resolves with its result or the harness's death, never rejects. */
  run(request: HarnessRunRequest, callbacks: HarnessRunCallbacks): Promise<HarnessRunEnding<Death>> {
    if (!this.#alive) return Promise.resolve({ kind: 'died', ...this.#options.notRunning });
    return new Promise<HarnessRunEnding<Death>>((resolve) => {
      this.#current = { callbacks, resolve };
      this.#options.onBusy(true);
      this.#send(request);
    });
  }

  /** Asks the harness to stop the running job (fork strategy answers with status "aborted"). */
  cancel(): void {
    this.#send({ type: 'cancel' });
  }

  /** Bytes the harness wrote on its protocol channel. */
  push(chunk: Buffer): void {
    if (this.#broken) return;
    let frames: ReturnType<FrameDecoder['push']>;
    try {
      frames = this.#decoder.push(chunk);
    } catch (error) {
      const protocolError =
        error instanceof HarnessProtocolError
          ? error
          : new HarnessProtocolError(String(error), { cause: error });
      this.#fail(protocolError, `protocol error: ${protocolError.message}`);
      return;
    }
    for (const frame of frames) {
      if (frame.kind === FrameKind.stdout) this.#current?.callbacks.onStdout(frame.payload);
      else if (frame.kind === FrameKind.stderr) this.#current?.callbacks.onStderr(frame.payload);
      else this.#message(frame.payload);
      if (this.#broken) return;
    }
  }

  /** Bytes the harness wrote on its own stderr (diagnostics, appended to a death's reason). */
  pushDiagnostics(chunk: Buffer): void {
    this.#diagnostics = (this.#diagnostics + chunk.toString('utf8')).slice(-diagnosticsBytes);
  }

  /**
   * The transport says the harness is gone: readiness rejects, and the current run ends as died
   * (once `deathDetails` answers). Only the first call counts.
   */
  end(reason: string): void {
    if (!this.#alive) return;
    this.#alive = false;
    const diagnostics = this.#diagnostics.trim();
    const detail = diagnostics ? `${reason}: ${diagnostics}` : reason;
    this.#rejectReady(
      new RunnerUnavailableError(this.#options.runner, this.#options.describeUnready(detail)),
    );
    const current = this.#current;
    if (!current) return;
    const finish = (details: Death): void => {
      // A result that came in while the details were asked for has already ended the run.
      if (this.#current === current) this.#finish({ kind: 'died', reason: detail, ...details });
    };
    const details = this.#options.deathDetails();
    if (details instanceof Promise) void details.then(finish);
    else finish(details);
  }

  #send(request: HarnessRequest): void {
    if (this.#alive) this.#options.write(encodeJsonFrame(request));
  }

  #message(payload: Buffer): void {
    let message: HarnessReady | HarnessResult;
    try {
      message = JSON.parse(payload.toString('utf8')) as HarnessReady | HarnessResult;
    } catch (error) {
      this.#fail(
        new HarnessProtocolError('a message that is not JSON', { cause: error }),
        'protocol error: a message that is not JSON',
      );
      return;
    }
    if (message.type === 'ready') this.#resolveReady(message);
    else if (message.type === 'result') this.#finish({ kind: 'result', result: message });
  }

  #fail(error: HarnessProtocolError, reason: string): void {
    this.#broken = true;
    this.end(reason);
    this.#options.onProtocolError(error);
  }

  #finish(ending: HarnessRunEnding<Death>): void {
    const current = this.#current;
    this.#current = undefined;
    this.#options.onBusy(false);
    current?.resolve(ending);
  }
}
