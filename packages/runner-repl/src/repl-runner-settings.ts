import { availableParallelism } from 'node:os';
import { ConfigError, type ExecuterConfig } from '@executer/core';
import { type PythonRuntimeSettings, resolvePythonRuntimeSettings } from '@executer/python-runtime';
import type { ReplRunnerOptions, ReplStrategy } from './repl-runner-options.js';

export interface ReplRunnerSettings extends PythonRuntimeSettings {
  poolSize: number;
  strategy: ReplStrategy;
}

const knownKeys = ['pool_size', 'strategy'];

/** Options > `runners.exec` in config > ExecuterConfig > defaults. A bad value is a ConfigError. */
export function resolveReplRunnerSettings(
  config: Partial<ExecuterConfig> | undefined,
  options: ReplRunnerOptions = {},
): ReplRunnerSettings {
  const section = config?.runners?.exec ?? {};
  const file = config?.configFile ? { file: config.configFile } : {};
  for (const key of Object.keys(section)) {
    if (!knownKeys.includes(key)) {
      throw new ConfigError('unknown key', {
        ...file,
        path: `runners.exec.${key}`,
        allowed: knownKeys.join(', '),
      });
    }
  }
  const { pool_size: poolSize, strategy } = section;
  if (
    poolSize !== undefined &&
    !(Number.isInteger(poolSize) && (poolSize as number) >= 1 && (poolSize as number) <= 256)
  ) {
    throw new ConfigError('is not allowed', {
      ...file,
      path: 'runners.exec.pool_size',
      value: poolSize,
      allowed: 'a whole number from 1 to 256',
    });
  }
  if (strategy !== undefined && strategy !== 'fork' && strategy !== 'inline') {
    throw new ConfigError('is not allowed', {
      ...file,
      path: 'runners.exec.strategy',
      value: strategy,
      allowed: '"inline" (fastest; modules persist between runs) or "fork" (a fresh process per run)',
    });
  }
  return {
    ...resolvePythonRuntimeSettings(config, options),
    poolSize: options.poolSize ?? (poolSize as number | undefined) ?? availableParallelism(),
    strategy: options.strategy ?? (strategy as ReplStrategy | undefined) ?? 'inline',
  };
}
