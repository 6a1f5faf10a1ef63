import { ExecuterError, type ExecuterErrorOptions } from './executer-error.js';

/** The history folder cannot be read or written (permissions, disk full). */
export class HistoryError extends ExecuterError {
  override readonly name = 'HistoryError';
  readonly location: string;

  constructor(location: string, message: string, options: ExecuterErrorOptions = {}) {
    super('HISTORY_IO', `${location}: ${message}`, options);
    this.location = location;
  }
}
