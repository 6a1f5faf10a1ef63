/** A syntax error the static check is sure of, with 1-based line and column. */
export interface CertainSyntaxError {
  message: string;
  line: number;
  column: number;
}

const closers: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/**
 * Finds the syntax errors that are certain from the tokens alone: unterminated strings and
 * unbalanced brackets. The check has no grammar, on purpose: a grammar that lags the language (lezer's
 * rejected PEP 614 decorators, parenthesised `with`, `case ... as`) would call valid modern Python
 * invalid and block a good program; Python itself reports the rest when it runs.
 */
export function findCertainSyntaxError(code: string): CertainSyntaxError | undefined {
  const stack: { bracket: string; line: number; column: number }[] = [];
  let line = 1;
  let lineStart = 0;
  let index = 0;
  const length = code.length;
  while (index < length) {
    const character = code[index] as string;
    if (character === '\n') {
      line += 1;
      lineStart = index + 1;
      index += 1;
      continue;
    }
    if (character === '#') {
      while (index < length && code[index] !== '\n') index += 1;
      continue;
    }
    if (character === '\\' && code[index + 1] === '\n') {
      index += 2;
      line += 1;
      lineStart = index;
      continue;
    }
    if (character === '"' || character === "'") {
      const startLine = line;
      const startColumn = index - lineStart + 1;
      const triple = code.startsWith(character.repeat(3), index);
      const quote = triple ? character.repeat(3) : character;
      const raw = isRawPrefix(code, index);
      index += quote.length;
      let closed = false;
      while (index < length) {
        const current = code[index] as string;
        if (current === '\\' && !raw) {
          if (code[index + 1] === '\n') {
            line += 1;
            lineStart = index + 2;
          }
          index += 2;
          continue;
        }
        if (current === '\\' && raw) {
          // A raw string still cannot end on a backslash-escaped quote.
          index += 2;
          continue;
        }
        if (code.startsWith(quote, index)) {
          index += quote.length;
          closed = true;
          break;
        }
        if (current === '\n') {
          if (!triple) break;
          line += 1;
          lineStart = index + 1;
        }
        index += 1;
      }
      if (!closed) {
        return {
          message: triple ? 'unterminated triple-quoted string literal' : 'unterminated string literal',
          line: startLine,
          column: startColumn,
        };
      }
      continue;
    }
    if (character === '(' || character === '[' || character === '{') {
      stack.push({ bracket: character, line, column: index - lineStart + 1 });
    } else if (character === ')' || character === ']' || character === '}') {
      const open = stack.pop();
      const column = index - lineStart + 1;
      if (!open) return { message: `unmatched '${character}'`, line, column };
      if (open.bracket !== closers[character]) {
        return {
          message: `closing parenthesis '${character}' does not match opening parenthesis '${open.bracket}' on line ${open.line}`,
          line,
          column,
        };
      }
    }
    index += 1;
  }
  const unclosed = stack[0];
  if (unclosed)
    return {
      message: `'${unclosed.bracket}' was never closed`,
      line: unclosed.line,
      column: unclosed.column,
    };
  return undefined;
}

/** Whether the string starting at `quoteIndex` has an r/R in its prefix (r"", rb"", Rf""...). */
function isRawPrefix(code: string, quoteIndex: number): boolean {
  let start = quoteIndex;
  while (start > 0 && /[rRbBuUfF]/.test(code[start - 1] as string) && quoteIndex - start < 2) start -= 1;
  if (start > 0 && /[\w]/.test(code[start - 1] as string)) return false;
  return /[rR]/.test(code.slice(start, quoteIndex));
}
