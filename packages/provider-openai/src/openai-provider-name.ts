/** The names this package binds. */
export const openAIProviderNames = ['openai', 'openrouter', 'openai-compatible'] as const;

export type OpenAIProviderName = (typeof openAIProviderNames)[number];
