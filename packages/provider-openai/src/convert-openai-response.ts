import { type GenerateResponse, ProviderError } from '@executer/core';
import { convertOpenAIFinishReason } from './convert-openai-finish-reason.js';
import { convertOpenAIUsage, type OpenAIUsageLike } from './convert-openai-usage.js';

interface ChatCompletionLike {
  model?: string | null;
  choices?:
    | {
        message?: { content?: string | null; refusal?: string | null } | null;
        finish_reason?: string | null;
      }[]
    | null;
  usage?: OpenAIUsageLike | null;
}

/**
 * Reads a chat completion into the port's response. No choice, or no text, is a bad-response
 * error (with the refusal or finish reason when the server gave one), never an empty success.
 */
export function convertOpenAIResponse(
  completion: unknown,
  requestedModel: string,
  provider: string,
): GenerateResponse {
  if (typeof completion !== 'object' || completion === null) {
    throw new ProviderError('bad-response', 'the answer is not a chat completion object', { provider });
  }
  const { model, choices, usage } = completion as ChatCompletionLike;
  const choice = Array.isArray(choices) ? choices[0] : undefined;
  if (!choice) throw new ProviderError('bad-response', 'the answer has no choices', { provider });
  const text = choice.message?.content ?? '';
  const finishReason = convertOpenAIFinishReason(choice.finish_reason);
  if (text.trim() === '') {
    const why = choice.message?.refusal
      ? `the model refused: ${choice.message.refusal}`
      : `finish reason ${finishReason ?? 'unknown'}`;
    throw new ProviderError('bad-response', `the answer has no text (${why})`, { provider });
  }
  const converted = convertOpenAIUsage(usage);
  return {
    text,
    model: model || requestedModel,
    ...(finishReason ? { finishReason } : {}),
    ...(converted ? { usage: converted } : {}),
  };
}
