import { ExecuterError } from '@executer/core';

/** The harness answered something that is not the protocol (a bug, or code that reached the channel). */
export class HarnessProtocolError extends ExecuterError {
  override readonly name = 'HarnessProtocolError';

  constructor(message: string, options: { cause?: unknown } = {}) {
    super('HARNESS_PROTOCOL', `Python harness protocol error: ${message}`, options);
  }
}
