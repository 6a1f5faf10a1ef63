import { readChatPrompt } from './read-chat-prompt.js';
import type { RecordedRequest } from './recorded-request.js';
import type { ScriptedFinishReason } from './scripted-reply.js';
import type { ResolvedAnswer, WireFormat, WireRoute } from './wire-format.js';

export const openAIFinishReasons: Record<ScriptedFinishReason, string> = {
  stop: 'stop',
  length: 'length',
  'content-filter': 'content_filter',
};

/** Reads model and stream flag from a chat completions request at `path`. */
export function routeChatCompletions(request: RecordedRequest, path: string): WireRoute | undefined {
  if (request.path !== path) return undefined;
  const body = (request.body ?? {}) as { model?: unknown; stream?: unknown };
  return { stream: body.stream === true, model: typeof body.model === 'string' ? body.model : '' };
}

/**
 * OpenAI chat completions (POST /v1/chat/completions), as the openai SDK's ChatCompletion and
 * ChatCompletionChunk types describe them: a usage chunk with empty choices when
 * stream_options.include_usage is set, and `data: [DONE]` at the end.
 */
export const openAIWireFormat: WireFormat = {
  vendor: 'openai',
  eventSeparator: '\n\n',
  route: (request) => routeChatCompletions(request, '/v1/chat/completions'),
  prompt: readChatPrompt,
  completion: (answer) => ({
    id: `chatcmpl-${answer.id}`,
    object: 'chat.completion',
    created: answer.created,
    model: answer.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: answer.text, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: openAIFinishReasons[answer.finishReason],
      },
    ],
    usage: openAIUsage(answer),
    service_tier: 'default',
    system_fingerprint: 'fp_test',
  }),
  streamEvents: (answer, request) => {
    const includeUsage =
      (request.body as { stream_options?: { include_usage?: unknown } })?.stream_options?.include_usage ===
      true;
    const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) => ({
      id: `chatcmpl-${answer.id}`,
      object: 'chat.completion.chunk',
      created: answer.created,
      model: answer.model,
      service_tier: 'default',
      system_fingerprint: 'fp_test',
      choices,
      ...(includeUsage ? { usage: null } : {}),
      ...extra,
    });
    const delta = (content: Record<string, unknown>, finishReason: string | null = null) => ({
      index: 0,
      delta: content,
      logprobs: null,
      finish_reason: finishReason,
    });
    return [
      chunk([delta({ role: 'assistant', content: '', refusal: null })]),
      ...answer.chunks.map((piece) => chunk([delta({ content: piece })])),
      chunk([delta({}, openAIFinishReasons[answer.finishReason])]),
      ...(includeUsage ? [chunk([], { usage: openAIUsage(answer) })] : []),
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
  }),
  errorBody: (status, message) => ({
    error: { message, type: openAIErrorType(status), param: null, code: openAIErrorCode(status) },
  }),
  defaultErrorMessage: (status) => defaultOpenAIErrorMessage(status),
};

function openAIUsage(answer: ResolvedAnswer) {
  return {
    prompt_tokens: answer.usage.inputTokens,
    completion_tokens: answer.usage.outputTokens,
    total_tokens: answer.usage.inputTokens + answer.usage.outputTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

export function openAIErrorType(status: number): string {
  if (status === 429) return 'requests';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

export function openAIErrorCode(status: number): string | null {
  if (status === 401) return 'invalid_api_key';
  if (status === 404) return 'model_not_found';
  if (status === 429) return 'rate_limit_exceeded';
  return null;
}

export function defaultOpenAIErrorMessage(status: number): string {
  if (status === 401)
    return 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.';
  if (status === 403) return 'You are not allowed to access this model.';
  if (status === 404) return 'The model does not exist or you do not have access to it.';
  if (status === 429) return 'Rate limit reached for requests. Please try again in 1s.';
  if (status >= 500) return 'The server had an error while processing your request. Sorry about that!';
  return 'Invalid request.';
}
