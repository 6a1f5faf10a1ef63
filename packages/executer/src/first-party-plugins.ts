import type { ExecuterPlugin } from '@executer/core';
import { createFsHistoryModule } from '@executer/history-fs';
import { createLiquidPromptModule } from '@executer/prompt-liquid';
import { createGeminiProviderModule } from '@executer/provider-gemini';
import { createGroqProviderModule } from '@executer/provider-groq';
import { createOpenAIProviderModule } from '@executer/provider-openai';
import { createDockerRunnerModule } from '@executer/runner-docker';
import { createReplRunnerModule } from '@executer/runner-repl';
import { createSubprocessRunnerModule } from '@executer/runner-subprocess';
import { createSecurityModule } from '@executer/security';

/**
 * Every first-party plugin, in registration order. Each package binds its implementations lazily
 * by name, so registering them all costs nothing until a name is used (no SDK client, Docker
 * connection or Python process is created here). Fresh modules on every call: a ContainerModule
 * belongs to one container.
 */
export function firstPartyPlugins(): ExecuterPlugin[] {
  return [
    { name: '@executer/security', module: createSecurityModule() },
    { name: '@executer/prompt-liquid', module: createLiquidPromptModule() },
    { name: '@executer/history-fs', module: createFsHistoryModule() },
    { name: '@executer/provider-gemini', module: createGeminiProviderModule() },
    { name: '@executer/provider-openai', module: createOpenAIProviderModule() },
    { name: '@executer/provider-groq', module: createGroqProviderModule() },
    { name: '@executer/runner-subprocess', module: createSubprocessRunnerModule() },
    { name: '@executer/runner-repl', module: createReplRunnerModule() },
    { name: '@executer/runner-docker', module: createDockerRunnerModule() },
  ];
}
