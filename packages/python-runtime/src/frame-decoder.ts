import { type Frame, FrameKind } from './frame.js';
import { HarnessProtocolError } from './harness-protocol-error.js';

const kinds = new Set<number>(Object.values(FrameKind));

/** Splits a byte stream into frames, whatever the chunking. Throws on a malformed header. */
export class FrameDecoder {
  #pending: Buffer = Buffer.alloc(0);
  readonly #maxPayloadBytes: number;

  constructor(maxPayloadBytes = 64 * 1024 * 1024) {
    this.#maxPayloadBytes = maxPayloadBytes;
  }

  push(chunk: Buffer): Frame[] {
    this.#pending = this.#pending.byteLength === 0 ? chunk : Buffer.concat([this.#pending, chunk]);
    const frames: Frame[] = [];
    while (this.#pending.byteLength >= 5) {
      const kind = this.#pending[0] as number;
      const length = this.#pending.readUInt32BE(1);
      if (!kinds.has(kind) || length > this.#maxPayloadBytes) {
        throw new HarnessProtocolError(`malformed frame header (kind ${kind}, length ${length})`);
      }
      if (this.#pending.byteLength < 5 + length) break;
      frames.push({ kind: kind as FrameKind, payload: this.#pending.subarray(5, 5 + length) });
      this.#pending = this.#pending.subarray(5 + length);
    }
    return frames;
  }

  /** Bytes received but not yet part of a whole frame. */
  get pendingBytes(): number {
    return this.#pending.byteLength;
  }
}
