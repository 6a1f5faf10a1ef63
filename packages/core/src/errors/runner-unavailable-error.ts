import { ExecuterError, type ExecuterErrorOptions } from './executer-error.js';

/**
 * A runner cannot start at all: the interpreter is missing or too old, the Docker engine does not
 * answer, the image is missing. Unlike a failed run, nothing was executed.
 */
export class RunnerUnavailableError extends ExecuterError {
  override readonly name = 'RunnerUnavailableError';
  readonly runner: string;

  constructor(runner: string, message: string, options: ExecuterErrorOptions = {}) {
    super('RUNNER_UNAVAILABLE', `${runner}: ${message}`, options);
    this.runner = runner;
  }
}
