import { bindProvider } from '@executer/core';
import { ContainerModule } from 'inversify';
import { GeminiProvider } from './gemini-provider.js';
import type { GeminiProviderModuleOptions } from './gemini-provider-module-options.js';
import { geminiProviderName, resolveGeminiProviderSettings } from './resolve-gemini-provider-settings.js';

/** Binds "gemini", built on first use from the effective configuration. */
export function createGeminiProviderModule(options: GeminiProviderModuleOptions = {}): ContainerModule {
  return new ContainerModule((load) => {
    bindProvider(
      load,
      geminiProviderName,
      (config) => new GeminiProvider(resolveGeminiProviderSettings(config, options)),
    );
  });
}
