import { describe, expect, it } from 'vitest';
import { extractCode } from './extract-code.js';

describe('extractCode', () => {
  it('takes the first python block out of prose', () => {
    const answer =
      'Here you go:\n\n```python\nprint(1)\n```\n\nAnd a second:\n```python\nprint(2)\n```\nBye.';
    expect(extractCode(answer, 'python')).toBe('print(1)\n');
  });

  it('prefers a block of the language over an earlier block of another', () => {
    const answer = '```bash\npip install x\n```\n```py\nprint("ok")\n```';
    expect(extractCode(answer, 'python')).toBe('print("ok")\n');
  });

  it('tolerates a missing language tag', () => {
    expect(extractCode('Sure:\n```\nx = 2\nprint(x * 3)\n```', 'python')).toBe('x = 2\nprint(x * 3)\n');
  });

  it('accepts an answer that is only code', () => {
    expect(extractCode('import math\nprint(math.factorial(10))', 'python')).toBe(
      'import math\nprint(math.factorial(10))\n',
    );
  });

  it('keeps a truncated block whose closing fence never came', () => {
    expect(extractCode('```python\nfor i in range(3):\n    print(i)\n', 'python')).toBe(
      'for i in range(3):\n    print(i)\n',
    );
  });

  it('removes indentation common to the whole block', () => {
    expect(extractCode('  ```python\n  if True:\n      print(1)\n  ```', 'python')).toBe(
      'if True:\n    print(1)\n',
    );
  });

  it('keeps backticks inside the code', () => {
    expect(extractCode('```python\ns = "``"\nprint(s)\n```', 'python')).toBe('s = "``"\nprint(s)\n');
  });

  it('finds no code in prose or in an empty answer', () => {
    expect(extractCode('I cannot help with that request.', 'python')).toBeUndefined();
    expect(extractCode('   \n', 'python')).toBeUndefined();
    expect(extractCode('```python\n\n```', 'python')).toBeUndefined();
  });
});
