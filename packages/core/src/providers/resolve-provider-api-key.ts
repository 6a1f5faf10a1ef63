import { resolveApiKey } from '../config/resolve-api-key.js';
import type { ProviderSettingsSource } from './provider-settings-source.js';

/**
 * One provider's key, by resolveApiKey's precedence. --api-key and ai.api_key belong to the
 * selected provider only; the environment variables count for every provider. Throws
 * MissingApiKeyError naming the variables.
 */
export function resolveProviderApiKey(
  name: string,
  config: ProviderSettingsSource,
  environmentVariables: readonly string[],
): string {
  const selected = config.provider === name;
  return resolveApiKey(
    {
      apiKey: selected ? config.apiKey : undefined,
      configApiKey: selected ? config.configApiKey : undefined,
      env: config.env,
    },
    name,
    environmentVariables,
  );
}
