import { describe, expect, it } from 'vitest';
import { accumulateTextStream } from './accumulate-text-stream.js';

async function* chunks(...pieces: string[]) {
  yield* pieces;
}

describe('accumulateTextStream', () => {
  it('adds every chunk and passes on the non-empty deltas', async () => {
    const added: string[] = [];
    const deltas: string[] = [];
    await accumulateTextStream(
      chunks('pri', '', 'nt(1)'),
      {
        add: (chunk: string) => {
          added.push(chunk);
          return chunk;
        },
      },
      (delta) => deltas.push(delta),
      undefined,
      'openai',
    );
    expect(added).toEqual(['pri', '', 'nt(1)']);
    expect(deltas).toEqual(['pri', 'nt(1)']);
  });

  it('refuses a stream that ended because the caller aborted', async () => {
    const attempt = accumulateTextStream(
      chunks('pri'),
      { add: (chunk) => chunk },
      () => {},
      AbortSignal.abort(),
      'groq',
    );
    await expect(attempt).rejects.toMatchObject({ kind: 'aborted', provider: 'groq' });
  });
});
