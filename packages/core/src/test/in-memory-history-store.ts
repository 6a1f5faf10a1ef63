import type { ExecutionRecord } from '../domain/execution-record.js';
import type { ClearExecutionsOptions, HistoryStore, ListExecutionsOptions } from '../ports/history-store.js';

/** A HistoryStore double that keeps records in memory, newest last. */
export class InMemoryHistoryStore implements HistoryStore {
  readonly records: ExecutionRecord[] = [];

  async save(record: ExecutionRecord): Promise<string> {
    let executionId = record.executionId;
    for (let suffix = 1; this.records.some((existing) => existing.executionId === executionId); suffix++) {
      executionId = `${record.executionId}_${suffix}`;
    }
    this.records.push(structuredClone({ ...record, executionId }));
    return executionId;
  }

  async list(options: ListExecutionsOptions = {}): Promise<ExecutionRecord[]> {
    const newestFirst = [...this.records]
      .reverse()
      .filter((record) => !options.successOnly || record.success);
    return structuredClone(options.limit === undefined ? newestFirst : newestFirst.slice(0, options.limit));
  }

  async get(executionId: string): Promise<ExecutionRecord | undefined> {
    const found = this.records.find((record) => record.executionId === executionId);
    return found && structuredClone(found);
  }

  async clear(options: ClearExecutionsOptions = {}): Promise<number> {
    const keep = options.keepRecent ?? 0;
    const removed = Math.max(0, this.records.length - keep);
    this.records.splice(0, removed);
    return removed;
  }
}
