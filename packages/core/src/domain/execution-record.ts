import type { ExecutionResult } from './execution-result.js';

/**
 * One saved execution as the HistoryStore returns it. Records written by the seed's Python module
 * lack `attempts` and `usage`, so those are optional here.
 */
export type ExecutionRecord = Omit<ExecutionResult, 'attempts' | 'usage' | 'saved'> &
  Partial<Pick<ExecutionResult, 'attempts' | 'usage'>>;
