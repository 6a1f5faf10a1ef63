/** What an error converter needs to know about the request that failed. */
export interface ProviderErrorContext {
  provider: string;
  /** Redacted from every message. */
  apiKey?: string;
  /** Named in the hint of an auth error. */
  environmentVariables?: readonly string[];
  baseUrl?: string;
  signal?: AbortSignal;
}
