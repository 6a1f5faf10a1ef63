import type { ExecuterConfig } from '../config/executer-config.js';

/** The part of the effective configuration a provider's settings are resolved from. */
export type ProviderSettingsSource = Pick<
  ExecuterConfig,
  'provider' | 'apiKey' | 'configApiKey' | 'baseUrl' | 'env' | 'providers'
>;
