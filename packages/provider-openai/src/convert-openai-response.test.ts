import { ProviderError } from '@executer/core';
import { describe, expect, it } from 'vitest';
import { convertOpenAIResponse } from './convert-openai-response.js';
import { OpenAIStreamAccumulator } from './openai-stream-accumulator.js';

const completion = (overrides: Record<string, unknown> = {}) => ({
  model: 'gpt-4.1-mini-2025-04-14',
  choices: [{ index: 0, message: { role: 'assistant', content: 'print(1)' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 },
  ...overrides,
});

const failure = (run: () => unknown): ProviderError => {
  try {
    run();
  } catch (error) {
    return error as ProviderError;
  }
  throw new Error('expected a failure');
};

describe('convertOpenAIResponse', () => {
  it('reads text, the answering model, finish reason and usage', () => {
    expect(convertOpenAIResponse(completion(), 'gpt-4.1-mini', 'openai')).toEqual({
      text: 'print(1)',
      model: 'gpt-4.1-mini-2025-04-14',
      finishReason: 'stop',
      usage: { inputTokens: 12, outputTokens: 3, totalTokens: 15 },
    });
  });

  it('falls back to the requested model, spells finish reasons the port’s way, and tolerates no usage', () => {
    const response = convertOpenAIResponse(
      completion({
        model: '',
        usage: undefined,
        choices: [{ message: { content: 'x' }, finish_reason: 'content_filter' }],
      }),
      'asked',
      'openai',
    );
    expect(response).toEqual({ text: 'x', model: 'asked', finishReason: 'content-filter' });
  });

  it('refuses an answer with no choices, no text, or that is not an object', () => {
    expect(failure(() => convertOpenAIResponse(completion({ choices: [] }), 'm', 'openai'))).toMatchObject({
      kind: 'bad-response',
    });
    const refused = failure(() =>
      convertOpenAIResponse(
        completion({ choices: [{ message: { content: null, refusal: 'I cannot help' } }] }),
        'm',
        'openai',
      ),
    );
    expect(refused).toBeInstanceOf(ProviderError);
    expect(refused.message).toContain('I cannot help');
    expect(failure(() => convertOpenAIResponse('<html>', 'm', 'openrouter'))).toMatchObject({
      kind: 'bad-response',
      provider: 'openrouter',
    });
  });
});

describe('OpenAIStreamAccumulator', () => {
  it('folds deltas, the first model, the last finish reason and the usage chunk', () => {
    const accumulator = new OpenAIStreamAccumulator();
    const deltas = [
      { model: 'm-1', choices: [{ delta: { role: 'assistant', content: '' }, finish_reason: null }] },
      { model: 'm-1', choices: [{ delta: { content: 'pri' }, finish_reason: null }] },
      { model: 'm-1', choices: [{ delta: { content: 'nt(1)' }, finish_reason: null }] },
      { model: 'm-1', choices: [{ delta: {}, finish_reason: 'length' }] },
      { model: 'm-1', choices: [], usage: { prompt_tokens: 4, completion_tokens: 2, total_tokens: 6 } },
    ].map((chunk) => accumulator.add(chunk));
    expect(deltas).toEqual(['', 'pri', 'nt(1)', '', '']);
    expect(accumulator.finish('asked', 'openai')).toEqual({
      text: 'print(1)',
      model: 'm-1',
      finishReason: 'length',
      usage: { inputTokens: 4, outputTokens: 2, totalTokens: 6 },
    });
  });

  it('refuses a stream that carried no text', () => {
    const accumulator = new OpenAIStreamAccumulator();
    accumulator.add({ choices: [{ delta: {}, finish_reason: 'stop' }] });
    expect(failure(() => accumulator.finish('m', 'openai'))).toMatchObject({ kind: 'bad-response' });
  });
});
