import { describe, expect, it } from 'vitest';
import { convertGroqResponse } from './convert-groq-response.js';
import { GroqStreamAccumulator } from './groq-stream-accumulator.js';

describe('convertGroqResponse', () => {
  it('reads text, model, finish reason and usage', () => {
    expect(
      convertGroqResponse(
        {
          model: 'llama-3.3-70b-versatile',
          choices: [{ message: { content: 'print(1)' }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 9, completion_tokens: 3, total_tokens: 12, queue_time: 0.01 },
          x_groq: { id: 'req_1' },
        },
        'asked',
      ),
    ).toEqual({
      text: 'print(1)',
      model: 'llama-3.3-70b-versatile',
      finishReason: 'stop',
      usage: { inputTokens: 9, outputTokens: 3, totalTokens: 12 },
    });
  });

  it('refuses no choices and no text', () => {
    expect(() => convertGroqResponse({ choices: [] }, 'm')).toThrow(/no choices/);
    expect(() =>
      convertGroqResponse({ choices: [{ message: { content: ' ' }, finish_reason: 'length' }] }, 'm'),
    ).toThrow(/no text \(finish reason length\)/);
  });
});

describe('GroqStreamAccumulator', () => {
  it("takes the usage from the last chunk's x_groq.usage", () => {
    const accumulator = new GroqStreamAccumulator();
    const deltas = [
      {
        model: 'm',
        choices: [{ delta: { role: 'assistant', content: '' }, finish_reason: null }],
        x_groq: { id: 'req_1' },
      },
      { model: 'm', choices: [{ delta: { content: 'hi' }, finish_reason: null }] },
      {
        model: 'm',
        choices: [{ delta: {}, finish_reason: 'stop' }],
        x_groq: { usage: { prompt_tokens: 4, completion_tokens: 1, total_tokens: 5 } },
      },
    ].map((chunk) => accumulator.add(chunk));
    expect(deltas).toEqual(['', 'hi', '']);
    expect(accumulator.finish('asked')).toEqual({
      text: 'hi',
      model: 'm',
      finishReason: 'stop',
      usage: { inputTokens: 4, outputTokens: 1, totalTokens: 5 },
    });
  });
});
