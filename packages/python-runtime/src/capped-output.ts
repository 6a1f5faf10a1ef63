/** The marker appended to a stream cut at its cap. */
export function truncationMarker(limitBytes: number): string {
  return `\n[executer: output truncated at ${limitBytes} bytes]\n`;
}

/**
 * One output stream of a run: decodes UTF-8 as it streams (a character split across chunks is
 * kept whole; bytes that are not UTF-8 become U+FFFD, never an exception) and stops at a byte cap
 * with a visible marker. Past the cap nothing is kept, so a flood cannot grow the host's memory.
 */
export class CappedOutput {
  readonly limitBytes: number;
  #bytes = 0;
  #truncated = false;
  #parts: string[] = [];
  readonly #decoder = new TextDecoder('utf-8', { fatal: false });
  readonly #onText: ((text: string) => void) | undefined;

  constructor(limitBytes: number, onText?: (text: string) => void) {
    this.limitBytes = limitBytes;
    this.#onText = onText;
  }

  get truncated(): boolean {
    return this.#truncated;
  }

  get byteCount(): number {
    return this.#bytes;
  }

  /** Takes a chunk; returns false once the cap is reached (the caller should stop the run). */
  push(chunk: Uint8Array): boolean {
    if (this.#truncated) return false;
    const room = this.limitBytes - this.#bytes;
    const kept = chunk.byteLength > room ? chunk.subarray(0, room) : chunk;
    this.#bytes += kept.byteLength;
    this.#emit(this.#decoder.decode(kept, { stream: true }));
    if (chunk.byteLength > room) {
      this.#truncated = true;
      this.#emit(this.#decoder.decode() + truncationMarker(this.limitBytes));
      return false;
    }
    return true;
  }

  /** Flushes a trailing partial character; returns the whole text. */
  finish(): string {
    if (!this.#truncated) this.#emit(this.#decoder.decode());
    return this.text;
  }

  get text(): string {
    if (this.#parts.length > 1) this.#parts = [this.#parts.join('')];
    return this.#parts[0] ?? '';
  }

  #emit(text: string): void {
    if (!text) return;
    this.#parts.push(text);
    this.#onText?.(text);
  }
}
