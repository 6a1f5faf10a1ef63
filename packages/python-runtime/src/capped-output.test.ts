import { describe, expect, it } from 'vitest';
import { CappedOutput } from './capped-output.js';

describe('CappedOutput', () => {
  it('keeps a character split across chunks whole', () => {
    const streamed: string[] = [];
    const output = new CappedOutput(1024, (text) => streamed.push(text));
    const bytes = Buffer.from('a€b', 'utf8');
    output.push(bytes.subarray(0, 2));
    output.push(bytes.subarray(2));
    expect(output.finish()).toBe('a€b');
    expect(streamed.join('')).toBe('a€b');
  });

  it('turns bytes that are not UTF-8 into U+FFFD instead of throwing', () => {
    const output = new CappedOutput(1024);
    output.push(Buffer.from([0x6f, 0x6b, 0xff, 0xfe, 0x0a]));
    output.push(Buffer.from([0xe4]));
    expect(output.finish()).toBe('ok\uFFFD\uFFFD\n\uFFFD');
  });

  it('cuts at the cap with a visible marker and keeps nothing past it', () => {
    const output = new CappedOutput(10);
    expect(output.push(Buffer.from('12345'))).toBe(true);
    expect(output.push(Buffer.from('67890abc'))).toBe(false);
    expect(output.push(Buffer.alloc(1_000_000, 0x78))).toBe(false);
    expect(output.truncated).toBe(true);
    expect(output.byteCount).toBe(10);
    expect(output.finish()).toBe('1234567890\n[executer: output truncated at 10 bytes]\n');
  });

  it('is not truncated at exactly the cap', () => {
    const output = new CappedOutput(4);
    expect(output.push(Buffer.from('abcd'))).toBe(true);
    expect(output.truncated).toBe(false);
    expect(output.finish()).toBe('abcd');
  });
});
