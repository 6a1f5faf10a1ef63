import type { ExecuterPlugin } from '@executer/core';
import { createLiquidPromptModule } from '@executer/prompt-liquid';
import { createSubprocessRunnerModule } from '@executer/runner-subprocess';

/**
 * Every first-party plugin, in registration order. Each package binds its implementations lazily
 * by name, so registering them all costs nothing until a name is used (no SDK client, Docker
 * connection or Python process is created here). Fresh modules on every call: a ContainerModule
 * belongs to one container.
 */
export function firstPartyPlugins(): ExecuterPlugin[] {
  return [
    { name: '@executer/prompt-liquid', module: createLiquidPromptModule() },
    { name: '@executer/runner-subprocess', module: createSubprocessRunnerModule() },
  ];
}
