import type { ExecuterConfig } from '@executer/core';
import { defaultBytecodeDirectory } from './harness-entry.js';
import type { IsolationSetting } from './isolation-plan.js';

/** What every Python runner needs; defaults come from ExecuterConfig, options override them. */
export interface PythonRuntimeSettings {
  /** Interpreter name or path (`execution.python`). */
  python: string;
  /** Where the code runs (`execution.working_directory`); absolute. */
  workingDirectory: string;
  /** Variables passed to the code besides PATH, LANG, LC_ALL, HOME, TZ. */
  envAllowlist: readonly string[];
  isolation: IsolationSetting;
  memoryLimitMb: number;
  /** Cap per stream. */
  outputLimitBytes: number;
  /** Where allowlisted variables are read from (tests pass their own). */
  hostEnvironment: NodeJS.ProcessEnv;
  /**
   * Where the harness compiled per interpreter is kept (default `~/.cache/executer/python`, or
   * under `XDG_CACHE_HOME`); null starts the harness from its source every time.
   */
  bytecodeDirectory: string | null;
}

export type PythonRuntimeOptions = Partial<PythonRuntimeSettings>;

export const defaultPythonRuntimeSettings = {
  python: 'python3',
  envAllowlist: [],
  isolation: 'auto',
  memoryLimitMb: 512,
  outputLimitBytes: 1_048_576,
} as const;

export function resolvePythonRuntimeSettings(
  config: Partial<ExecuterConfig> | undefined,
  options: PythonRuntimeOptions = {},
): PythonRuntimeSettings {
  return {
    python: options.python ?? config?.python ?? defaultPythonRuntimeSettings.python,
    workingDirectory: options.workingDirectory ?? config?.workingDirectory ?? process.cwd(),
    envAllowlist: options.envAllowlist ?? config?.envAllowlist ?? defaultPythonRuntimeSettings.envAllowlist,
    isolation: options.isolation ?? config?.isolation ?? defaultPythonRuntimeSettings.isolation,
    memoryLimitMb:
      options.memoryLimitMb ?? config?.memoryLimitMb ?? defaultPythonRuntimeSettings.memoryLimitMb,
    outputLimitBytes:
      options.outputLimitBytes ?? config?.outputLimitBytes ?? defaultPythonRuntimeSettings.outputLimitBytes,
    hostEnvironment: options.hostEnvironment ?? process.env,
    bytecodeDirectory:
      options.bytecodeDirectory === undefined ? defaultBytecodeDirectory() : options.bytecodeDirectory,
  };
}
