import type { OpenAIProviderName } from './openai-provider-name.js';

/** What differs between the services this package talks to. */
export interface OpenAIProviderProfile {
  /** Where the key may come from, in order. */
  environmentVariables: readonly string[];
  /** Whether a request without a key is an error (a local server usually needs none). */
  keyRequired: boolean;
  /** Undefined: the user must give one (ai.base_url / --base-url). */
  baseUrl: string | undefined;
  defaultModel: string;
  /**
   * OpenAI's current models want `max_completion_tokens`; OpenRouter and the local servers
   * (Ollama, vLLM, LM Studio, llama.cpp) understand `max_tokens`.
   */
  maxTokensField: 'max_completion_tokens' | 'max_tokens';
  /** OpenAI's reasoning models (o-series, gpt-5) accept no temperature; it is dropped with a warning. */
  dropsTemperatureForReasoningModels: boolean;
}

export const openAIProviderProfiles: Record<OpenAIProviderName, OpenAIProviderProfile> = {
  openai: {
    environmentVariables: ['OPENAI_API_KEY'],
    keyRequired: true,
    baseUrl: 'https://api.openai.com/v1',
    defaultModel: 'gpt-4.1-mini',
    maxTokensField: 'max_completion_tokens',
    dropsTemperatureForReasoningModels: true,
  },
  openrouter: {
    environmentVariables: ['OPENROUTER_API_KEY'],
    keyRequired: true,
    baseUrl: 'https://openrouter.ai/api/v1',
    defaultModel: 'openai/gpt-4.1-mini',
    maxTokensField: 'max_tokens',
    dropsTemperatureForReasoningModels: false,
  },
  'openai-compatible': {
    environmentVariables: ['OPENAI_COMPATIBLE_API_KEY'],
    keyRequired: false,
    baseUrl: undefined,
    defaultModel: 'qwen2.5-coder:7b',
    maxTokensField: 'max_tokens',
    dropsTemperatureForReasoningModels: false,
  },
};
