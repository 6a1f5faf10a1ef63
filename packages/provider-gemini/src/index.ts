export {
  convertGeminiError,
  type GeminiErrorBody,
  type GeminiErrorContext,
  geminiRetryDelay,
  parseGeminiErrorBody,
} from './convert-gemini-error.js';
export {
  convertGeminiFinishReason,
  convertGeminiResponse,
  convertGeminiUsage,
} from './convert-gemini-response.js';
export { convertToGeminiRequest } from './convert-to-gemini-request.js';
export { createGeminiProviderModule } from './create-gemini-provider-module.js';
export { GeminiProvider } from './gemini-provider.js';
export type { GeminiProviderModuleOptions } from './gemini-provider-module-options.js';
export type { GeminiProviderSettings } from './gemini-provider-settings.js';
export {
  geminiDefaultModel,
  geminiEnvironmentVariables,
  geminiProviderName,
  resolveGeminiProviderSettings,
} from './resolve-gemini-provider-settings.js';
