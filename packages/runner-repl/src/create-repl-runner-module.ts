import { bindRunner } from '@executer/core';
import { ContainerModule } from 'inversify';
import { ReplRunner } from './repl-runner.js';
import type { ReplRunnerOptions } from './repl-runner-options.js';
import { resolveReplRunnerSettings } from './repl-runner-settings.js';

/** Binds the runner named "exec" (execution.mode), built on first use from ExecuterConfig + options. */
export function createReplRunnerModule(options: ReplRunnerOptions = {}): ContainerModule {
  return new ContainerModule((load) => {
    bindRunner(load, 'exec', (config) => new ReplRunner(resolveReplRunnerSettings(config, options)));
  });
}
