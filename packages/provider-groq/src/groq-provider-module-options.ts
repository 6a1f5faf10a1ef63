/** Options for `createGroqProviderModule`; each wins over configuration. */
export interface GroqProviderModuleOptions {
  /** A key that wins over --api-key, GROQ_API_KEY and config.json. */
  apiKey?: string;
  /** The API origin, e.g. a proxy or a test server (default https://api.groq.com). */
  baseUrl?: string;
  /** The model used when the configuration names none (default llama-3.3-70b-versatile). */
  defaultModel?: string;
  headers?: Record<string, string>;
  fetch?: typeof globalThis.fetch;
  /** Per-request timeout in milliseconds (default 120000, or providers.groq.timeout_ms). */
  timeoutMs?: number;
}
