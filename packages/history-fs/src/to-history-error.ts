import { HistoryError } from '@executer/core';

const hints: Record<string, string> = {
  EACCES: 'Check the permissions of the history folder, or set historyDir elsewhere.',
  EPERM: 'Check the permissions of the history folder, or set historyDir elsewhere.',
  EROFS:
    'The history folder is on a read-only filesystem: set historyDir elsewhere, or saveExecutions to false.',
  ENOSPC: 'The disk holding the history folder is full: free space or clear old executions.',
  EDQUOT: 'The disk quota is exhausted: free space or clear old executions.',
  ENOTDIR: 'historyDir must be a folder, not a file.',
};

/** Wraps a filesystem failure in core's HistoryError, with a hint for the usual causes. */
export function toHistoryError(error: unknown, location: string, action: string): HistoryError {
  if (error instanceof HistoryError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = error instanceof Error ? error.message : String(error);
  return new HistoryError(location, `cannot ${action}: ${reason}`, {
    cause: error,
    hint: (code && hints[code]) ?? 'Check that the history folder exists and is writable.',
  });
}
