export {
  convertOpenAIError,
  type OpenAIErrorContext,
  openAIErrorKindForStatus,
} from './convert-openai-error.js';
export { convertOpenAIResponse } from './convert-openai-response.js';
export { convertToOpenAIRequest, isOpenAIReasoningModel } from './convert-to-openai-request.js';
export { createOpenAIProviderModule } from './create-openai-provider-module.js';
export { OpenAIProvider } from './openai-provider.js';
export type { OpenAIProviderModuleOptions } from './openai-provider-module-options.js';
export { type OpenAIProviderName, openAIProviderNames } from './openai-provider-name.js';
export { type OpenAIProviderProfile, openAIProviderProfiles } from './openai-provider-profile.js';
export type { OpenAIProviderSettings } from './openai-provider-settings.js';
export { parseOpenAIRetryAfter } from './parse-openai-retry-after.js';
export { placeholderApiKey, resolveOpenAIProviderSettings } from './resolve-openai-provider-settings.js';
