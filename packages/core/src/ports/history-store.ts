import type { ServiceIdentifier } from 'inversify';
import type { ExecutionRecord } from '../domain/execution-record.js';

export interface ListExecutionsOptions {
  /** At most this many, newest first. */
  limit?: number;
  /** Only successful executions. */
  successOnly?: boolean;
}

export interface ClearExecutionsOptions {
  /** Keep the newest N; remove the rest. 0 or absent removes all. */
  keepRecent?: number;
}

/** Where executions are kept. Saves are atomic: a reader never sees half a record. */
export interface HistoryStore {
  /**
   * Saves one record and resolves with the id it was saved under, which is the record's own id
   * unless another record already holds it (then a unique one is chosen).
   */
  save(record: ExecutionRecord): Promise<string>;
  /** Newest first. Unreadable entries are skipped with a warning. */
  list(options?: ListExecutionsOptions): Promise<ExecutionRecord[]>;
  /** The record with this id, or undefined. */
  get(executionId: string): Promise<ExecutionRecord | undefined>;
  /** Removes records and resolves with how many were removed. */
  clear(options?: ClearExecutionsOptions): Promise<number>;
}

export const HistoryStore: ServiceIdentifier<HistoryStore> = Symbol.for('@executer/core/HistoryStore');
