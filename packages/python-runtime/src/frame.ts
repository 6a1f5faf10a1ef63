/** Frame kinds of the harness protocol: a JSON message, or raw stdout / stderr bytes of the code. */
export const FrameKind = { json: 0x4a, stdout: 0x4f, stderr: 0x45 } as const;
export type FrameKind = (typeof FrameKind)[keyof typeof FrameKind];

export interface Frame {
  kind: FrameKind;
  payload: Buffer;
}

/** 1 byte kind + 4-byte big-endian length + payload. */
export function encodeFrame(kind: FrameKind, payload: Uint8Array): Buffer {
  const header = Buffer.allocUnsafe(5);
  header[0] = kind;
  header.writeUInt32BE(payload.byteLength, 1);
  return Buffer.concat([header, payload]);
}

export function encodeJsonFrame(message: unknown): Buffer {
  return encodeFrame(FrameKind.json, Buffer.from(JSON.stringify(message), 'utf8'));
}
