import type { ScriptedFinishReason } from './scripted-reply.js';
import type { ResolvedAnswer, WireFormat } from './wire-format.js';

const geminiFinishReasons: Record<ScriptedFinishReason, string> = {
  stop: 'STOP',
  length: 'MAX_TOKENS',
  'content-filter': 'SAFETY',
};

const geminiStatusNames: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  501: 'NOT_IMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

const routePattern = /^\/(v1beta|v1|v1alpha)\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;

interface GeminiContent {
  role?: string;
  parts?: { text?: string }[];
}

const textOf = (content: GeminiContent | undefined): string =>
  (content?.parts ?? []).map((part) => part.text ?? '').join('');

/**
 * The Gemini API (POST /v1beta/models/{model}:generateContent, and :streamGenerateContent?alt=sse),
 * as @google/genai's GenerateContentResponse type describes it: candidates[].content.parts[].text,
 * finishReason, usageMetadata and modelVersion; errors as {"error": {"code","message","status"}}.
 */
export const geminiWireFormat: WireFormat = {
  vendor: 'gemini',
  // Google's SSE events end with CRLF pairs.
  eventSeparator: '\r\n\r\n',
  route: (request) => {
    const match = routePattern.exec(request.path);
    if (!match) return undefined;
    const stream = match[3] === 'streamGenerateContent';
    if (stream && request.query.alt !== 'sse') return undefined;
    return { stream, model: decodeURIComponent(match[2] ?? '') };
  },
  prompt: (body) => {
    const request = (body ?? {}) as { systemInstruction?: GeminiContent; contents?: GeminiContent[] };
    const users = (request.contents ?? []).filter(
      (content) => content.role === undefined || content.role === 'user',
    );
    return { system: textOf(request.systemInstruction), user: textOf(users.at(-1)) };
  },
  completion: (answer) => ({
    candidates: [
      {
        content: { parts: [{ text: answer.text }], role: 'model' },
        finishReason: geminiFinishReasons[answer.finishReason],
        index: 0,
      },
    ],
    usageMetadata: geminiUsage(answer),
    modelVersion: answer.model,
    responseId: answer.id,
  }),
  streamEvents: (answer) => {
    const last = answer.chunks.length - 1;
    const pieces = answer.chunks.length > 0 ? answer.chunks : [''];
    return pieces.map((piece, index) => ({
      candidates: [
        {
          content: { parts: [{ text: piece }], role: 'model' },
          ...(index === Math.max(0, last) ? { finishReason: geminiFinishReasons[answer.finishReason] } : {}),
          index: 0,
        },
      ],
      usageMetadata:
        index === Math.max(0, last)
          ? geminiUsage(answer)
          : { promptTokenCount: answer.usage.inputTokens, totalTokenCount: answer.usage.inputTokens },
      modelVersion: answer.model,
      responseId: answer.id,
    }));
  },
  emptyCompletion: (model) => ({
    candidates: [],
    usageMetadata: { promptTokenCount: 1, totalTokenCount: 1 },
    modelVersion: model,
    responseId: 'empty',
  }),
  errorBody: (status, message) => ({
    error: { code: status, message, status: geminiStatusNames[status] ?? 'UNKNOWN' },
  }),
  defaultErrorMessage: (status) => {
    if (status === 400) return 'Invalid JSON payload received.';
    if (status === 401) return 'Request had invalid authentication credentials.';
    if (status === 403)
      return "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.";
    if (status === 404)
      return 'models/unknown is not found for API version v1beta, or is not supported for generateContent.';
    if (status === 429) return 'You exceeded your current quota, please check your plan and billing details.';
    if (status === 503) return 'The model is overloaded. Please try again later.';
    if (status >= 500)
      return 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting';
    return 'Request failed.';
  },
};

function geminiUsage(answer: ResolvedAnswer) {
  return {
    promptTokenCount: answer.usage.inputTokens,
    candidatesTokenCount: answer.usage.outputTokens,
    totalTokenCount: answer.usage.inputTokens + answer.usage.outputTokens,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: answer.usage.inputTokens }],
  };
}
