/** What every first-party provider module takes; each option wins over configuration. */
export interface ProviderModuleOptions {
  /** A key that wins over --api-key, the provider's environment variables and config.json. */
  apiKey?: string;
  /** Endpoint override (proxies, test servers); wins over --base-url and providers.<name>.base_url. */
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
