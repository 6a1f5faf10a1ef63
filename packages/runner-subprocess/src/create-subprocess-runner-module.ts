import { bindRunner } from '@executer/core';
import { resolvePythonRuntimeSettings } from '@executer/python-runtime';
import { ContainerModule } from 'inversify';
import { SubprocessRunner } from './subprocess-runner.js';
import type { SubprocessRunnerOptions } from './subprocess-runner-options.js';

/** Binds the runner named "subprocess" (execution.mode), built on first use from ExecuterConfig + options. */
export function createSubprocessRunnerModule(options: SubprocessRunnerOptions = {}): ContainerModule {
  return new ContainerModule((load) => {
    bindRunner(
      load,
      'subprocess',
      (config) => new SubprocessRunner(resolvePythonRuntimeSettings(config, options)),
    );
  });
}
