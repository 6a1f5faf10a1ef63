import type { ProviderModuleOptions } from '@executer/core';

/**
 * Options for `createGeminiProviderModule`; each wins over configuration. `baseUrl` reaches the
 * SDK as httpOptions.baseUrl. Defaults: the SDK's endpoint, gemini-3-flash-preview, 120000 ms.
 */
export type GeminiProviderModuleOptions = ProviderModuleOptions;
