import { ProviderError } from '../errors/provider-error.js';
import type { GenerateOptions, GenerateRequest, GenerateResponse, Provider } from '../ports/provider.js';

/** One scripted answer: text, a full response, or an error to throw. */
export type ScriptedAnswer =
  | string
  | GenerateResponse
  | ProviderError
  | ((request: GenerateRequest) => string | GenerateResponse);

/**
 * A provider double for orchestration tests: answers from a script, in order, and records every
 * request it got. Streams each answer in two pieces when asked to, like a real streaming provider.
 */
export class ScriptedProvider implements Provider {
  readonly name: string;
  readonly defaultModel = 'scripted-model';
  readonly capabilities = { streaming: true };
  readonly requests: GenerateRequest[] = [];
  readonly #answers: ScriptedAnswer[];

  constructor(answers: ScriptedAnswer[], name = 'scripted') {
    this.#answers = [...answers];
    this.name = name;
  }

  async generate(request: GenerateRequest, options: GenerateOptions = {}): Promise<GenerateResponse> {
    this.requests.push(request);
    if (options.signal?.aborted)
      throw new ProviderError('aborted', 'the request was aborted', { provider: this.name });
    const next = this.#answers.shift();
    if (next === undefined) {
      throw new ProviderError('bad-response', `script exhausted after ${this.requests.length - 1} answers`, {
        provider: this.name,
      });
    }
    if (next instanceof ProviderError) throw next;
    const answer = typeof next === 'function' ? next(request) : next;
    const response: GenerateResponse =
      typeof answer === 'string'
        ? {
            text: answer,
            model: request.model,
            finishReason: 'stop',
            usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15 },
          }
        : answer;
    if (options.onTextDelta) {
      const middle = Math.floor(response.text.length / 2);
      options.onTextDelta(response.text.slice(0, middle));
      options.onTextDelta(response.text.slice(middle));
    }
    return response;
  }
}
