import type { ProviderSettingsSource } from './provider-settings-source.js';

/**
 * The base URL given outright: module options, else --base-url / ai.base_url when this provider
 * is the selected one (they belong to it alone). Undefined: fall back to providers.<name>.base_url
 * and the provider's default.
 */
export function resolveExplicitBaseUrl(
  name: string,
  config: ProviderSettingsSource,
  optionsBaseUrl: string | undefined,
): string | undefined {
  return optionsBaseUrl ?? (config.provider === name ? config.baseUrl : undefined);
}
