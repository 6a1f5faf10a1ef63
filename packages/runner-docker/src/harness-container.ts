import { PassThrough } from 'node:stream';
import { RunnerUnavailableError } from '@executer/core';
import {
  type HarnessRunCallbacks,
  type HarnessRunEnding,
  type HarnessRunRequest,
  HarnessSession,
} from '@executer/python-runtime';
import type Docker from 'dockerode';
import { runtimeDirectory } from './container-paths.js';
import { type ContainerStartStage, describeDockerFailure } from './describe-docker-failure.js';
import type { GuardBundle } from './guard-files.js';
import { buildRuntimeArchive, type RuntimeFile } from './runtime-archive.js';

export interface HarnessContainerOptions {
  docker: Docker;
  spec: Docker.ContainerCreateOptions;
  /** Files copied into the runtime volume before start (the harness). */
  runtimeFiles: readonly RuntimeFile[];
  startTimeoutMs: number;
  /** The engine address and image, for error messages. */
  context: { address: string; image: string };
}

export type ContainerRunCallbacks = HarnessRunCallbacks;

/** How a run on a container ended: the harness's result, or the container's death. */
export type ContainerRunEnding = HarnessRunEnding<{ oomKilled: boolean }>;

/**
 * One container running the harness in serve mode ("fork": a fresh forked child per run, so module
 * state never carries over), speaking frames over the hijacked attach stream: requests on stdin,
 * frames on stdout, the harness's own diagnostics on stderr. Closing the stream ends the harness.
 */
export class HarnessContainer {
  /** Runs started on this container. */
  runs = 0;
  /** Guard bundles already copied in (by digest). */
  readonly guards = new Set<string>();
  readonly #docker: Docker;
  readonly #session: HarnessSession<{ oomKilled: boolean }>;
  #container: Docker.Container | undefined;
  #stream: NodeJS.ReadWriteStream | undefined;
  /** Whether the attach stream was set up (the session says whether it has ended since). */
  #attached = false;
  #removal: Promise<void> | undefined;

  private constructor(docker: Docker) {
    this.#docker = docker;
    this.#session = new HarnessSession({
      runner: 'docker',
      describeUnready: (detail) => `the harness did not start: ${detail}`,
      write: (frame) => this.#stream?.write(frame),
      onProtocolError: () => void this.remove(),
      onBusy: (busy) => this.#setReferenced(busy),
      notRunning: { reason: 'the container is not running', oomKilled: false },
      // The OOM flag is only readable from the engine; the run's ending waits for it.
      deathDetails: async () => ({ oomKilled: await this.wasOomKilled() }),
    });
  }

  /** Creates, fills, attaches and starts a container, and waits for its harness to say it is ready. */
  static async start(options: HarnessContainerOptions): Promise<HarnessContainer> {
    const harness = new HarnessContainer(options.docker);
    try {
      await harness.#start(options);
      return harness;
    } catch (error) {
      await harness.remove();
      throw error;
    }
  }

  get id(): string | undefined {
    return this.#container?.id;
  }

  get alive(): boolean {
    return this.#attached && this.#session.alive;
  }

  get diagnostics(): string {
    return this.#session.diagnostics;
  }

  async #start(options: HarnessContainerOptions): Promise<void> {
    const deadline = performance.now() + options.startTimeoutMs;
    const stage = async <T>(name: ContainerStartStage, work: Promise<T>): Promise<T> => {
      const remaining = Math.max(1, deadline - performance.now());
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new RunnerUnavailableError('docker', `no answer within ${options.startTimeoutMs} ms`)),
          remaining,
        );
      });
      try {
        return await Promise.race([work, timeout]);
      } catch (error) {
        throw describeDockerFailure(name, error, {
          ...options.context,
          diagnostics: this.#session.diagnostics.trim(),
        });
      } finally {
        clearTimeout(timer);
      }
    };
    this.#container = await stage('create', options.docker.createContainer(options.spec));
    const container = this.#container;
    await stage(
      'copy',
      buildRuntimeArchive(options.runtimeFiles).then((archive) =>
        container.putArchive(archive, { path: runtimeDirectory }),
      ),
    );
    const stream = (await stage(
      'attach',
      container.attach({ stream: true, stdin: true, stdout: true, stderr: true, hijack: true }),
    )) as NodeJS.ReadWriteStream;
    this.#stream = stream;
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    container.modem.demuxStream(stream, stdout, stderr);
    stdout.on('data', (chunk: Buffer) => this.#session.push(chunk));
    stderr.on('data', (chunk: Buffer) => this.#session.pushDiagnostics(chunk));
    stream.on('error', () => this.#session.end('the attach stream failed'));
    stream.on('end', () => this.#session.end('the container stopped'));
    stream.on('close', () => this.#session.end('the container stopped'));
    this.#attached = true;
    await stage('start', container.start());
    await stage('ready', this.#session.ready);
    this.#setReferenced(false);
  }

  /** Copies a guard bundle into the container's runtime volume (once per container). */
  async installGuard(bundle: GuardBundle): Promise<void> {
    if (this.guards.has(bundle.digest)) return;
    const archive = await buildRuntimeArchive(bundle.files);
    await this.#container?.putArchive(archive, { path: runtimeDirectory });
    this.guards.add(bundle.digest);
  }

  run(request: HarnessRunRequest, callbacks: ContainerRunCallbacks): Promise<ContainerRunEnding> {
    if (!this.alive)
      return Promise.resolve({ kind: 'died', reason: 'the container is not running', oomKilled: false });
    this.runs += 1;
    return this.#session.run(request, callbacks);
  }

  /** Asks the harness to stop the running job (it kills the job's process group and reports "aborted"). */
  cancel(): void {
    this.#session.cancel();
  }

  /** Kills the container now; a run in progress ends as died. */
  kill(): void {
    this.#session.end('killed');
    void this.remove();
  }

  /** Removes the container and its runtime volume, whatever its state. Idempotent. */
  remove(): Promise<void> {
    this.#removal ??= (async () => {
      this.#session.end('removed');
      this.#stream?.end();
      const container = this.#container;
      if (!container) return;
      try {
        await container.remove({ force: true, v: true });
      } catch (error) {
        // Already gone is fine; anything else is left for the stale-container sweep.
        if ((error as { statusCode?: number }).statusCode !== 404) return;
      }
    })();
    return this.#removal;
  }

  /** Whether the engine says the kernel's OOM killer struck this container. */
  async wasOomKilled(): Promise<boolean> {
    try {
      const state = (await this.#container?.inspect())?.State;
      return state?.OOMKilled === true;
    } catch {
      return false;
    }
  }

  /** An idle container's stream must not keep the host's event loop alive; a busy one must. */
  #setReferenced(referenced: boolean): void {
    const socket = this.#stream as unknown as { ref?: () => void; unref?: () => void } | undefined;
    if (referenced) socket?.ref?.();
    else socket?.unref?.();
  }
}
