import { ContainerModule } from 'inversify';
import type { ExecuterPlugin } from '../plugins/executer-plugin.js';
import {
  bindHistoryStore,
  bindPromptBuilder,
  bindProvider,
  bindRunner,
  bindSecurityPolicy,
} from '../plugins/plugin-registration.js';
import type { HistoryStore } from '../ports/history-store.js';
import type { PromptBuilder } from '../ports/prompt-builder.js';
import type { Provider } from '../ports/provider.js';
import type { Runner } from '../ports/runner.js';
import type { SecurityPolicy } from '../ports/security-policy.js';

export interface TestPluginParts {
  providers?: Provider[];
  runners?: Runner[];
  policies?: SecurityPolicy[];
  promptBuilder?: PromptBuilder;
  history?: HistoryStore;
}

/** Binds ready-made instances (usually doubles) under their own names, as a plugin would. */
export function createTestPlugin(parts: TestPluginParts): ExecuterPlugin {
  return {
    name: 'test-plugin',
    module: new ContainerModule((options) => {
      for (const provider of parts.providers ?? []) bindProvider(options, provider.name, () => provider);
      for (const runner of parts.runners ?? []) bindRunner(options, runner.name, () => runner);
      for (const policy of parts.policies ?? []) bindSecurityPolicy(options, policy.mode, () => policy);
      if (parts.promptBuilder) {
        const builder = parts.promptBuilder;
        bindPromptBuilder(options, 'test', () => builder);
      }
      if (parts.history) {
        const history = parts.history;
        bindHistoryStore(options, 'test', () => history);
      }
    }),
  };
}
