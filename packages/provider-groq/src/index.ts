export { convertGroqError } from './convert-groq-error.js';
export { convertGroqResponse, convertGroqUsage } from './convert-groq-response.js';
export { convertToGroqRequest } from './convert-to-groq-request.js';
export { createGroqProviderModule } from './create-groq-provider-module.js';
export { GroqProvider } from './groq-provider.js';
export type { GroqProviderModuleOptions } from './groq-provider-module-options.js';
export type { GroqProviderSettings } from './groq-provider-settings.js';
export {
  groqDefaultBaseUrl,
  groqDefaultModel,
  groqEnvironmentVariables,
  groqProviderName,
  resolveGroqProviderSettings,
} from './resolve-groq-provider-settings.js';
