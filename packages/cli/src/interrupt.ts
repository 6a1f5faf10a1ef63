/**
 * Turns Ctrl-C into an AbortSignal, so the run stops its model call or kills its process tree,
 * saves its record and exits 130. A second Ctrl-C exits at once.
 */
export class Interrupt implements Disposable {
  readonly #controller = new AbortController();
  readonly #onSignal = (): void => {
    if (this.#controller.signal.aborted) process.exit(130);
    this.#controller.abort();
  };

  constructor() {
    process.on('SIGINT', this.#onSignal);
    process.on('SIGTERM', this.#onSignal);
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get interrupted(): boolean {
    return this.#controller.signal.aborted;
  }

  [Symbol.dispose](): void {
    process.off('SIGINT', this.#onSignal);
    process.off('SIGTERM', this.#onSignal);
  }
}
