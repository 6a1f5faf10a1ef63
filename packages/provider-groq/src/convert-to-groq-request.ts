import type { GenerateRequest } from '@executer/core';
import type { ChatCompletionCreateParamsNonStreaming } from 'groq-sdk/resources/chat/completions';

/** Maps the port's request to Groq chat completions parameters. */
export function convertToGroqRequest(request: GenerateRequest): ChatCompletionCreateParamsNonStreaming {
  return {
    model: request.model,
    messages: [
      ...(request.system ? [{ role: 'system' as const, content: request.system }] : []),
      { role: 'user' as const, content: request.user },
    ],
    temperature: request.temperature,
    ...(request.maxOutputTokens === undefined ? {} : { max_completion_tokens: request.maxOutputTokens }),
  };
}
