/** Options for `createGeminiProviderModule`; each wins over configuration. */
export interface GeminiProviderModuleOptions {
  /** A key that wins over --api-key, GEMINI_API_KEY / GOOGLE_API_KEY and config.json. */
  apiKey?: string;
  /** Endpoint override (proxies, test servers), passed to the SDK as httpOptions.baseUrl. */
  baseUrl?: string;
  /** The model used when the configuration names none (default gemini-3-flash-preview). */
  defaultModel?: string;
  headers?: Record<string, string>;
  fetch?: typeof globalThis.fetch;
  /** Per-request timeout in milliseconds (default 120000, or providers.gemini.timeout_ms). */
  timeoutMs?: number;
}
