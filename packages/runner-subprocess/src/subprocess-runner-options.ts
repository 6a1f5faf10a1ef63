import type { PythonRuntimeOptions } from '@executer/python-runtime';

/** Overrides of the ExecuterConfig settings (python, workingDirectory, envAllowlist, isolation, limits). */
export type SubprocessRunnerOptions = PythonRuntimeOptions;
