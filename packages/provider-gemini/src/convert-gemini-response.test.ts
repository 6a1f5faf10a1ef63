import { describe, expect, it } from 'vitest';
import {
  convertGeminiFinishReason,
  convertGeminiResponse,
  convertGeminiUsage,
} from './convert-gemini-response.js';
import { GeminiStreamAccumulator } from './gemini-stream-accumulator.js';

const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
};

describe('convertGeminiResponse', () => {
  it('reads text (thoughts left out), modelVersion, finish reason and usage (thinking counted as output)', () => {
    const response = convertGeminiResponse(
      {
        candidates: [
          {
            content: { parts: [{ text: 'planning...', thought: true }, { text: 'print(' }, { text: '1)' }] },
            finishReason: 'STOP',
          },
        ],
        modelVersion: 'gemini-3-flash-preview-001',
        usageMetadata: {
          promptTokenCount: 10,
          candidatesTokenCount: 4,
          thoughtsTokenCount: 6,
          totalTokenCount: 20,
        },
      },
      'gemini-3-flash-preview',
    );
    expect(response).toEqual({
      text: 'print(1)',
      model: 'gemini-3-flash-preview-001',
      finishReason: 'stop',
      usage: { inputTokens: 10, outputTokens: 10, totalTokens: 20 },
    });
  });

  it('refuses no candidates (naming a prompt block) and answers without text', () => {
    expect(
      failure(() =>
        convertGeminiResponse({ candidates: [], promptFeedback: { blockReason: 'SAFETY' } }, 'm'),
      ),
    ).toMatchObject({
      kind: 'bad-response',
      message: 'gemini: the prompt was blocked (SAFETY)',
    });
    expect(
      failure(() =>
        convertGeminiResponse({ candidates: [{ content: { parts: [] }, finishReason: 'SAFETY' }] }, 'm'),
      ),
    ).toMatchObject({
      kind: 'bad-response',
      message: expect.stringContaining('SAFETY'),
    });
    expect(failure(() => convertGeminiResponse(null, 'm'))).toMatchObject({ kind: 'bad-response' });
  });

  it("spells finish reasons the port's way", () => {
    expect(
      [
        'STOP',
        'MAX_TOKENS',
        'SAFETY',
        'RECITATION',
        'MALFORMED_FUNCTION_CALL',
        'FINISH_REASON_UNSPECIFIED',
        undefined,
      ].map(convertGeminiFinishReason),
    ).toEqual([
      'stop',
      'length',
      'content-filter',
      'content-filter',
      'malformed-function-call',
      undefined,
      undefined,
    ]);
    expect(convertGeminiUsage(undefined)).toBeUndefined();
    expect(convertGeminiUsage({ promptTokenCount: 3 })).toEqual({
      inputTokens: 3,
      outputTokens: 0,
      totalTokens: 3,
    });
  });
});

describe('GeminiStreamAccumulator', () => {
  it('folds chunk texts, the last finish reason and the final usage', () => {
    const accumulator = new GeminiStreamAccumulator();
    const deltas = [
      {
        candidates: [{ content: { parts: [{ text: 'pri' }] } }],
        modelVersion: 'v1',
        usageMetadata: { promptTokenCount: 5, totalTokenCount: 5 },
      },
      {
        candidates: [{ content: { parts: [{ text: 'nt(2)' }] }, finishReason: 'MAX_TOKENS' }],
        modelVersion: 'v1',
        usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 2, totalTokenCount: 7 },
      },
    ].map((chunk) => accumulator.add(chunk));
    expect(deltas).toEqual(['pri', 'nt(2)']);
    expect(accumulator.finish('asked')).toEqual({
      text: 'print(2)',
      model: 'v1',
      finishReason: 'length',
      usage: { inputTokens: 5, outputTokens: 2, totalTokens: 7 },
    });
  });

  it('refuses a stream with no candidates', () => {
    const accumulator = new GeminiStreamAccumulator();
    accumulator.add({ usageMetadata: { promptTokenCount: 1 } });
    expect(failure(() => accumulator.finish('m'))).toMatchObject({ kind: 'bad-response' });
  });
});
