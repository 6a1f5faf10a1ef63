import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type CliStreams, Terminal } from './terminal.js';

function streams(options: { tty: boolean; env?: Record<string, string> }): CliStreams {
  // What a spinner needs of a TTY stream.
  const tty = {
    isTTY: options.tty,
    columns: 80,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
  };
  const stdout = Object.assign(new PassThrough(), tty);
  const stderr = Object.assign(new PassThrough(), tty);
  return { stdout, stderr, stdin: new PassThrough(), env: options.env ?? {}, cwd: process.cwd() };
}

describe('Terminal', () => {
  it('colours only a TTY', () => {
    expect(new Terminal(streams({ tty: true })).out('red', 'text')).toBe('\u001b[31mtext\u001b[39m');
    expect(new Terminal(streams({ tty: false })).out('red', 'text')).toBe('text');
  });

  it('honours NO_COLOR on a TTY', () => {
    expect(new Terminal(streams({ tty: true, env: { NO_COLOR: '1' } })).err('red', 'text')).toBe('text');
  });

  it('spins only on an interactive stderr, never in CI', () => {
    expect(new Terminal(streams({ tty: false })).spinner('working')).toBeUndefined();
    expect(new Terminal(streams({ tty: true, env: { CI: 'true' } })).spinner('working')).toBeUndefined();
    const spinner = new Terminal(streams({ tty: true })).spinner('working');
    expect(spinner).toBeDefined();
    spinner?.stop();
  });
});
