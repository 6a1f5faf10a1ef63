import type { ProviderSettingsSource } from '../providers/provider-settings-source.js';

/** A configuration with no key, base URL, environment or providers.<name> block, for settings tests. */
export function providerSettingsSource(
  provider: string,
  overrides: Partial<ProviderSettingsSource> = {},
): ProviderSettingsSource {
  return {
    provider,
    apiKey: undefined,
    configApiKey: undefined,
    baseUrl: undefined,
    env: {},
    providers: {},
    ...overrides,
  };
}
