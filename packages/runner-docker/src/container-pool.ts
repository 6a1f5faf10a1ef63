import { RunnerUnavailableError } from '@executer/core';

/** What the pool needs of a container. */
export interface PooledContainer {
  readonly alive: boolean;
  runs: number;
  remove(): Promise<void>;
}

export interface ContainerPoolSettings {
  /** Containers kept started ahead of need; 0 = cold mode (each container serves one run). */
  poolSize: number;
  maxContainers: number;
  maxRunsPerContainer: number;
}

interface Waiter<T> {
  resolve: (container: T) => void;
  reject: (error: unknown) => void;
}

/** Thrown to a caller whose AbortSignal fired while it waited for a container. */
export class PoolWaitAborted extends RunnerUnavailableError {
  constructor() {
    super('docker', 'the run was aborted while it waited for a container');
  }
}

/**
 * A warm pool of containers. `poolSize` of them are started ahead of need and refilled in the
 * background; at most `maxContainers` are alive at once, and callers beyond that wait in order.
 * A container goes back to the pool after a clean run (and `prepare`, which wipes what the run
 * left), or is removed and replaced after a timeout, a crash, or `maxRunsPerContainer` runs.
 */
export class ContainerPool<T extends PooledContainer> {
  readonly #settings: ContainerPoolSettings;
  readonly #start: () => Promise<T>;
  readonly #idle: T[] = [];
  readonly #live = new Set<T>();
  readonly #waiters: Waiter<T>[] = [];
  readonly #removals = new Set<Promise<void>>();
  #starting = 0;
  /** Containers being wiped after a run: ready again in a few ms, so waiters count on them. */
  #resetting = 0;
  #disposed = false;
  /** The last failure of a background start, surfaced to the next caller that finds no container. */
  #lastStartError: unknown;

  constructor(settings: ContainerPoolSettings, start: () => Promise<T>) {
    this.#settings = settings;
    this.#start = start;
  }

  /** Containers alive (idle or busy), not counting those still starting. */
  get size(): number {
    return this.#live.size;
  }

  get idleCount(): number {
    return this.#idle.length;
  }

  /** Starts containers in the background until `poolSize` are alive or starting. */
  warm(): void {
    while (!this.#disposed && this.#live.size + this.#starting < this.#settings.poolSize && this.#hasRoom()) {
      this.#startOne();
    }
  }

  /** A ready container for one run; starts one when none is idle and there is room, else waits. */
  acquire(signal?: AbortSignal): Promise<T> {
    if (this.#disposed)
      return Promise.reject(new RunnerUnavailableError('docker', 'the runner was disposed'));
    if (signal?.aborted) return Promise.reject(new PoolWaitAborted());
    const container = this.#takeIdle();
    if (container) {
      this.warm();
      return Promise.resolve(container);
    }
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        resolve: (value) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(value);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      const onAbort = () => {
        const index = this.#waiters.indexOf(waiter);
        if (index >= 0) this.#waiters.splice(index, 1);
        reject(new PoolWaitAborted());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiters.push(waiter);
      this.#serveWaiters();
    });
  }

  /**
   * Hands a container back after a run. `reusable` is false after a timeout, an abort, a crash or
   * a killed run; `prepare` wipes per-run state (and may say the container is unfit).
   */
  release(container: T, reusable: boolean, prepare?: (container: T) => Promise<boolean>): void {
    const keep =
      reusable &&
      !this.#disposed &&
      this.#settings.poolSize > 0 &&
      container.alive &&
      container.runs < this.#settings.maxRunsPerContainer;
    if (!keep) {
      this.#discard(container);
      return;
    }
    if (!prepare) {
      this.#makeIdle(container);
      return;
    }
    this.#resetting += 1;
    prepare(container)
      .catch(() => false)
      .then((fit) => {
        this.#resetting -= 1;
        if (fit && container.alive) this.#makeIdle(container);
        else this.#discard(container);
      });
  }

  /** Removes every container and waits for the removals. Later acquires fail. Idempotent. */
  async dispose(): Promise<void> {
    this.#disposed = true;
    const error = new RunnerUnavailableError('docker', 'the runner was disposed');
    for (const waiter of this.#waiters.splice(0)) waiter.reject(error);
    this.#idle.length = 0;
    for (const container of [...this.#live]) this.#discard(container);
    // Starts in flight are discarded by #startOne when they finish; wait for those too.
    while (this.#starting > 0 || this.#removals.size > 0) {
      await Promise.all([...this.#removals]);
      if (this.#starting > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Removals still in progress (dispose waits for them; tests may too). */
  async settled(): Promise<void> {
    while (this.#removals.size > 0) await Promise.all([...this.#removals]);
  }

  #hasRoom(): boolean {
    return this.#live.size + this.#starting < this.#settings.maxContainers;
  }

  #takeIdle(): T | undefined {
    while (this.#idle.length > 0) {
      const container = this.#idle.shift() as T;
      if (container.alive) return container;
      this.#discard(container);
    }
    return undefined;
  }

  #makeIdle(container: T): void {
    // Past the pool size (started for a burst), a container nobody waits for is not kept.
    if (this.#disposed || (this.#waiters.length === 0 && this.#live.size > this.#settings.poolSize)) {
      this.#discard(container);
      return;
    }
    this.#idle.push(container);
    this.#serveWaiters();
  }

  #serveWaiters(): void {
    while (this.#waiters.length > 0) {
      const container = this.#takeIdle();
      if (!container) break;
      (this.#waiters.shift() as Waiter<T>).resolve(container);
    }
    // Start what the remaining waiters need beyond the containers already starting or being wiped.
    while (this.#waiters.length > this.#starting + this.#resetting && this.#hasRoom()) this.#startOne();
    if (this.#waiters.length === 0) this.warm();
  }

  #startOne(): void {
    this.#starting += 1;
    this.#start().then(
      (container) => {
        this.#starting -= 1;
        this.#lastStartError = undefined;
        this.#live.add(container);
        this.#makeIdle(container);
      },
      (error) => {
        this.#starting -= 1;
        this.#lastStartError = error;
        // A start failure fails the oldest waiter with the reason rather than letting it wait forever.
        const waiter = this.#waiters.shift();
        waiter?.reject(error);
        if (this.#waiters.length > 0) this.#serveWaiters();
      },
    );
  }

  #discard(container: T): void {
    if (!this.#live.delete(container) && this.#disposed) return;
    const index = this.#idle.indexOf(container);
    if (index >= 0) this.#idle.splice(index, 1);
    const removal = container.remove().catch(() => undefined);
    this.#removals.add(removal);
    void removal.finally(() => this.#removals.delete(removal));
    if (!this.#disposed) this.#serveWaiters();
  }

  /** The last background start failure, if the latest start failed. */
  get lastStartError(): unknown {
    return this.#lastStartError;
  }
}
