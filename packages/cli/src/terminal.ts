import type { Readable, Writable } from 'node:stream';
import { styleText } from 'node:util';
import yoctoSpinner, { type Spinner } from 'yocto-spinner';

export type WritableOutput = Writable & { isTTY?: boolean };

/** Where the CLI reads and writes; injectable so the commands can be driven in-process. */
export interface CliStreams {
  stdout: WritableOutput;
  stderr: WritableOutput;
  stdin: Readable;
  env: Record<string, string | undefined>;
  cwd: string;
}

type Style = Parameters<typeof styleText>[0];

/**
 * Output helpers. Colour is applied only when the stream is a TTY and NO_COLOR is unset (node's
 * styleText checks both, and FORCE_COLOR); spinners only on an interactive stderr.
 */
export class Terminal {
  readonly streams: CliStreams;

  constructor(streams: CliStreams) {
    this.streams = streams;
  }

  get interactive(): boolean {
    return Boolean(this.streams.stderr.isTTY) && !('CI' in this.streams.env);
  }

  /** Colours text for stdout. */
  out(format: Style, text: string): string {
    return this.#style(format, text, this.streams.stdout);
  }

  /** Colours text for stderr. */
  err(format: Style, text: string): string {
    return this.#style(format, text, this.streams.stderr);
  }

  write(text: string): void {
    this.streams.stdout.write(text);
  }

  /** Status lines (progress, retries, where a record was saved) go to stderr, off the data path. */
  status(text: string): void {
    this.streams.stderr.write(`${text}\n`);
  }

  /** A spinner on an interactive stderr, or undefined. */
  spinner(text: string): Spinner | undefined {
    if (!this.interactive) return undefined;
    return yoctoSpinner({ text, stream: this.streams.stderr, handleSignals: false }).start();
  }

  #style(format: Style, text: string, stream: WritableOutput): string {
    if (!stream.isTTY || this.streams.env.NO_COLOR) return text;
    return styleText(format, text, { stream, validateStream: false });
  }
}
