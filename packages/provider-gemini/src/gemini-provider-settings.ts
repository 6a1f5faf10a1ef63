/** Everything one GeminiProvider needs, resolved from module options and configuration. */
export interface GeminiProviderSettings {
  /** Never logged or serialised; the provider keeps it in a private field. */
  apiKey: string;
  /** Undefined: the SDK's own endpoint (https://generativelanguage.googleapis.com). */
  baseUrl: string | undefined;
  /** Default v1beta, where the preview models live. */
  apiVersion: string;
  defaultModel: string;
  headers: Record<string, string>;
  /** Per-request limit; the SDK's own retries are off, so this bounds one try. */
  timeoutMs: number;
  fetch?: typeof globalThis.fetch;
}
