import { bindHistoryStore } from '@executer/core';
import { ContainerModule } from 'inversify';
import { FsHistoryStore } from './fs-history-store.js';

export interface FsHistoryModuleOptions {
  /** The name the store is bound under; default "fs". */
  name?: string;
  /** The history folder; default the configuration's `historyDir`. */
  directory?: string;
  /** Told about each skipped file; default `process.emitWarning`. */
  onWarning?: (message: string) => void;
}

/** Binds the folder-of-JSON-files history store. */
export function createFsHistoryModule(options: FsHistoryModuleOptions = {}): ContainerModule {
  return new ContainerModule((moduleOptions) => {
    bindHistoryStore(
      moduleOptions,
      options.name ?? 'fs',
      (config) =>
        new FsHistoryStore({
          directory: options.directory ?? config.historyDir,
          onWarning: options.onWarning,
        }),
    );
  });
}
