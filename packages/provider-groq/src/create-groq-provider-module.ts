import { bindProvider } from '@executer/core';
import { ContainerModule } from 'inversify';
import { GroqProvider } from './groq-provider.js';
import type { GroqProviderModuleOptions } from './groq-provider-module-options.js';
import { groqProviderName, resolveGroqProviderSettings } from './resolve-groq-provider-settings.js';

/** Binds "groq", built on first use from the effective configuration. */
export function createGroqProviderModule(options: GroqProviderModuleOptions = {}): ContainerModule {
  return new ContainerModule((load) => {
    bindProvider(
      load,
      groqProviderName,
      (config) => new GroqProvider(resolveGroqProviderSettings(config, options)),
    );
  });
}
