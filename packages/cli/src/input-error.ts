import { ExecuterError, type ExecuterErrorOptions } from '@executer/core';

/** A file named on the command line (code for `exec`, --context-file) cannot be read. */
export class InputError extends ExecuterError {
  override readonly name = 'InputError';
  readonly file: string;

  constructor(file: string, message: string, options: ExecuterErrorOptions = {}) {
    super('INPUT_UNREADABLE', `${file}: ${message}`, options);
    this.file = file;
  }
}
