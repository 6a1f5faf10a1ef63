import type { OpenAIProviderName } from './openai-provider-name.js';

/** Everything one OpenAIProvider needs, resolved from module options and configuration. */
export interface OpenAIProviderSettings {
  name: OpenAIProviderName;
  /** Never logged or serialised; the provider keeps it in a private field. */
  apiKey: string;
  /** Ends in /v1 (or /api/v1 for OpenRouter). */
  baseUrl: string;
  defaultModel: string;
  /** Sent with every request (OpenRouter's attribution headers, proxies' own headers). */
  headers: Record<string, string>;
  /** Per-request limit; the SDK's own retries are off, so this bounds one try. */
  timeoutMs: number;
  fetch?: typeof globalThis.fetch;
  /** The variables the key comes from, for error hints. */
  environmentVariables: readonly string[];
  maxTokensField: 'max_completion_tokens' | 'max_tokens';
  dropsTemperatureForReasoningModels: boolean;
}
