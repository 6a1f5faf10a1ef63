import { MissingApiKeyError } from '../errors/missing-api-key-error.js';
import type { ExecuterConfig } from './executer-config.js';

/**
 * Finds a provider's API key with the documented precedence: an explicit key (constructor option or
 * --api-key) > the provider's environment variables, in the order given > config.json's ai.api_key.
 * Throws MissingApiKeyError naming the variables when there is none, before any request is made.
 */
export function resolveApiKey(
  config: Pick<ExecuterConfig, 'apiKey' | 'configApiKey' | 'env'>,
  provider: string,
  environmentVariables: readonly string[],
): string {
  if (config.apiKey) return config.apiKey;
  for (const variable of environmentVariables) {
    const value = config.env[variable];
    if (value && value.trim() !== '') return value.trim();
  }
  if (config.configApiKey) return config.configApiKey;
  throw new MissingApiKeyError(provider, environmentVariables);
}
