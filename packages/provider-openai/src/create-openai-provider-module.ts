import { bindProvider } from '@executer/core';
import { ContainerModule } from 'inversify';
import { OpenAIProvider } from './openai-provider.js';
import type { OpenAIProviderModuleOptions } from './openai-provider-module-options.js';
import { openAIProviderNames } from './openai-provider-name.js';
import { resolveOpenAIProviderSettings } from './resolve-openai-provider-settings.js';

/**
 * Binds "openai", "openrouter" and "openai-compatible". Each is built on first use from the
 * effective configuration, so a missing key or base URL fails only for the provider in use.
 */
export function createOpenAIProviderModule(options: OpenAIProviderModuleOptions = {}): ContainerModule {
  return new ContainerModule((load) => {
    for (const name of openAIProviderNames) {
      bindProvider(
        load,
        name,
        (config) => new OpenAIProvider(resolveOpenAIProviderSettings(name, config, options)),
      );
    }
  });
}
