/** Everything one GroqProvider needs, resolved from module options and configuration. */
export interface GroqProviderSettings {
  /** Never logged or serialised; the provider keeps it in a private field. */
  apiKey: string;
  /** The API origin (groq-sdk appends /openai/v1/...). */
  baseUrl: string;
  defaultModel: string;
  headers: Record<string, string>;
  /** Per-request limit; the SDK's own retries are off, so this bounds one try. */
  timeoutMs: number;
  fetch?: typeof globalThis.fetch;
}
