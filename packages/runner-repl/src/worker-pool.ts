import { RunnerUnavailableError } from '@executer/core';
import type { PythonWorker } from './python-worker.js';

interface Waiter {
  key: string | null;
  resolve: (worker: PythonWorker) => void;
  reject: (error: Error) => void;
}

/**
 * A fixed number of workers, started together on first use. A job takes an idle worker; a dead
 * worker is replaced at once. With `keyed` (inline strategy), a worker that installed a guard only
 * serves jobs with the same guard, and one that ran unguarded code never gets a guard later
 * (a guard cannot be removed, and guarded code must not run where unguarded code ran first).
 */
export class WorkerPool {
  readonly size: number;
  readonly #spawn: () => PythonWorker;
  readonly #keyed: boolean;
  #workers: PythonWorker[] = [];
  readonly #busy = new Set<PythonWorker>();
  #waiters: Waiter[] = [];
  #disposed = false;

  constructor(size: number, spawnWorker: () => PythonWorker, keyed: boolean) {
    this.size = Math.max(1, Math.floor(size));
    this.#spawn = spawnWorker;
    this.#keyed = keyed;
  }

  get workers(): readonly PythonWorker[] {
    return this.#workers;
  }

  /** Starts every worker now (otherwise the first job does). */
  warm(): void {
    this.#workers = this.#workers.filter((worker) => worker.alive);
    while (this.#workers.length < this.size) this.#workers.push(this.#spawn());
  }

  acquire(key: string | null): Promise<PythonWorker> {
    this.#disposed = false;
    const worker = this.#take(key);
    if (worker) return Promise.resolve(worker);
    return new Promise<PythonWorker>((resolve, reject) => this.#waiters.push({ key, resolve, reject }));
  }

  /** Gives a worker back; a dead one is dropped and replaced. */
  release(worker: PythonWorker): void {
    this.#busy.delete(worker);
    if (this.#disposed) {
      worker.kill();
      return;
    }
    if (!worker.alive) this.#workers = this.#workers.filter((candidate) => candidate !== worker);
    // Keep the pool at full strength: the dead are replaced at once.
    while (this.#workers.length < this.size) this.#workers.push(this.#spawn());
    this.#serveWaiters();
  }

  /** Kills a worker that may be unhealthy; its release replaces it. */
  retire(worker: PythonWorker): void {
    worker.kill();
  }

  async dispose(): Promise<void> {
    this.#disposed = true;
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiters)
      waiter.reject(
        new RunnerUnavailableError('exec', 'the runner was disposed while the job waited for a worker.'),
      );
    for (const worker of this.#workers) worker.kill();
    this.#workers = [];
    this.#busy.clear();
  }

  #serveWaiters(): void {
    for (let index = 0; index < this.#waiters.length; ) {
      const waiter = this.#waiters[index] as Waiter;
      const worker = this.#take(waiter.key);
      if (!worker) {
        index++;
        continue;
      }
      this.#waiters.splice(index, 1);
      waiter.resolve(worker);
    }
  }

  #take(key: string | null): PythonWorker | undefined {
    if (this.#workers.length === 0) this.warm();
    this.#workers = this.#workers.filter((worker) => worker.alive || this.#busy.has(worker));
    const idle = this.#workers.filter((worker) => !this.#busy.has(worker));
    let chosen = this.#keyed
      ? (idle.find((worker) => worker.guardKey === key) ??
        idle.find((worker) => worker.guardKey === undefined))
      : idle[0];
    if (!chosen && this.#workers.length < this.size) {
      chosen = this.#spawn();
      this.#workers.push(chosen);
    } else if (!chosen && idle.length > 0) {
      // Only workers bound to another guard are free: swap one for a fresh worker.
      const stale = idle[0] as PythonWorker;
      stale.kill();
      this.#workers = this.#workers.filter((worker) => worker !== stale);
      chosen = this.#spawn();
      this.#workers.push(chosen);
    }
    if (!chosen) return undefined;
    if (this.#keyed) chosen.guardKey = key;
    this.#busy.add(chosen);
    return chosen;
  }
}
