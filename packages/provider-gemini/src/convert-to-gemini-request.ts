import type { GenerateRequest } from '@executer/core';
import type { GenerateContentParameters } from '@google/genai';

/** Maps the port's request to generateContent parameters (the caller adds signal and fetch). */
export function convertToGeminiRequest(request: GenerateRequest): GenerateContentParameters {
  return {
    model: request.model,
    contents: [{ role: 'user', parts: [{ text: request.user }] }],
    config: {
      ...(request.system ? { systemInstruction: request.system } : {}),
      temperature: request.temperature,
      ...(request.maxOutputTokens === undefined ? {} : { maxOutputTokens: request.maxOutputTokens }),
    },
  };
}
