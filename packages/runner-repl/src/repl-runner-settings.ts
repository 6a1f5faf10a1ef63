import { availableParallelism } from 'node:os';
import type { ExecuterConfig } from '@executer/core';
import { type PythonRuntimeSettings, resolvePythonRuntimeSettings } from '@executer/python-runtime';
import type { ReplRunnerOptions, ReplStrategy } from './repl-runner-options.js';

export interface ReplRunnerSettings extends PythonRuntimeSettings {
  poolSize: number;
  strategy: ReplStrategy;
}

/** Options > `runners.exec` in config > ExecuterConfig > defaults. */
export function resolveReplRunnerSettings(
  config: Partial<ExecuterConfig> | undefined,
  options: ReplRunnerOptions = {},
): ReplRunnerSettings {
  const section = config?.runners?.exec ?? {};
  const configuredSize =
    typeof section.pool_size === 'number' && section.pool_size >= 1
      ? Math.floor(section.pool_size)
      : undefined;
  const configuredStrategy =
    section.strategy === 'fork' || section.strategy === 'inline' ? section.strategy : undefined;
  return {
    ...resolvePythonRuntimeSettings(config, options),
    poolSize: options.poolSize ?? configuredSize ?? availableParallelism(),
    strategy: options.strategy ?? configuredStrategy ?? 'inline',
  };
}
