import { openAIErrorCode, openAIFinishReasons, routeChatCompletions } from './openai-wire-format.js';
import { readChatPrompt } from './read-chat-prompt.js';
import type { ResolvedAnswer, WireFormat } from './wire-format.js';

/**
 * Groq's OpenAI-like API (POST /openai/v1/chat/completions), as groq-sdk's types describe it:
 * usage with queue/prompt/completion times, an `x_groq` block with the request id, and in a
 * stream the usage carried by the last chunk's `x_groq.usage`.
 */
export const groqWireFormat: WireFormat = {
  vendor: 'groq',
  eventSeparator: '\n\n',
  route: (request) => routeChatCompletions(request, '/openai/v1/chat/completions'),
  prompt: readChatPrompt,
  completion: (answer) => ({
    id: `chatcmpl-${answer.id}`,
    object: 'chat.completion',
    created: answer.created,
    model: answer.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: answer.text },
        logprobs: null,
        finish_reason: openAIFinishReasons[answer.finishReason],
      },
    ],
    usage: groqUsage(answer),
    usage_breakdown: null,
    system_fingerprint: 'fp_test',
    x_groq: { id: `req_${answer.id}`, seed: 1 },
    service_tier: 'on_demand',
  }),
  streamEvents: (answer) => {
    const chunk = (
      delta: Record<string, unknown>,
      finishReason: string | null,
      extra: Record<string, unknown> = {},
    ) => ({
      id: `chatcmpl-${answer.id}`,
      object: 'chat.completion.chunk',
      created: answer.created,
      model: answer.model,
      system_fingerprint: 'fp_test',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      ...extra,
    });
    return [
      chunk({ role: 'assistant', content: '' }, null, { x_groq: { id: `req_${answer.id}`, seed: 1 } }),
      ...answer.chunks.map((piece) => chunk({ content: piece }, null)),
      chunk({}, openAIFinishReasons[answer.finishReason], {
        x_groq: { id: `req_${answer.id}`, usage: groqUsage(answer) },
      }),
      '[DONE]',
    ];
  },
  emptyCompletion: (model) => ({
    id: 'chatcmpl-empty',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [],
    usage: { prompt_tokens: 1, completion_tokens: 0, total_tokens: 1 },
    x_groq: { id: 'req_empty' },
  }),
  errorBody: (status, message) => ({
    error: {
      message,
      type: status === 429 ? 'tokens' : 'invalid_request_error',
      code: openAIErrorCode(status),
    },
  }),
  defaultErrorMessage: (status) => {
    if (status === 401) return 'Invalid API Key';
    if (status === 404) return 'The model does not exist or you do not have access to it.';
    if (status === 429)
      return 'Rate limit reached for model on tokens per minute (TPM). Please try again in 1s.';
    if (status >= 500) return 'Service Unavailable';
    return 'Invalid request.';
  },
};

function groqUsage(answer: ResolvedAnswer) {
  return {
    queue_time: 0.01,
    prompt_tokens: answer.usage.inputTokens,
    prompt_time: 0.002,
    completion_tokens: answer.usage.outputTokens,
    completion_time: 0.02,
    total_tokens: answer.usage.inputTokens + answer.usage.outputTokens,
    total_time: 0.022,
  };
}
