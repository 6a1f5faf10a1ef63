import { describe, expect, it } from 'vitest';
import { encodeFrame, encodeJsonFrame, FrameKind } from './frame.js';
import { FrameDecoder } from './frame-decoder.js';
import { HarnessProtocolError } from './harness-protocol-error.js';

describe('FrameDecoder', () => {
  it('reassembles frames whatever the chunking', () => {
    const stream = Buffer.concat([
      encodeJsonFrame({ type: 'ready' }),
      encodeFrame(FrameKind.stdout, Buffer.from([0xff, 0x00])),
      encodeFrame(FrameKind.stderr, Buffer.alloc(0)),
    ]);
    for (const size of [1, 2, 3, 7, stream.byteLength]) {
      const decoder = new FrameDecoder();
      const frames = [];
      for (let offset = 0; offset < stream.byteLength; offset += size)
        frames.push(...decoder.push(stream.subarray(offset, offset + size)));
      expect(frames.map((frame) => frame.kind)).toEqual([FrameKind.json, FrameKind.stdout, FrameKind.stderr]);
      expect(JSON.parse(frames[0]?.payload.toString('utf8') ?? '')).toEqual({ type: 'ready' });
      expect([...(frames[1]?.payload ?? [])]).toEqual([0xff, 0x00]);
      expect(decoder.pendingBytes).toBe(0);
    }
  });

  it('rejects an unknown kind or an oversized length', () => {
    expect(() => new FrameDecoder().push(Buffer.from('hello world'))).toThrow(HarnessProtocolError);
    const oversized = Buffer.from([FrameKind.json, 0xff, 0xff, 0xff, 0xff]);
    expect(() => new FrameDecoder(1024).push(oversized)).toThrow(/malformed frame/);
  });
});
