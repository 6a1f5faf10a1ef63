import type { GenerateRequest } from '@executer/core';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';

export interface OpenAIRequestOptions {
  maxTokensField: 'max_completion_tokens' | 'max_tokens';
  dropsTemperatureForReasoningModels: boolean;
}

/** OpenAI's reasoning models (o1, o3, o4-mini, gpt-5...) refuse a temperature; gpt-5-chat takes one. */
export function isOpenAIReasoningModel(model: string): boolean {
  return /^o\d/.test(model) || (model.startsWith('gpt-5') && !model.startsWith('gpt-5-chat'));
}

/** Maps the port's request to chat completions parameters, with warnings for settings dropped. */
export function convertToOpenAIRequest(
  request: GenerateRequest,
  options: OpenAIRequestOptions,
): { body: ChatCompletionCreateParamsNonStreaming; warnings: string[] } {
  const warnings: string[] = [];
  const dropTemperature = options.dropsTemperatureForReasoningModels && isOpenAIReasoningModel(request.model);
  if (dropTemperature)
    warnings.push(`temperature ${request.temperature} was not sent: ${request.model} accepts none`);
  const body: ChatCompletionCreateParamsNonStreaming = {
    model: request.model,
    messages: [
      ...(request.system ? [{ role: 'system' as const, content: request.system }] : []),
      { role: 'user' as const, content: request.user },
    ],
    ...(dropTemperature ? {} : { temperature: request.temperature }),
    ...(request.maxOutputTokens === undefined ? {} : { [options.maxTokensField]: request.maxOutputTokens }),
  };
  return { body, warnings };
}
