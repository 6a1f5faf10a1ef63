import { ExecuterError } from '@executer/core';

/** `history show <id>` named an execution the history folder does not hold. */
export class ExecutionNotFoundError extends ExecuterError {
  override readonly name = 'ExecutionNotFoundError';
  readonly executionId: string;

  constructor(executionId: string, historyDir: string) {
    super('EXECUTION_NOT_FOUND', `no execution "${executionId}" in ${historyDir}`, {
      hint: 'List the saved ids with `executer history list` (add --history-dir when they live elsewhere).',
    });
    this.executionId = executionId;
  }
}
