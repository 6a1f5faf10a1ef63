/** Options for `createOpenAIProviderModule`; each wins over configuration, for all three names. */
export interface OpenAIProviderModuleOptions {
  /** A key that wins over --api-key, the environment and config.json. */
  apiKey?: string;
  /** Wins over ai.base_url and providers.<name>.base_url. */
  baseUrl?: string;
  /** The model used when the configuration names none. */
  defaultModel?: string;
  /** Extra headers for every request. */
  headers?: Record<string, string>;
  /** A fetch implementation for the SDK (tests, proxies, instrumentation). */
  fetch?: typeof globalThis.fetch;
  /** Per-request timeout in milliseconds (default 120000, or providers.<name>.timeout_ms). */
  timeoutMs?: number;
}
