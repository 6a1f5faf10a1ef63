import { formatViolations } from '@executer/core';
import type { Attempt, ExecuterEvent, ExecutionResult } from '@executer/executer';
import type { Spinner } from 'yocto-spinner';
import type { Terminal } from './terminal.js';

const statusWords: Record<Attempt['status'], string> = {
  success: 'succeeded',
  error: 'failed',
  timeout: 'timed out',
  aborted: 'was aborted',
  refused: 'was refused by the SAFE runtime guard',
  violations: 'broke SAFE rules (not run)',
  'no-code': 'held no code',
};

/**
 * Renders a run as it happens: a spinner (with the streamed answer's length and last line) while
 * the model works, then the code, the output as it arrives, each retry and why. Code and program
 * output go to stdout; progress goes to stderr.
 */
export class LiveView {
  readonly #terminal: Terminal;
  #spinner: Spinner | undefined;
  #streamed = '';
  #outputEndsWithNewline = true;
  #sawStderr = false;

  readonly #showCode: boolean;

  /** `showCode: false` for `exec`, whose code the user already has. */
  constructor(terminal: Terminal, options: { showCode?: boolean } = {}) {
    this.#terminal = terminal;
    this.#showCode = options.showCode ?? true;
  }

  readonly onEvent = (event: ExecuterEvent): void => {
    const terminal = this.#terminal;
    switch (event.type) {
      case 'attempt-start':
        if (event.attempt > 1)
          terminal.status(terminal.err('bold', `Attempt ${event.attempt} of ${event.maxAttempts}`));
        break;
      case 'generating':
        this.#streamed = '';
        this.#startSpinner(`Generating code with ${event.provider}${event.model ? ` (${event.model})` : ''}`);
        break;
      case 'text-delta':
        this.#streamed += event.delta;
        if (this.#spinner) {
          const lastLine = this.#streamed.trimEnd().split('\n').at(-1)?.slice(0, 60) ?? '';
          this.#spinner.text = `Generating code: ${this.#streamed.length} characters  ${terminal.err('dim', lastLine)}`;
        }
        break;
      case 'provider-retry':
        this.#stopSpinner();
        terminal.status(
          terminal.err(
            'yellow',
            `Provider busy (${event.error.message}); retry ${event.retry} in ${(event.delayMs / 1000).toFixed(1)} s`,
          ),
        );
        break;
      case 'code':
        this.#stopSpinner();
        if (!this.#showCode) break;
        terminal.status(terminal.err('cyan', `── code (attempt ${event.attempt}) ──`));
        terminal.write(`${terminal.out('dim', event.code.trimEnd())}\n`);
        break;
      case 'violations':
        terminal.status(
          terminal.err('red', `SAFE mode: the code was not run:\n${formatViolations(event.violations)}`),
        );
        break;
      case 'running':
        this.#stopSpinner();
        terminal.status(terminal.err('cyan', `── output (${event.runner}) ──`));
        this.#outputEndsWithNewline = true;
        this.#sawStderr = false;
        break;
      case 'stdout':
        terminal.write(event.chunk);
        this.#outputEndsWithNewline = event.chunk.endsWith('\n');
        break;
      case 'stderr':
        terminal.streams.stderr.write(terminal.err('red', event.chunk));
        this.#sawStderr = true;
        break;
      case 'attempt-end':
        this.#stopSpinner();
        if (!this.#outputEndsWithNewline) {
          terminal.write('\n');
          this.#outputEndsWithNewline = true;
        }
        this.#attemptEnd(event.attempt, event.willRetry);
        break;
      case 'saved':
        terminal.status(terminal.err('dim', `Saved as ${event.executionId}`));
        break;
    }
  };

  /** The closing line: success or the final error. */
  summary(result: ExecutionResult): void {
    this.#stopSpinner();
    const terminal = this.#terminal;
    const attempts = result.attempts.length;
    const seconds = result.executionTime.toFixed(2);
    if (result.success) {
      terminal.status(
        terminal.err(
          'green',
          `✔ Succeeded in ${seconds} s (${attempts} attempt${attempts === 1 ? '' : 's'})`,
        ),
      );
    } else {
      const status = result.attempts.at(-1)?.status ?? 'error';
      terminal.status(
        terminal.err(
          'red',
          `✖ Failed (${status}) after ${attempts} attempt${attempts === 1 ? '' : 's'} in ${seconds} s`,
        ),
      );
    }
  }

  /** Stops the spinner (before an error is printed). */
  stop(): void {
    this.#stopSpinner();
  }

  #attemptEnd(attempt: Attempt, willRetry: boolean): void {
    if (attempt.status === 'success') return;
    const terminal = this.#terminal;
    terminal.status(terminal.err('red', `Attempt ${attempt.number} ${statusWords[attempt.status]}:`));
    // Violations were listed as they were found, and a traceback already streamed on stderr: only
    // its last line is repeated here.
    const error = this.#sawStderr
      ? (attempt.error.trimEnd().split('\n').at(-1) ?? '')
      : attempt.error.trimEnd();
    if (attempt.status !== 'violations' && error) terminal.status(error);
    this.#sawStderr = false;
    if (willRetry)
      terminal.status(terminal.err('yellow', 'Retrying: the code and its error go back to the model.'));
  }

  #startSpinner(text: string): void {
    this.#stopSpinner();
    this.#spinner = this.#terminal.spinner(text);
    if (!this.#spinner) this.#terminal.status(this.#terminal.err('dim', `${text}...`));
  }

  #stopSpinner(): void {
    this.#spinner?.stop();
    this.#spinner = undefined;
  }
}
