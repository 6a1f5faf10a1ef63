import { describe, expect, it } from 'vitest';
import { fence } from './fence.js';

describe('fence', () => {
  it('wraps text in three backticks with the info string, without trailing blank lines', () => {
    expect(fence('print(1)\n\n', 'python')).toBe('```python\nprint(1)\n```');
  });

  it('uses a longer fence than any run of backticks inside', () => {
    expect(fence('a ```` b', 'text')).toBe('`````text\na ```` b\n`````');
  });

  it('renders nil as an empty block', () => {
    expect(fence(undefined)).toBe('```\n\n```');
  });
});
