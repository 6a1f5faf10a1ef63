import type { ProviderModuleOptions } from '@executer/core';

/**
 * Options for `createGroqProviderModule`; each wins over configuration. Defaults: the API origin
 * https://api.groq.com, the model llama-3.3-70b-versatile, 120000 ms.
 */
export type GroqProviderModuleOptions = ProviderModuleOptions;
