import type { ProviderModuleOptions } from '@executer/core';

/**
 * Options for `createOpenAIProviderModule`; each wins over configuration, for all three names.
 * Defaults: the profile's base URL and model (openai, openrouter, openai-compatible), 120000 ms.
 */
export type OpenAIProviderModuleOptions = ProviderModuleOptions;
