import { throwIfAborted } from './throw-if-aborted.js';

/**
 * Feeds a streamed answer to an accumulator chunk by chunk, handing each non-empty text delta to
 * `onTextDelta`. SDKs end an aborted stream quietly, so an abort afterwards is an error: a
 * partial answer must not pass for a whole one.
 */
export async function accumulateTextStream<Chunk>(
  stream: AsyncIterable<Chunk>,
  accumulator: { add(chunk: Chunk): string },
  onTextDelta: (delta: string) => void,
  signal: AbortSignal | undefined,
  provider: string,
): Promise<void> {
  for await (const chunk of stream) {
    const delta = accumulator.add(chunk);
    if (delta) onTextDelta(delta);
  }
  throwIfAborted(signal, provider);
}
