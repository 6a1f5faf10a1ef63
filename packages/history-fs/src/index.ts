export { createFsHistoryModule, type FsHistoryModuleOptions } from './create-fs-history-module.js';
export { decodeExecutionRecord, encodeExecutionRecord } from './execution-record-codec.js';
export type {
  AttemptJson,
  ExecutionRecordJson,
  TokenUsageJson,
  ViolationJson,
} from './execution-record-json.js';
export { FsHistoryStore } from './fs-history-store.js';
export type { FsHistoryStoreOptions } from './fs-history-store-options.js';
export { type HistoryFileName, parseRecordFileName, recordFileName } from './history-file-name.js';
